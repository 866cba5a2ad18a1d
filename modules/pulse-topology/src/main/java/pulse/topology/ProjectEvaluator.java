package pulse.topology;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import pulse.model.Light;
import pulse.model.Messages;
import pulse.model.Milestone;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.ProjectView.MilestoneView;
import pulse.model.ProjectView.OpenIssue;
import pulse.model.ProjectView.ResolvedIssue;
import pulse.rules.Finding;
import pulse.rules.LightRule;
import pulse.rules.RuleSettings;
import pulse.rules.TargetRule;
import pulse.topology.ProjectState.YearPlan;

/**
 * Derives a registered project's views, one per plan year, from its facts and "today", with the rules.
 *
 * <p>A project has a view in every year from its first plan year on in which it has a plan, has
 * reported money, or was still unfinished when the year began (up to this year): so a project
 * carries on into the new year without waiting for its new plan, and a finished one leaves the list.
 * Which years these are depends only on dated facts, so a past year's list never changes by itself.
 * A past year is evaluated as of its last day: its target is the whole plan, its lights are frozen.
 */
public final class ProjectEvaluator {

    private static final BigDecimal NOTHING = BigDecimal.ZERO.setScale(2);

    private final RuleSettings settings;

    public ProjectEvaluator(RuleSettings settings) {
        this.settings = settings;
    }

    public RuleSettings settings() {
        return settings;
    }

    /** Every plan year's view of {@code state} as of {@code today}; empty while the project is not registered. */
    public SortedMap<Integer, ProjectView> views(ProjectState state, LocalDate today) {
        return perYear(state, today, this::view);
    }

    private interface OfYear<T> {
        T in(ProjectState state, int year, LocalDate today);
    }

    private static <T> SortedMap<Integer, T> perYear(ProjectState state, LocalDate today, OfYear<T> ofYear) {
        SortedMap<Integer, T> perYear = new TreeMap<>();
        if (state.registered()) {
            for (int year : years(state, today)) {
                perYear.put(year, ofYear.in(state, year, today));
            }
        }
        return perYear;
    }

    /** The view of {@code state} in plan year {@code year} as of {@code today}; null when the project has none in that year. */
    public ProjectView viewIn(ProjectState state, int year, LocalDate today) {
        return state.registered() && years(state, today).contains(year) ? view(state, year, today) : null;
    }

    /**
     * The view of {@code year} when one is asked for (null when the project has none in it); with
     * none asked, of the year of today, else the latest before it (a project finished last year),
     * else the first (a project planned from next year on). Null while the project is not registered.
     */
    public ProjectView viewFor(ProjectState state, Integer year, LocalDate today) {
        if (!state.registered()) {
            return null;
        }
        if (year != null) {
            return viewIn(state, year, today);
        }
        SortedSet<Integer> years = years(state, today);
        SortedSet<Integer> upToToday = years.headSet(today.getYear() + 1);
        return view(state, upToToday.isEmpty() ? years.first() : upToToday.last(), today);
    }

    static SortedSet<Integer> years(ProjectState state, LocalDate today) {
        int start = state.startYear();
        SortedSet<Integer> years = new TreeSet<>(state.plans().tailMap(start).keySet());
        years.add(start);
        for (String period : state.months().keySet()) {
            int year = Integer.parseInt(period, 0, 4, 10);
            if (year >= start) {
                years.add(year);
            }
        }
        for (int year = start + 1; year <= today.getYear(); year++) {
            if (!finishedBefore(state, LocalDate.of(year, 1, 1))) {
                years.add(year);
            }
        }
        return years;
    }

    private static boolean finishedBefore(ProjectState state, LocalDate day) {
        return Milestone.COMPLETED_BY.stream()
                .map(milestone -> state.reached().get(milestone))
                .anyMatch(date -> date != null && date.isBefore(day));
    }

