package pulse.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import pulse.model.ProjectView;

/**
 * Plans for a new year, proposed in bulk: every project of the year before that is not finished and
 * has no plan for the new year yet gets, as its new annual plan, the investment still to be made
 * (total − completed since start, never below zero). The office edits them afterwards.
 */
public final class CarryForwardRule {

    private CarryForwardRule() {}

    /** One proposed plan, with what it was worked out from. */
    public record Proposal(String projectId, String name, String unitId, int year, BigDecimal totalInvestment,
            BigDecimal completedSinceStart, BigDecimal annualPlan) {}

    /**
     * @param yearBefore the projects' views of {@code year − 1}
     * @param plannedAlready the projects that have a plan for {@code year} already
     */
    public static List<Proposal> propose(Collection<ProjectView> yearBefore, Set<String> plannedAlready, int year) {
        List<Proposal> proposals = new ArrayList<>();
        for (ProjectView view : yearBefore) {
            if (view.completed() || plannedAlready.contains(view.projectId())) {
                continue;
            }
            BigDecimal remaining = view.totalInvestment().subtract(view.completedSinceStart()).max(BigDecimal.ZERO)
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            proposals.add(new Proposal(view.projectId(), view.name(), view.unitId(), year, view.totalInvestment(),
                    view.completedSinceStart(), remaining));
        }
        proposals.sort(Comparator.comparing(Proposal::projectId));
        return proposals;
    }
}
