package pulse.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything Pulse knows about one registered project as of "today": its plan as registered, and
 * the live figures and light derived from its reports. Amounts in 万元, rates as fractions.
 */
public record ProjectView(
        String projectId,
        String name,
        WorkArea area,
        String township,
        String unitId,
        Level level,
        BigDecimal totalInvestment,
        int year,
        BigDecimal annualPlan,
        List<BigDecimal> monthlyPlan,
        BigDecimal investedBeforeYear,
        ProjectStatus status,
        String suspendedReason,
        BigDecimal completedThisYear,
        BigDecimal completedSinceStart,
        BigDecimal completionRate,
        BigDecimal targetRate,
        BigDecimal targetAmount,
        BigDecimal deviationPoints,
        Map<String, BigDecimal> months,
        Map<Milestone, MilestoneView> milestones,
        List<OpenIssue> openIssues,
        Instant lastReportAt,
        Light light,
        List<String> reasons) {

    /**
     * A milestone as planned and as reached (either may be null); {@code late} when it was reached
     * after its planned date, or its planned date has passed without it.
     */
    public record MilestoneView(LocalDate planned, LocalDate reached, boolean late) {}

    /** A blocker raised and not yet resolved. */
    public record OpenIssue(String issueId, IssueKind kind, String text, LocalDate raisedOn) {}

    /** Started (开工) once any milestone from STARTED on is reached, suspended or not. */
    public boolean started() {
        return anyReached(Milestone.STARTED, Milestone.STRUCTURE_DONE, Milestone.COMPLETED,
                Milestone.IN_OPERATION, Milestone.OPEN_TO_TRAFFIC);
    }

    public boolean completed() {
        return anyReached(Milestone.COMPLETED, Milestone.IN_OPERATION, Milestone.OPEN_TO_TRAFFIC);
    }

    private boolean anyReached(Milestone... candidates) {
        for (Milestone milestone : candidates) {
            MilestoneView view = milestones.get(milestone);
            if (view != null && view.reached() != null) {
                return true;
            }
        }
        return false;
    }
}
