package pulse.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * The live totals of a group of projects: the county, or one unit, township, work area or level.
 * {@code completionRate} = completedThisYear ÷ annualPlan; {@code targetRate} = the share of the
 * annual plan due by today; {@code deviationPoints} = (completionRate − targetRate) × 100.
 */
public record Totals(
        String key,
        long projects,
        long started,
        long completed,
        BigDecimal startedRate,
        BigDecimal completedRate,
        BigDecimal totalInvestment,
        BigDecimal annualPlan,
        BigDecimal completedThisYear,
        BigDecimal completedSinceStart,
        BigDecimal completionRate,
        BigDecimal targetRate,
        BigDecimal deviationPoints,
        Lights lights,
        @JsonInclude(JsonInclude.Include.NON_NULL) Grade grade) {

    public record Lights(long green, long yellow, long red) {}
}
