package pulse.topology;

import pulse.model.Payload.AnnualPlanSet;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.MilestoneReached;
import pulse.model.PulseEvent;
import pulse.rules.MilestoneOrderRule;
import pulse.rules.PlanYearRule;
import pulse.rules.PlausibilityRule;
import pulse.rules.RuleSettings;

/**
 * Whether the topology takes a readable event into its project's state: its key must be its
 * project, reports and plans must fall in a registered project's plan years, milestones come in
 * their order, and a figure written straight to Kafka must make sense against the plan
 * ({@link PlausibilityRule}). The topology and
 * a closed period's recount ({@link LogFold}) both ask here, so they count exactly the same events.
 */
final class Admission {

    private Admission() {}

    /**
     * Why the event is not taken (naming the field, the value and what was expected), or null when it is.
     *
     * @param checkedOnWrite the record came through Pulse's write path, which checked its figure
     *     already against what the writer saw; checking it again here, against later state, could
     *     set aside a write that was acknowledged
     */
    static String refusal(String key, PulseEvent event, ProjectState before, boolean checkedOnWrite,
            RuleSettings settings) {
        if (!event.projectId().equals(key)) {
            return "key: " + (key == null ? "null" : "\"" + key + "\"") + ", expected the event's projectId \""
                    + event.projectId() + "\"";
        }
        if (before == null || !before.registered()) {
            return null;
        }
        if (event.payload() instanceof InvestmentReported report) {
            String refusal = PlanYearRule.reportRefusal(before.startYear(), report.period())
                    .map(expected -> "period: \"" + report.period() + "\", expected " + expected).orElse(null);
            if (refusal != null || checkedOnWrite) {
                return refusal;
            }
            return PlausibilityRule.check(before.plausibilityFacts(report), report.confirmed(), settings)
                    .map(doubt -> (doubt.doubt() == PlausibilityRule.Doubt.LOOKS_LIKE_YUAN ? "amount: " : "confirm: ")
                            + report.amount().toPlainString() + ", expected " + doubt.expected()).orElse(null);
        }
        if (event.payload() instanceof MilestoneReached milestone) {
            return MilestoneOrderRule.refusal(milestone.milestone(), milestone.date(), before.reached())
                    .map(expected -> "date: \"" + milestone.date() + "\" of " + milestone.milestone() + ", expected "
                            + expected).orElse(null);
        }
        if (event.payload() instanceof AnnualPlanSet plan) {
            return PlanYearRule.planRefusal(before.startYear(), plan.year())
                    .map(expected -> "year: " + plan.year() + ", expected " + expected).orElse(null);
        }
        return null;
    }
}
