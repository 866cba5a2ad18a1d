package pulse.topology;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import pulse.model.IssueKind;
import pulse.model.Milestone;
import pulse.model.Payload;
import pulse.model.Payload.AnnualPlanSet;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.IssueRaised;
import pulse.model.Payload.IssueResolved;
import pulse.model.Payload.MilestoneReached;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.Payload.ProjectResumed;
import pulse.model.Payload.ProjectSuspended;
import pulse.model.PulseEvent;
import pulse.rules.PlausibilityRule;

/**
 * The facts Pulse holds about one project, folded from its events in order, plus a fingerprint of
 * each plan year's view as last published (the views themselves are derived again when needed:
 * that takes microseconds, and keeping them made every state several times larger). Reports that arrive before the registration are kept here
 * and count from the moment the project is registered.
 *
 * @param plans the plan of each year: the registration's year from the registration, others from
 *     {@code AnnualPlanSet}
 * @param months investment per period ({@code YYYY-MM}); a later report for a period replaces it
 * @param published a fingerprint of each plan year's view as last published on {@code pulse.projects}
 * @param confirmed the months whose figure the writer confirmed as unusual, with the reason given
 * @param eventPartition the partition of {@code pulse.events} the project's events are on
 * @param eventOffsets the offset there of each accepted event, oldest first: the project's audit
 *     trail is read from {@code pulse.events} itself, which keeps every event forever, not copied
 */
