package pulse.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The time-proportional target: how much of the annual plan is due by today. A month counts as
 * elapsed from its last day on, so on 2022-06-30 half a year is due and on 2022-06-29 five months.
 * With a monthly plan the target is the plan of the elapsed months; without one, elapsed ÷ 12.
 */
public final class TargetRule {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private TargetRule() {}

    /** Months of {@code year} that have ended by {@code today}: 0 before the year, 12 after it. */
    public static int monthsElapsed(int year, LocalDate today) {
        if (today.getYear() < year) {
            return 0;
        }
        if (today.getYear() > year) {
            return 12;
        }
        boolean lastDayOfMonth = today.getDayOfMonth() == today.lengthOfMonth();
        return today.getMonthValue() - 1 + (lastDayOfMonth ? 1 : 0);
    }

    /** The amount (万元, four decimals) of the annual plan due by today. */
    public static BigDecimal targetAmount(BigDecimal annualPlan, List<BigDecimal> monthlyPlan, int year, LocalDate today) {
        int elapsed = monthsElapsed(year, today);
        if (monthlyPlan == null) {
            return annualPlan.multiply(BigDecimal.valueOf(elapsed)).divide(TWELVE, 4, RoundingMode.HALF_UP);
        }
        BigDecimal due = BigDecimal.ZERO;
        for (int month = 0; month < elapsed; month++) {
            due = due.add(monthlyPlan.get(month));
        }
        return due.setScale(4, RoundingMode.HALF_UP);
    }

    /** {@code part ÷ whole} as a fraction with four decimals; zero when nothing is planned. */
    public static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    /** (completionRate − targetRate) × 100, in points with two decimals. */
    public static BigDecimal deviationPoints(BigDecimal completionRate, BigDecimal targetRate) {
        return completionRate.subtract(targetRate).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