    /** The view of {@code state} in plan year {@code year}, as of {@code today} (a past year: as of its last day). */
    public ProjectView view(ProjectState state, int year, LocalDate today) {
        Evaluation e = evaluate(state, year, today);
        ProjectRegistered registration = state.registration();
        List<OpenIssue> issues = new ArrayList<>();
        state.openIssues().forEach((id, issue) -> issues.add(new OpenIssue(id, issue.kind(), issue.text(),
                issue.raisedOn(), owner(state, issue), issue.dueDate())));
        List<ResolvedIssue> resolved = new ArrayList<>();
        state.resolvedIssues().forEach((id, done) -> resolved.add(new ResolvedIssue(id, done.issue().kind(),
                done.issue().text(), done.issue().raisedOn(), owner(state, done.issue()), done.issue().dueDate(),
                done.resolvedOn(), done.resolution())));
        return new ProjectView(state.projectId(), registration.name(), registration.area(), registration.township(),
                state.unitId(), registration.level(), registration.totalInvestment(), year, e.annualPlan(),
                e.monthlyPlan(), registration.investedBeforeYear(), e.status(), e.suspended(), e.thisYear(),
                e.sinceStart(), e.completionRate(), e.targetRate(), e.targetAmount(), e.deviation(),
                new TreeMap<>(state.months()), milestones(e.planned(), e.reached(), e.asOf()), issues, resolved,
                state.lastReportAt(), e.light(), e.reasons(Messages.ZH), state.startYear(), state.plans().get(year) != null,
                new TreeMap<>(state.confirmed()), e.reasons(Messages.EN));
    }

    /** Every plan year's summary of {@code state} as of {@code today}: what {@code pulse.projects} carries. */
    public SortedMap<Integer, ProjectSummary> summaries(ProjectState state, LocalDate today) {
        return perYear(state, today, this::summary);
    }

    /**
     * The summary of the view of {@code state} in plan year {@code year}, made without the view: no
     * copies of the months, milestones and blockers it does not carry, and its reasons left as texts.
     */
    public ProjectSummary summary(ProjectState state, int year, LocalDate today) {
        Evaluation e = evaluate(state, year, today);
        ProjectRegistered registration = state.registration();
        Tally tally = Tally.of(year, e.started(), e.completed(), e.light(), registration.totalInvestment(),
                e.annualPlan(), e.monthlyPlan(), e.thisYear(), e.sinceStart(), e.targetAmount(), state.months());
        return new ProjectSummary(state.projectId(), year, registration.name(), state.unitId(), registration.township(),
                registration.area(), registration.level(), e.status(), e.light(), e.deviation(), e.thisYear(),
                e.findings().stream().map(Finding::reason).toList(), tally);
    }

    /** What the rules make of a project in one plan year: the figures and findings its view and summary show. */
    private record Evaluation(LocalDate asOf, BigDecimal annualPlan, List<BigDecimal> monthlyPlan, BigDecimal thisYear,
            BigDecimal sinceStart, BigDecimal targetAmount, BigDecimal completionRate, BigDecimal targetRate,
            BigDecimal deviation, Map<Milestone, LocalDate> reached, Map<Milestone, LocalDate> planned, String suspended,
            ProjectStatus status, boolean started, boolean completed, List<Finding> findings) {

        Light light() {
            return LightRule.worst(findings);
        }

        List<String> reasons(Locale locale) {
            return findings.stream().map(finding -> finding.reason().in(locale)).toList();
        }
    }

