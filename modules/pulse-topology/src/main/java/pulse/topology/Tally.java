package pulse.topology;

import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import pulse.model.CurvePoint;
import pulse.model.Grade;
import pulse.model.ProjectView;
import pulse.model.Totals;
import pulse.rules.GradeRule;
import pulse.rules.RuleSettings;
import pulse.rules.TargetRule;

/**
 * The additive part of a group's totals: sums and counts that a project's change moves by exactly
 * its own contribution, so a group is kept up to date by adding deltas (new view minus old view)
 * rather than by scanning its projects. Rates and grades are derived from it when read.
 *
 * @param targetAmount Σ of each project's annual plan due by today, for the group's target rate
 * @param plan planned investment per month ({@code YYYY-MM}) of the projects' plan years
 * @param actual reported investment per month of the plan year
 */
public record Tally(
        long projects,
        long started,
        long completed,
        long green,
        long yellow,
        long red,
        BigDecimal totalInvestment,
        BigDecimal annualPlan,
        BigDecimal completedThisYear,
        BigDecimal completedSinceStart,
        BigDecimal targetAmount,
        SortedMap<String, BigDecimal> plan,
        SortedMap<String, BigDecimal> actual) {

    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final Map<Integer, String[]> PERIODS = new java.util.concurrent.ConcurrentHashMap<>();

    public static Tally zero() {
        return new Tally(0, 0, 0, 0, 0, 0, ZERO, ZERO, ZERO, ZERO, ZERO, new TreeMap<>(), new TreeMap<>());
    }

    /** What one project adds to every group it belongs to; zero for no project. */
    public static Tally of(ProjectView view) {
        if (view == null) {
            return zero();
        }
        SortedMap<String, BigDecimal> plan = new TreeMap<>();
        String[] periods = periodsOf(view.year());
        BigDecimal evenShare = view.monthlyPlan() != null ? null
                : view.annualPlan().divide(TWELVE, 4, java.math.RoundingMode.HALF_UP);
        for (int month = 1; month <= 12; month++) {
            plan.put(periods[month - 1], evenShare != null ? evenShare : view.monthlyPlan().get(month - 1));
        }
        return new Tally(1, view.started() ? 1 : 0, view.completed() ? 1 : 0,
                view.light() == pulse.model.Light.GREEN ? 1 : 0,
                view.light() == pulse.model.Light.YELLOW ? 1 : 0,
                view.light() == pulse.model.Light.RED ? 1 : 0,
                view.totalInvestment(), view.annualPlan(), view.completedThisYear(), view.completedSinceStart(),
                view.targetAmount(), plan, monthsOf(view));
    }

    /** The reported months of the view's plan year (a view carries all of the project's months). */
    private static SortedMap<String, BigDecimal> monthsOf(ProjectView view) {
        String prefix = view.year() + "-";
        SortedMap<String, BigDecimal> months = new TreeMap<>();
        view.months().forEach((period, amount) -> {
            if (period.startsWith(prefix)) {
                months.put(period, amount);
            }
        });
        return months;
    }

    /** "2022-01" … "2022-12", made once per year: this runs for every event, twice. */
    private static String[] periodsOf(int year) {
        return PERIODS.computeIfAbsent(year, y -> {
            String[] periods = new String[12];
            for (int month = 1; month <= 12; month++) {
                periods[month - 1] = java.time.YearMonth.of(y, month).toString();
            }
            return periods;
        });
    }

    public Tally plus(Tally other) {
        return combine(other, 1);
    }

    public Tally minus(Tally other) {
        return combine(other, -1);
    }

    private Tally combine(Tally other, int sign) {
        return new Tally(
                projects + sign * other.projects,
                started + sign * other.started,
                completed + sign * other.completed,
                green + sign * other.green,
                yellow + sign * other.yellow,
                red + sign * other.red,
                add(totalInvestment, other.totalInvestment, sign),
                add(annualPlan, other.annualPlan, sign),
                add(completedThisYear, other.completedThisYear, sign),
                add(completedSinceStart, other.completedSinceStart, sign),
                add(targetAmount, other.targetAmount, sign),
                add(plan, other.plan, sign),
                add(actual, other.actual, sign));
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b, int sign) {
        return sign > 0 ? a.add(b) : a.subtract(b);
    }

    private static SortedMap<String, BigDecimal> add(Map<String, BigDecimal> a, Map<String, BigDecimal> b, int sign) {
        SortedMap<String, BigDecimal> sum = new TreeMap<>(a);
        b.forEach((period, amount) -> sum.merge(period, sign > 0 ? amount : amount.negate(), BigDecimal::add));
        sum.values().removeIf(amount -> amount.signum() == 0);
        return sum;
    }

    /** True when adding this changes nothing: a delta that need not be sent. */
    public boolean isZero() {
        return projects == 0 && started == 0 && completed == 0 && green == 0 && yellow == 0 && red == 0
                && totalInvestment.signum() == 0 && annualPlan.signum() == 0 && completedThisYear.signum() == 0
                && completedSinceStart.signum() == 0 && targetAmount.signum() == 0 && plan.isEmpty() && actual.isEmpty();
    }

    /** The contract's totals object for this group; {@code graded} adds the unit grade. */
    public Totals toTotals(String key, boolean graded, RuleSettings settings) {
        BigDecimal completionRate = TargetRule.rate(completedThisYear, annualPlan);
        BigDecimal targetRate = TargetRule.rate(targetAmount, annualPlan);
        Grade grade = graded ? GradeRule.grade(completedThisYear, targetAmount, settings) : null;
        return new Totals(key, projects, started, completed,
                TargetRule.rate(BigDecimal.valueOf(started), BigDecimal.valueOf(projects)),
                TargetRule.rate(BigDecimal.valueOf(completed), BigDecimal.valueOf(projects)),
                money(totalInvestment), money(annualPlan), money(completedThisYear), money(completedSinceStart),
                completionRate, targetRate, TargetRule.deviationPoints(completionRate, targetRate),
                new Totals.Lights(green, yellow, red), grade);
    }

    /** Monthly plan vs actual, cumulated, over every month of the plan years, including months planned at zero (the S-curve). */
    public java.util.List<CurvePoint> curve() {
        java.util.List<CurvePoint> points = new java.util.ArrayList<>();
        BigDecimal cumulativePlan = ZERO;
        BigDecimal cumulativeActual = ZERO;
        for (String year : plan.keySet().stream().map(period -> period.substring(0, 4)).distinct().toList()) {
            for (String period : periodsOf(Integer.parseInt(year))) {
                BigDecimal planned = plan.getOrDefault(period, ZERO);
                BigDecimal done = actual.getOrDefault(period, ZERO);
                cumulativePlan = cumulativePlan.add(planned);
                cumulativeActual = cumulativeActual.add(done);
                points.add(new CurvePoint(period, money(planned), money(done), money(cumulativePlan), money(cumulativeActual)));
            }
        }
        return points;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
