package pulse.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import pulse.model.Grade;

/** A unit's grade from its completion against the time-proportional target. */
public final class GradeRule {

    private GradeRule() {}

    /**
     * @param completed investment completed this year (万元)
     * @param due the part of the annual plan due by today (万元); nothing due grades 落实好
     */
    public static Grade grade(BigDecimal completed, BigDecimal due, RuleSettings settings) {
        if (due.signum() <= 0) {
            return Grade.EXCELLENT;
        }
        BigDecimal ratio = completed.divide(due, 6, RoundingMode.HALF_UP);
        if (ratio.compareTo(settings.excellentFrom()) >= 0) {
            return Grade.EXCELLENT;
        }
        if (ratio.compareTo(settings.goodFrom()) >= 0) {
            return Grade.GOOD;
        }
        if (ratio.compareTo(settings.fairFrom()) >= 0) {
            return Grade.FAIR;
        }
        if (ratio.compareTo(settings.poorFrom()) >= 0) {
            return Grade.POOR;
        }
        return Grade.FAILING;
    }
}