    private Evaluation evaluate(ProjectState state, int year, LocalDate today) {
        YearPlan plan = state.plans().get(year);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate asOf = today.isAfter(yearEnd) ? yearEnd : today;
        BigDecimal annualPlan = plan == null ? NOTHING : plan.annualPlan();
        List<BigDecimal> monthlyPlan = plan == null ? null : plan.monthlyPlan();

        BigDecimal thisYear = NOTHING;
        BigDecimal sinceStart = state.registration().investedBeforeYear();
        String first = state.startYear() + "-01";
        String last = year + "-12";
        String ofYear = year + "-";
        for (Map.Entry<String, BigDecimal> month : state.months().entrySet()) {
            String period = month.getKey();
            if (period.compareTo(first) < 0 || period.compareTo(last) > 0) {
                continue; // before the plan years that is investedBeforeYear; after this year, another year's
            }
            sinceStart = sinceStart.add(month.getValue());
            if (period.startsWith(ofYear)) {
                thisYear = thisYear.add(month.getValue());
            }
        }
        BigDecimal targetAmount = TargetRule.targetAmount(annualPlan, monthlyPlan, year, asOf);
        BigDecimal completionRate = TargetRule.rate(thisYear, annualPlan);
        BigDecimal targetRate = TargetRule.rate(targetAmount, annualPlan);
        BigDecimal deviation = TargetRule.deviationPoints(completionRate, targetRate);
        Map<Milestone, LocalDate> reached = reachedBy(state, yearEnd);
        Map<Milestone, LocalDate> planned = plannedBy(state, year);
        String suspended = year >= today.getYear() ? state.suspendedReason() : null;
        ProjectStatus status = status(reached, suspended);
        boolean started = Milestone.STARTED_BY.stream().anyMatch(reached::containsKey);
        boolean completed = Milestone.COMPLETED_BY.stream().anyMatch(reached::containsKey);

        List<Finding> findings = new ArrayList<>();
        LightRule.suspension(suspended).ifPresent(findings::add);
        LightRule.noPlan(year, plan != null, completed, today, settings).ifPresent(findings::add);
        LightRule.investment(completionRate, targetRate, deviation, settings).ifPresent(findings::add);
        LightRule.milestone(Milestone.STARTED, planned.get(Milestone.STARTED), started, asOf, settings)
                .ifPresent(findings::add);
        LightRule.milestone(Milestone.COMPLETED, planned.get(Milestone.COMPLETED), completed, asOf, settings)
                .ifPresent(findings::add);
        LightRule.silence(state.startYear(), state.months().keySet(), status, asOf, settings).ifPresent(findings::add);
        state.openIssues().forEach((id, issue) -> LightRule.overdueIssue(id, issue.text(), owner(state, issue),
                issue.dueDate(), asOf, settings).ifPresent(findings::add));
        return new Evaluation(asOf, annualPlan, monthlyPlan, thisYear, sinceStart, targetAmount, completionRate,
                targetRate, deviation, reached, planned, suspended, status, started, completed, findings);
    }

    /** Who must resolve a blocker: the unit it names, else the project's own. */
    private static String owner(ProjectState state, ProjectState.Issue issue) {
        return issue.ownerUnit() != null ? issue.ownerUnit() : state.unitId();
    }

    static ProjectStatus status(Map<Milestone, LocalDate> reached, String suspendedReason) {
        if (suspendedReason != null) {
            return ProjectStatus.SUSPENDED;
        }
        if (reached.containsKey(Milestone.IN_OPERATION) || reached.containsKey(Milestone.OPEN_TO_TRAFFIC)) {
            return ProjectStatus.OPERATING;
        }
        if (reached.containsKey(Milestone.COMPLETED)) {
            return ProjectStatus.COMPLETED;
        }
        if (reached.containsKey(Milestone.STARTED) || reached.containsKey(Milestone.STRUCTURE_DONE)) {
            return ProjectStatus.UNDER_CONSTRUCTION;
        }
        return ProjectStatus.PREPARING;
    }

    /** The milestones reached by the end of a year: a past year's view does not see later ones. */
    private static Map<Milestone, LocalDate> reachedBy(ProjectState state, LocalDate yearEnd) {
        Map<Milestone, LocalDate> reached = new EnumMap<>(Milestone.class);
        state.reached().forEach((milestone, date) -> {
            if (!date.isAfter(yearEnd)) {
                reached.put(milestone, date);
            }
        });
        return reached;
    }

    /** The planned dates as of a year's plan: each year's plan may move a date set by an earlier one. */
    private static Map<Milestone, LocalDate> plannedBy(ProjectState state, int year) {
        Map<Milestone, LocalDate> planned = new EnumMap<>(Milestone.class);
        state.plans().subMap(state.startYear(), year + 1).values().forEach(plan -> {
            if (plan.plannedMilestones() != null) {
                planned.putAll(plan.plannedMilestones());
            }
        });
        return planned;
    }

    private static Map<Milestone, MilestoneView> milestones(Map<Milestone, LocalDate> plannedDates,
            Map<Milestone, LocalDate> reachedDates, LocalDate asOf) {
        Map<Milestone, MilestoneView> views = new EnumMap<>(Milestone.class);
        for (Milestone milestone : Milestone.values()) {
            LocalDate planned = plannedDates.get(milestone);
            LocalDate reached = reachedDates.get(milestone);
            if (planned != null || reached != null) {
                boolean late = planned != null && (reached == null ? asOf.isAfter(planned) : reached.isAfter(planned));
                views.put(milestone, new MilestoneView(planned, reached, late));
            }
        }
        return views;
    }
}
