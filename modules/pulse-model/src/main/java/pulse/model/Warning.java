package pulse.model;

import java.math.BigDecimal;
import java.util.List;

/** A project that is not green, with every reason in words (in Chinese, and in English). */
public record Warning(String projectId, String name, String unitId, String township, WorkArea area, Light light,
        BigDecimal deviationPoints, List<String> reasons, List<String> reasonsEn) {}
