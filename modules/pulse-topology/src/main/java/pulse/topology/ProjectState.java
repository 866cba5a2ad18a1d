package pulse.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import pulse.model.IssueKind;
import pulse.model.Milestone;
import pulse.model.Payload;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.IssueRaised;
import pulse.model.Payload.IssueResolved;
import pulse.model.Payload.MilestoneReached;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.Payload.ProjectResumed;
import pulse.model.Payload.ProjectSuspended;
import pulse.model.ProjectView;
import pulse.model.PulseEvent;

/**
 * The facts Pulse holds about one project, folded from its events in order, plus the view last
 * published for it. Reports that arrive before the registration are kept here and count from the
 * moment the project is registered.
 *
 * @param months investment per period ({@code YYYY-MM}); a later report for a period replaces it
 */
public record ProjectState(
        String projectId,
        String unitId,
        ProjectRegistered registration,
        Map<String, java.math.BigDecimal> months,
        Map<Milestone, LocalDate> reached,
        String suspendedReason,
        Map<String, Issue> openIssues,
        Instant lastReportAt,
        ProjectView view) {

    public record Issue(IssueKind kind, String text, LocalDate raisedOn) {}

    public static ProjectState empty(String projectId) {
        return new ProjectState(projectId, null, null, new TreeMap<>(), new TreeMap<>(), null, new TreeMap<>(), null, null);
    }

    public boolean registered() {
        return registration != null;
    }

    /** The state after {@code event}; this state is left as it was. */
    public ProjectState apply(PulseEvent event) {
        var months = new TreeMap<>(this.months);
        var reached = new TreeMap<>(this.reached);
        var issues = new TreeMap<>(this.openIssues);
        String unit = unitId;
        ProjectRegistered plan = registration;
        String suspended = suspendedReason;
        Instant lastReport = lastReportAt;
        Payload payload = event.payload();
        if (payload instanceof ProjectRegistered registered) {
            plan = registered;
            unit = event.unitId();
        } else if (payload instanceof InvestmentReported report) {
            months.put(report.period().toString(), report.amount());
            lastReport = lastReport == null || event.reportedAt().isAfter(lastReport) ? event.reportedAt() : lastReport;
        } else if (payload instanceof MilestoneReached milestone) {
            reached.put(milestone.milestone(), milestone.date());
        } else if (payload instanceof ProjectSuspended suspension) {
            suspended = suspension.reason();
        } else if (payload instanceof ProjectResumed) {
            suspended = null;
        } else if (payload instanceof IssueRaised issue) {
            issues.put(issue.issueId(), new Issue(issue.kind(), issue.text(), event.occurredOn()));
        } else if (payload instanceof IssueResolved resolved) {
            issues.remove(resolved.issueId());
        }
        return new ProjectState(projectId, unit, plan, months, reached, suspended, issues, lastReport, view);
    }

    public ProjectState withView(ProjectView newView) {
        return new ProjectState(projectId, unitId, registration, months, reached, suspendedReason, openIssues,
                lastReportAt, newView);
    }
}
