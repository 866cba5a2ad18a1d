package pulse.topology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import pulse.model.CurvePoint;
import pulse.model.Grade;
import pulse.model.Light;
import pulse.model.ProjectView;
import pulse.model.Totals;
import pulse.rules.GradeRule;
import pulse.rules.RuleSettings;
import pulse.rules.TargetRule;

/**
 * The additive part of a group's totals in one plan year: sums and counts that a project's change
 * moves by exactly its own contribution, so a group is kept by adding the new view and taking
 * away the old one rather than by scanning its projects. Rates and grades are derived when read.
 *
 * <p>Money is kept as whole units of 0.0001 万元 (one 元) in {@code long}s: every amount Pulse takes
 * has at most two decimals and the amounts it derives (an even monthly share, the part of the
 * plan due) four, so the sums are exact, and a project's contribution is a few hundred bytes —
 * every instance holds one per project ({@link TotalsBook}).
 */
public final class Tally {

    private static final int SCALE = 4;
    private static final int COUNTS = 6, SUMS = 5;
    private static final int MONTHS = 12;
    private static final long[] NO_MONTHS = new long[MONTHS];
    private static final Tally ZERO = new Tally(0, new long[COUNTS], new long[SUMS], NO_MONTHS, NO_MONTHS);

    private static final int PROJECTS = 0, STARTED = 1, COMPLETED = 2, GREEN = 3, YELLOW = 4, RED = 5;
    private static final int TOTAL = 0, ANNUAL = 1, THIS_YEAR = 2, SINCE_START = 3, TARGET = 4;

    /** The plan year of the months; 0 while no project with months was added. */
    private final int year;
    private final long[] counts;
    private final long[] money;
    /** Planned and reported investment per month of the plan year, January first. */
    private final long[] plan;
    private final long[] actual;

    private Tally(int year, long[] counts, long[] money, long[] plan, long[] actual) {
        this.year = year;
        this.counts = counts;
        this.money = money;
        this.plan = plan;
        this.actual = actual;
    }

    public static Tally zero() {
        return ZERO;
    }

    /** What one project adds to every group it belongs to; zero for no project. */
    public static Tally of(ProjectView view) {
        if (view == null) {
            return ZERO;
        }
        return of(view.year(), view.started(), view.completed(), view.light(), view.totalInvestment(), view.annualPlan(),
                view.monthlyPlan(), view.completedThisYear(), view.completedSinceStart(), view.targetAmount(), view.months());
    }

    /**
     * What a project adds in plan year {@code year}, from its figures: {@code monthlyPlan} null for an
     * even share of {@code annualPlan}; {@code months} every month it reported, of any year.
     */
    static Tally of(int year, boolean started, boolean completed, Light light, BigDecimal totalInvestment,
            BigDecimal annualPlan, List<BigDecimal> monthlyPlan, BigDecimal completedThisYear,
            BigDecimal completedSinceStart, BigDecimal targetAmount, Map<String, BigDecimal> months) {
        long[] counts = {1, started ? 1 : 0, completed ? 1 : 0, light == Light.GREEN ? 1 : 0,
                light == Light.YELLOW ? 1 : 0, light == Light.RED ? 1 : 0};
        long[] money = {units(totalInvestment), units(annualPlan), units(completedThisYear),
                units(completedSinceStart), units(targetAmount)};
        long[] plan = new long[MONTHS];
        if (monthlyPlan == null) {
            Arrays.fill(plan, units(annualPlan.divide(BigDecimal.valueOf(MONTHS), SCALE, RoundingMode.HALF_UP)));
        } else {
            for (int month = 0; month < MONTHS; month++) {
                plan[month] = units(monthlyPlan.get(month));
            }
        }
        long[] actual = new long[MONTHS];
        String prefix = year + "-";
        for (Map.Entry<String, BigDecimal> reported : months.entrySet()) {
            if (reported.getKey().startsWith(prefix)) {
                actual[Integer.parseInt(reported.getKey(), 5, 7, 10) - 1] = units(reported.getValue());
            }
        }
        return new Tally(year, counts, money, plan, actual);
    }

    /** Writes the tally as {@link #readFrom} reads it: the year, then every sum. */
    void writeTo(BinaryOut out) {
        out.integer(year);
        for (long[] values : new long[][] {counts, money, plan, actual}) {
            for (long value : values) {
                out.number(value);
            }
        }
    }

