package pulse.rules;

import java.time.YearMonth;
import java.util.Optional;
import pulse.model.Text;

/**
 * Which months and years belong to a project's plan years. Money spent before the first plan year
 * (the year it was registered for) is given once, as {@code investedBeforeYear}; every month from
 * that year on is reported, and a plan can be set for that year or any later one. The write path
 * refuses what breaks this with a 400, the topology sets it aside on the dead-letter topic.
 */
public final class PlanYearRule {

    private PlanYearRule() {}

    /** What a report for {@code period} should have been, or empty when it belongs to the plan years. */
    public static Optional<Text> reportRefusal(int startYear, YearMonth period) {
        return period.getYear() >= startYear ? Optional.empty() : Optional.of(Text.of("rule.planYear.report", startYear));
    }

    /** What a plan for {@code year} should have been, or empty when the project may have a plan for it. */
    public static Optional<Text> planRefusal(int startYear, int year) {
        return year >= startYear ? Optional.empty() : Optional.of(Text.of("rule.planYear.plan", startYear));
    }
}
