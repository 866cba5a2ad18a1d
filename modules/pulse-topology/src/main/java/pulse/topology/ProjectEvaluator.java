package pulse.topology;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pulse.model.Milestone;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.ProjectView.MilestoneView;
import pulse.model.ProjectView.OpenIssue;
import pulse.rules.Finding;
import pulse.rules.LightRule;
import pulse.rules.RuleSettings;
import pulse.rules.TargetRule;

/** Derives a registered project's view from its facts and "today", with the rules. */
public final class ProjectEvaluator {

    private final RuleSettings settings;

    public ProjectEvaluator(RuleSettings settings) {
        this.settings = settings;
    }

    /** The view of {@code state} as of {@code today}; null while the project is not registered. */
    public ProjectView view(ProjectState state, LocalDate today) {
        ProjectRegistered plan = state.registration();
        if (plan == null) {
            return null;
        }
        BigDecimal thisYear = BigDecimal.ZERO.setScale(2);
        BigDecimal sinceStart = plan.investedBeforeYear();
        String firstPeriod = plan.year() + "-01";
        for (Map.Entry<String, BigDecimal> month : state.months().entrySet()) {
            if (month.getKey().compareTo(firstPeriod) < 0) {
                continue; // before the plan year: that is investedBeforeYear, given at registration
            }
            sinceStart = sinceStart.add(month.getValue());
            if (month.getKey().startsWith(plan.year() + "-")) {
                thisYear = thisYear.add(month.getValue());
            }
        }
        BigDecimal targetAmount = TargetRule.targetAmount(plan.annualPlan(), plan.monthlyPlan(), plan.year(), today);
        BigDecimal completionRate = TargetRule.rate(thisYear, plan.annualPlan());
        BigDecimal targetRate = TargetRule.rate(targetAmount, plan.annualPlan());
        BigDecimal deviation = TargetRule.deviationPoints(completionRate, targetRate);
        Map<Milestone, MilestoneView> milestones = milestones(plan, state, today);
        ProjectStatus status = status(state);

        List<Finding> findings = new ArrayList<>();
        LightRule.suspension(state.suspendedReason()).ifPresent(findings::add);
        LightRule.investment(completionRate, targetRate, deviation, settings).ifPresent(findings::add);
        boolean started = reachedAny(state, Milestone.STARTED, Milestone.STRUCTURE_DONE, Milestone.COMPLETED,
                Milestone.IN_OPERATION, Milestone.OPEN_TO_TRAFFIC);
        boolean completed = reachedAny(state, Milestone.COMPLETED, Milestone.IN_OPERATION, Milestone.OPEN_TO_TRAFFIC);
        LightRule.milestone(Milestone.STARTED, plan.plannedMilestones().get(Milestone.STARTED), started, today, settings)
                .ifPresent(findings::add);
        LightRule.milestone(Milestone.COMPLETED, plan.plannedMilestones().get(Milestone.COMPLETED), completed, today,
                settings).ifPresent(findings::add);
        LightRule.silence(plan.year(), state.months().keySet(), status, today, settings).ifPresent(findings::add);

        List<OpenIssue> issues = state.openIssues().entrySet().stream()
                .map(e -> new OpenIssue(e.getKey(), e.getValue().kind(), e.getValue().text(), e.getValue().raisedOn()))
                .toList();
        return new ProjectView(state.projectId(), plan.name(), plan.area(), plan.township(), state.unitId(),
                plan.level(), plan.totalInvestment(), plan.year(), plan.annualPlan(), plan.monthlyPlan(),
                plan.investedBeforeYear(), status, state.suspendedReason(), thisYear, sinceStart, completionRate,
                targetRate, targetAmount, deviation, new TreeMap<>(state.months()), milestones, issues,
                state.lastReportAt(), LightRule.worst(findings), findings.stream().map(Finding::reason).toList());
    }

    static ProjectStatus status(ProjectState state) {
        if (state.suspendedReason() != null) {
            return ProjectStatus.SUSPENDED;
        }
        if (reachedAny(state, Milestone.IN_OPERATION, Milestone.OPEN_TO_TRAFFIC)) {
            return ProjectStatus.OPERATING;
        }
        if (reachedAny(state, Milestone.COMPLETED)) {
            return ProjectStatus.COMPLETED;
        }
        if (reachedAny(state, Milestone.STARTED, Milestone.STRUCTURE_DONE)) {
            return ProjectStatus.UNDER_CONSTRUCTION;
        }
        return ProjectStatus.PREPARING;
    }

    private static boolean reachedAny(ProjectState state, Milestone... milestones) {
        for (Milestone milestone : milestones) {
            if (state.reached().containsKey(milestone)) {
                return true;
            }
        }
        return false;
    }

    private static Map<Milestone, MilestoneView> milestones(ProjectRegistered plan, ProjectState state, LocalDate today) {
        Map<Milestone, MilestoneView> views = new EnumMap<>(Milestone.class);
        for (Milestone milestone : Milestone.values()) {
            LocalDate planned = plan.plannedMilestones().get(milestone);
            LocalDate reached = state.reached().get(milestone);
            if (planned != null || reached != null) {
                boolean late = planned != null && (reached == null ? today.isAfter(planned) : reached.isAfter(planned));
                views.put(milestone, new MilestoneView(planned, reached, late));
            }
        }
        return views;
    }
}