    static Tally readFrom(BinaryIn in) {
        int year = in.integer();
        long[][] values = {new long[COUNTS], new long[SUMS], new long[MONTHS], new long[MONTHS]};
        for (long[] sums : values) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] = in.number();
            }
        }
        return new Tally(year, values[0], values[1], values[2], values[3]);
    }

    /** The amount in 0.01 万元: moved to scale 0, not through its unscaled BigInteger, made for every amount of every summary. */
    private static long units(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY).movePointRight(SCALE).longValueExact();
    }

    private static BigDecimal amount(long units) {
        return BigDecimal.valueOf(units, SCALE);
    }

    /**
     * A group's sums as a {@link TotalsBook} keeps them: added to in place, so that a summary moves
     * its five groups without a new tally for each (those took a sixth of what the reader of
     * {@code pulse.projects} allocated), and read as an immutable {@link Tally}. Not thread-safe:
     * its book guards it.
     */
    static final class Running {

        private int year;
        private final long[] counts = new long[COUNTS];
        private final long[] money = new long[SUMS];
        private final long[] plan = new long[MONTHS];
        private final long[] actual = new long[MONTHS];

        /** Adds {@code tally} ({@code sign} 1) or takes it away (-1), to the cent; tallies of two plan years do not mix. */
        void add(Tally tally, int sign) {
            if (year != 0 && tally.year != 0 && year != tally.year) {
                throw new IllegalArgumentException("a tally of " + year + " cannot take one of " + tally.year);
            }
            year = year != 0 ? year : tally.year;
            addInPlace(counts, tally.counts, sign);
            addInPlace(money, tally.money, sign);
            addInPlace(plan, tally.plan, sign);
            addInPlace(actual, tally.actual, sign);
        }

        /** Adds another running sum ({@code sign} 1) or takes it away (-1). */
        void add(Running other, int sign) {
            addInPlace(counts, other.counts, sign);
            addInPlace(money, other.money, sign);
            addInPlace(plan, other.plan, sign);
            addInPlace(actual, other.actual, sign);
        }

        /** Becomes {@code tally}, copied into its own arrays: what it held before is written over, nothing is made. */
        void set(Tally tally) {
            year = tally.year;
            System.arraycopy(tally.counts, 0, counts, 0, COUNTS);
            System.arraycopy(tally.money, 0, money, 0, SUMS);
            System.arraycopy(tally.plan, 0, plan, 0, MONTHS);
            System.arraycopy(tally.actual, 0, actual, 0, MONTHS);
        }

        /** Whether it holds exactly {@code tally}'s sums (and so replacing one by the other moves nothing). */
        boolean sameSums(Tally tally) {
            return Arrays.equals(counts, tally.counts) && Arrays.equals(money, tally.money)
                    && Arrays.equals(plan, tally.plan) && Arrays.equals(actual, tally.actual);
        }

        boolean isZero() {
            return allZero(counts) && allZero(money) && allZero(plan) && allZero(actual);
        }

        private static void addInPlace(long[] sums, long[] values, int sign) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] = Math.addExact(sums[i], sign * values[i]);
            }
        }

        Tally snapshot() {
            return new Tally(year, counts.clone(), money.clone(), plan.clone(), actual.clone());
        }
    }

    /** True when adding this changes nothing: a difference that need not be applied. */
    public boolean isZero() {
        return allZero(counts) && allZero(money) && allZero(plan) && allZero(actual);
    }

    private static boolean allZero(long[] values) {
        for (long value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    public long projects() {
        return counts[PROJECTS];
    }

    public long started() {
        return counts[STARTED];
    }

    public long completed() {
        return counts[COMPLETED];
    }

    public BigDecimal annualPlan() {
        return amount(money[ANNUAL]);
    }

    public BigDecimal completedThisYear() {
        return amount(money[THIS_YEAR]);
    }

    /** Σ of each project's annual plan due by today, for the group's target rate and grade. */
    public BigDecimal targetAmount() {
        return amount(money[TARGET]);
    }

    /** The contract's totals object for this group; {@code graded} adds the unit grade. */
    public Totals toTotals(String key, boolean graded, RuleSettings settings) {
        BigDecimal completedThisYear = completedThisYear();
        BigDecimal annualPlan = annualPlan();
        BigDecimal completionRate = TargetRule.rate(completedThisYear, annualPlan);
        BigDecimal targetRate = TargetRule.rate(targetAmount(), annualPlan);
        Grade grade = graded ? GradeRule.grade(completedThisYear, targetAmount(), settings) : null;
        return new Totals(key, projects(), started(), completed(),
                TargetRule.rate(BigDecimal.valueOf(started()), BigDecimal.valueOf(projects())),
                TargetRule.rate(BigDecimal.valueOf(completed()), BigDecimal.valueOf(projects())),
                money(money[TOTAL]), money(money[ANNUAL]), money(money[THIS_YEAR]), money(money[SINCE_START]),
                completionRate, targetRate, TargetRule.deviationPoints(completionRate, targetRate),
                new Totals.Lights(counts[GREEN], counts[YELLOW], counts[RED]), grade);
    }

    /** Monthly plan vs actual, cumulated, over the twelve months of the plan year (the S-curve); empty for no months. */
    public List<CurvePoint> curve() {
        List<CurvePoint> points = new ArrayList<>();
        if (year == 0 || allZero(plan) && allZero(actual)) {
            return points;
        }
        long cumulativePlan = 0;
        long cumulativeActual = 0;
        for (int month = 0; month < MONTHS; month++) {
            cumulativePlan += plan[month];
            cumulativeActual += actual[month];
            points.add(new CurvePoint(YearMonth.of(year, month + 1).toString(), money(plan[month]), money(actual[month]),
                    money(cumulativePlan), money(cumulativeActual)));
        }
        return points;
    }

    private static BigDecimal money(long units) {
        return amount(units).setScale(2, RoundingMode.HALF_UP);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tally that && year == that.year && Arrays.equals(counts, that.counts)
                && Arrays.equals(money, that.money) && Arrays.equals(plan, that.plan) && Arrays.equals(actual, that.actual);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(counts) + Arrays.hashCode(money)) + Arrays.hashCode(actual);
    }

    @Override
    public String toString() {
        return "Tally[" + year + ", counts=" + Arrays.toString(counts) + ", money=" + Arrays.toString(money) + "]";
    }
}
