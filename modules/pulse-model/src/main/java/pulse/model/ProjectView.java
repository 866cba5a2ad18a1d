package pulse.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One registered project in one plan year ({@code year}), as of "today": its plan for that year, and
 * the figures and light derived from its reports. A project that runs for years has a view per year.
 * Amounts in 万元, rates as fractions.
 *
 * <p>{@code completedThisYear} counts the months of {@code year}; {@code completedSinceStart} adds
 * {@code investedBeforeYear} and every month from {@code startYear} (the first plan year) to the end of
 * {@code year}. {@code planned} is false for a year the office has not set a plan for yet.
 * {@code confirmedMonths}: the months whose figure its unit confirmed as unusual (well above the
 * plan), with the reason it gave; the office lists them ({@code GET /api/outliers}). {@code reasons}
 * are in Chinese, {@code reasonsEn} the same in English (for a screen switched to English).
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
        List<ResolvedIssue> resolvedIssues,
        Instant lastReportAt,
        Light light,
        List<String> reasons,
        int startYear,
        boolean planned,
        Map<String, String> confirmedMonths,
        List<String> reasonsEn) {

    /** A view stored before months could be confirmed has none. */
    public ProjectView {
        confirmedMonths = confirmedMonths == null ? Map.of() : confirmedMonths;
        reasonsEn = reasonsEn == null ? reasons : reasonsEn;
    }

    /**
     * A milestone as planned and as reached (either may be null); {@code late} when it was reached
     * after its planned date, or its planned date has passed without it.
     */
    public record MilestoneView(LocalDate planned, LocalDate reached, boolean late) {}

    /** A blocker raised and not yet resolved: who must solve it, and by when (either may be unset). */
    public record OpenIssue(String issueId, IssueKind kind, String text, LocalDate raisedOn, String ownerUnit,
            LocalDate dueDate) {}

    /** A blocker solved, with how. */
    public record ResolvedIssue(String issueId, IssueKind kind, String text, LocalDate raisedOn, String ownerUnit,
            LocalDate dueDate, LocalDate resolvedOn, String resolution) {}

    /** Started (开工) once any milestone from STARTED on is reached, suspended or not. */
    public boolean started() {
        return Milestone.STARTED_BY.stream().anyMatch(this::reached);
    }

    public boolean completed() {
        return Milestone.COMPLETED_BY.stream().anyMatch(this::reached);
    }

    private boolean reached(Milestone milestone) {
        MilestoneView view = milestones.get(milestone);
        return view != null && view.reached() != null;
    }
}