public record ProjectState(
        String projectId,
        String unitId,
        ProjectRegistered registration,
        SortedMap<Integer, YearPlan> plans,
        Map<String, BigDecimal> months,
        Map<Milestone, LocalDate> reached,
        String suspendedReason,
        Map<String, Issue> openIssues,
        Map<String, Resolved> resolvedIssues,
        Instant lastReportAt,
        SortedMap<Integer, Long> published,
        Map<String, String> confirmed,
        int eventPartition,
        List<Long> eventOffsets) {

    /** A blocker: {@code ownerUnit} null means the project's own unit; {@code dueDate} may be unset. */
    public record Issue(IssueKind kind, String text, LocalDate raisedOn, String ownerUnit, LocalDate dueDate) {}

    public record Resolved(Issue issue, LocalDate resolvedOn, String resolution) {}

    /** One year's plan: 万元 for the year, by month where given, and the milestones planned. */
    public record YearPlan(BigDecimal annualPlan, List<BigDecimal> monthlyPlan, Map<Milestone, LocalDate> plannedMilestones) {}

    /** A state written before plans were kept per year has its one plan in its registration. */
    public ProjectState {
        if (plans == null) {
            plans = new TreeMap<>();
            if (registration != null) {
                plans.put(registration.year(), planOf(registration));
            }
        }
        if (published == null) {
            published = new TreeMap<>();
        }
        if (resolvedIssues == null) {
            resolvedIssues = new TreeMap<>();
        }
        if (confirmed == null) {
            confirmed = new TreeMap<>();
        }
        if (eventOffsets == null) {
            eventOffsets = List.of();
        }
    }

    public static ProjectState empty(String projectId) {
        return new ProjectState(projectId, null, null, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), null,
                new TreeMap<>(), new TreeMap<>(), null, new TreeMap<>(), new TreeMap<>(), 0, List.of());
    }

    public boolean registered() {
        return registration != null;
    }

    /** The first plan year: the year the project was registered for. */
    public int startYear() {
        return registration.year();
    }

    /**
     * The state after {@code event}; this state is left as it was. Only the maps the event changes
     * are copied: the rest are shared with this state, as nothing changes a state's maps once made.
     */
    public ProjectState apply(PulseEvent event) {
        var plans = this.plans;
        var months = this.months;
        var reached = this.reached;
        var issues = this.openIssues;
        var resolved = this.resolvedIssues;
        var confirmedMonths = this.confirmed;
        String unit = unitId;
        ProjectRegistered registered = registration;
        String suspended = suspendedReason;
        Instant lastReport = lastReportAt;
        Payload payload = event.payload();
        if (payload instanceof ProjectRegistered registering) {
            registered = registering;
            unit = event.unitId();
            plans = new TreeMap<>(plans);
            plans.put(registering.year(), planOf(registering));
        } else if (payload instanceof AnnualPlanSet plan) {
            plans = new TreeMap<>(plans);
            plans.put(plan.year(), new YearPlan(plan.annualPlan(), plan.monthlyPlan(), plan.plannedMilestones()));
        } else if (payload instanceof InvestmentReported report) {
            String period = report.period().toString();
            months = new TreeMap<>(months);
            months.put(period, report.amount());
            if (report.confirmed() || confirmedMonths.containsKey(period)) {
                confirmedMonths = new TreeMap<>(confirmedMonths);
                if (report.confirmed()) {
                    confirmedMonths.put(period, report.reason());
                } else {
                    confirmedMonths.remove(period);
                }
            }
            lastReport = lastReport == null || event.reportedAt().isAfter(lastReport) ? event.reportedAt() : lastReport;
        } else if (payload instanceof MilestoneReached milestone) {
            reached = new TreeMap<>(reached);
            reached.put(milestone.milestone(), milestone.date());
        } else if (payload instanceof ProjectSuspended suspension) {
            suspended = suspension.reason();
        } else if (payload instanceof ProjectResumed) {
            suspended = null;
        } else if (payload instanceof IssueRaised issue) {
            issues = new TreeMap<>(issues);
            issues.put(issue.issueId(), new Issue(issue.kind(), issue.text(), event.occurredOn(), issue.ownerUnit(),
                    issue.dueDate()));
            resolved = new TreeMap<>(resolved);
            resolved.remove(issue.issueId());
        } else if (payload instanceof IssueResolved resolution && issues.containsKey(resolution.issueId())) {
            issues = new TreeMap<>(issues);
            Issue open = issues.remove(resolution.issueId());
            resolved = new TreeMap<>(resolved);
            resolved.put(resolution.issueId(), new Resolved(open, event.occurredOn(), resolution.text()));
        }
        return new ProjectState(projectId, unit, registered, plans, months, reached, suspended, issues, resolved,
                lastReport, published, confirmedMonths, eventPartition, eventOffsets);
    }

    /** This state with one more accepted event, at {@code offset} of {@code partition} of {@code pulse.events}. */
    public ProjectState withEventAt(int partition, long offset) {
        List<Long> offsets = EventOffsets.append(eventOffsets, offset);
        return new ProjectState(projectId, unitId, registration, plans, months, reached, suspendedReason, openIssues,
                resolvedIssues, lastReportAt, published, confirmed, partition, offsets);
    }

    public ProjectState withPublished(SortedMap<Integer, Long> fingerprints) {
        return new ProjectState(projectId, unitId, registration, plans, months, reached, suspendedReason, openIssues,
                resolvedIssues, lastReportAt, fingerprints, confirmed, eventPartition, eventOffsets);
    }

    /**
     * The facts as they stood at the end of {@code day}: reports for later months and milestones
     * reached later left out (plans, suspension and blockers as they are now), nothing published.
     */
    public ProjectState asAtEndOf(LocalDate day) {
        String lastPeriod = java.time.YearMonth.from(day).toString();
        var months = new TreeMap<>(this.months);
        months.keySet().removeIf(period -> period.compareTo(lastPeriod) > 0);
        var reached = new TreeMap<>(this.reached);
        reached.values().removeIf(date -> date.isAfter(day));
        var confirmedMonths = new TreeMap<>(this.confirmed);
        confirmedMonths.keySet().removeIf(period -> period.compareTo(lastPeriod) > 0);
        return new ProjectState(projectId, unitId, registration, plans, months, reached, suspendedReason, openIssues,
                resolvedIssues, lastReportAt, new TreeMap<>(), confirmedMonths, eventPartition, eventOffsets);
    }

    /** What the plausibility rule looks at for {@code report}, from this state (before the report). */
    public PlausibilityRule.Facts plausibilityFacts(InvestmentReported report) {
        YearPlan plan = plans.get(report.period().getYear());
        return new PlausibilityRule.Facts(report.period(), report.amount(), plan == null ? null : plan.annualPlan(),
                plan == null ? null : plan.monthlyPlan(), months, startYear(), registration.investedBeforeYear(),
                registration.totalInvestment());
    }

    private static YearPlan planOf(ProjectRegistered registration) {
        return new YearPlan(registration.annualPlan(), registration.monthlyPlan(), registration.plannedMilestones());
    }
}
