package pulse.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pulse.model.Text;

/**
 * Whether a monthly figure makes sense against the project's plan (issue: a figure typed in 元
 * instead of 万元 topped the ranking). Two kinds of doubt:
 * <ul>
 *   <li>{@link Doubt#LOOKS_LIKE_YUAN}: 10,000× the planned month or more, or above the whole total
 *       investment on its own: refused with the hint, whatever the writer says;
 *   <li>{@link Doubt#NEEDS_CONFIRMATION}: more than 3× the planned month, above what remains of the
 *       year's plan, or taking the money since the start above the total investment: refused unless
 *       the writer confirms it with a reason.
 * </ul>
 * The write path and the topology (records straight to Kafka) both ask here.
 */
public final class PlausibilityRule {

    public enum Doubt { LOOKS_LIKE_YUAN, NEEDS_CONFIRMATION }

    /** Why a figure is doubted: its kind, and what was expected instead (for the error). */
    public record Finding(Doubt doubt, Text expected) {}

    /**
     * What the rule looks at, for a report of {@code amount} for {@code period}.
     *
     * @param annualPlan the plan of the period's year; null when the year has no plan
     * @param monthlyPlan the year's plan by month; null: the annual plan spread evenly
     * @param months every month reported so far ({@code YYYY-MM}), this one's earlier figure included
     * @param startYear the project's first plan year; months before it are in {@code investedBeforeStart}
     */
    public record Facts(YearMonth period, BigDecimal amount, BigDecimal annualPlan, List<BigDecimal> monthlyPlan,
            Map<String, BigDecimal> months, int startYear, BigDecimal investedBeforeStart, BigDecimal totalInvestment) {}

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private PlausibilityRule() {}

    public static Optional<Finding> check(Facts facts, boolean confirmed, RuleSettings settings) {
        BigDecimal amount = facts.amount();
        BigDecimal plannedMonth = plannedMonth(facts);
        BigDecimal total = facts.totalInvestment();
        if (plannedMonth.signum() > 0 && amount.compareTo(plannedMonth.multiply(settings.yuanFactor())) >= 0
                || total.signum() > 0 && amount.compareTo(total) > 0) {
            return Optional.of(new Finding(Doubt.LOOKS_LIKE_YUAN, Text.of("rule.plausible.yuan", amount,
                    plain(plannedMonth), plain(total), plain(amount.movePointLeft(4)))));
        }
        if (confirmed) {
            return Optional.empty();
        }
        if (plannedMonth.signum() > 0 && amount.compareTo(plannedMonth.multiply(settings.monthFactor())) > 0) {
            return confirm(Text.of("rule.plausible.month", amount, settings.monthFactor(), plain(plannedMonth)));
        }
        OtherMonths other = otherMonths(facts);
        if (facts.annualPlan() != null) {
            BigDecimal remaining = facts.annualPlan().subtract(other.ofYear());
            if (amount.compareTo(remaining.max(BigDecimal.ZERO)) > 0) {
                return confirm(Text.of("rule.plausible.remaining", amount, facts.period().getYear(),
                        plain(facts.annualPlan()), plain(remaining.max(BigDecimal.ZERO))));
            }
        }
        BigDecimal sinceStart = facts.investedBeforeStart().add(other.sinceStart()).add(amount);
        if (total.signum() > 0 && sinceStart.compareTo(total) > 0) {
            return confirm(Text.of("rule.plausible.total", plain(sinceStart), plain(total)));
        }
        return Optional.empty();
    }

    private static Optional<Finding> confirm(Text why) {
        return Optional.of(new Finding(Doubt.NEEDS_CONFIRMATION, Text.of("rule.plausible.confirm", why)));
    }

    /** The month's plan: the monthly plan's, else a twelfth of the annual plan; zero without a plan. */
    static BigDecimal plannedMonth(Facts facts) {
        if (facts.annualPlan() == null) {
            return BigDecimal.ZERO;
        }
        if (facts.monthlyPlan() != null) {
            return facts.monthlyPlan().get(facts.period().getMonthValue() - 1);
        }
        return facts.annualPlan().divide(TWELVE, 2, RoundingMode.HALF_UP);
    }

    /** The months reported other than the report's own: of its year, and of every plan year. */
    private record OtherMonths(BigDecimal ofYear, BigDecimal sinceStart) {}

    /** One pass over the months, read as numbers: this runs for every report the server takes. */
    private static OtherMonths otherMonths(Facts facts) {
        BigDecimal ofYear = BigDecimal.ZERO;
        BigDecimal sinceStart = BigDecimal.ZERO;
        int year = facts.period().getYear();
        int month = facts.period().getMonthValue();
        for (Map.Entry<String, BigDecimal> reported : facts.months().entrySet()) {
            String period = reported.getKey();
            int periodYear = Integer.parseInt(period, 0, 4, 10);
            if (periodYear == year && Integer.parseInt(period, 5, 7, 10) == month) {
                continue;
            }
            if (periodYear == year) {
                ofYear = ofYear.add(reported.getValue());
            }
            if (periodYear >= facts.startYear()) {
                sinceStart = sinceStart.add(reported.getValue());
            }
        }
        return new OtherMonths(ofYear, sinceStart);
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
