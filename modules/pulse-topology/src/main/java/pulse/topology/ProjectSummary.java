package pulse.topology;

import java.math.BigDecimal;
import java.util.List;
import pulse.model.Level;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.WorkArea;

/**
 * What {@code pulse.projects} carries for one project in one plan year: what the totals
 * ({@link TotalsBook}) and the screen need of it — its groups, what it adds to them, its light and
 * reasons — and nothing else. Reads derive the whole view from the project's state; every instance
 * reads every summary from the topic's start, so it stays small.
 *
 * @param tally what the project adds to each of its groups
 */
public record ProjectSummary(String projectId, int year, String name, String unitId, String township, WorkArea area,
        Level level, ProjectStatus status, Light light, BigDecimal deviationPoints, BigDecimal completedThisYear,
        List<String> reasons, List<String> reasonsEn, Tally tally) {

    public static ProjectSummary of(ProjectView view) {
        return new ProjectSummary(view.projectId(), view.year(), view.name(), view.unitId(), view.township(),
                view.area(), view.level(), view.status(), view.light(), view.deviationPoints(),
                view.completedThisYear(), view.reasons(), view.reasonsEn(), Tally.of(view));
    }
}
