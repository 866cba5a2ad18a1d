package pulse.documents.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import pulse.model.Milestone;
import pulse.model.Payload.AnnualPlanSet;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.MilestoneReached;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.ProjectView;
import pulse.model.PulseEvent;

/**
 * What an imported event would do to a project as it stands: add something new, change what is
 * there, or nothing (the same figure, plan or date again). A re-imported file is all
 * {@link #UNCHANGED}, and nothing of it is written.
 */
public enum Change {
    NEW, CHANGED, UNCHANGED;

    /**
     * {@code current}: the project in the event's year ({@code year} of a registration or plan, any
     * year for a report or milestone, which every year's view holds); null when it is not registered.
     */
    public static Change of(PulseEvent event, ProjectView current) {
        if (current == null) {
            return NEW;
        }
        if (event.payload() instanceof ProjectRegistered registration) {
            boolean same = current.year() == registration.year()
                    && current.startYear() == registration.year()
                    && current.name().equals(registration.name())
                    && current.area() == registration.area()
                    && current.township().equals(registration.township())
                    && current.unitId().equals(event.unitId())
                    && current.level() == registration.level()
                    && sameAmount(current.totalInvestment(), registration.totalInvestment())
                    && sameAmount(current.investedBeforeYear(), registration.investedBeforeYear())
                    && samePlan(current, registration.annualPlan(), registration.monthlyPlan(),
                            registration.plannedMilestones());
            return same ? UNCHANGED : CHANGED;
        }
        if (event.payload() instanceof AnnualPlanSet plan) {
            if (!current.planned() || current.year() != plan.year()) {
                return NEW;
            }
            return samePlan(current, plan.annualPlan(), plan.monthlyPlan(), plan.plannedMilestones()) ? UNCHANGED : CHANGED;
        }
        if (event.payload() instanceof InvestmentReported report) {
            BigDecimal before = current.months().get(report.period().toString());
            return before == null ? NEW : sameAmount(before, report.amount()) ? UNCHANGED : CHANGED;
        }
        if (event.payload() instanceof MilestoneReached milestone) {
            ProjectView.MilestoneView before = current.milestones().get(milestone.milestone());
            LocalDate reached = before == null ? null : before.reached();
            return reached == null ? NEW : reached.equals(milestone.date()) ? UNCHANGED : CHANGED;
        }
        return NEW;
    }

    /** The year's plan as given (months and milestone dates only where the row gives them). */
    private static boolean samePlan(ProjectView current, BigDecimal annualPlan, List<BigDecimal> monthlyPlan,
            Map<Milestone, LocalDate> plannedMilestones) {
        if (!sameAmount(current.annualPlan(), annualPlan)) {
            return false;
        }
        if (monthlyPlan != null) {
            if (current.monthlyPlan() == null || current.monthlyPlan().size() != monthlyPlan.size()) {
                return false;
            }
            for (int i = 0; i < monthlyPlan.size(); i++) {
                if (!sameAmount(current.monthlyPlan().get(i), monthlyPlan.get(i))) {
                    return false;
                }
            }
        }
        for (Map.Entry<Milestone, LocalDate> planned : plannedMilestones.entrySet()) {
            ProjectView.MilestoneView view = current.milestones().get(planned.getKey());
            if (view == null || !Objects.equals(view.planned(), planned.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
