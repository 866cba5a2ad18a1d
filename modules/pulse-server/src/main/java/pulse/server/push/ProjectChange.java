package pulse.server.push;

import java.math.BigDecimal;
import java.util.List;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.WorkArea;

/** What the screen needs to know when a project changes: enough for the warnings list (reasons in both languages). */
public record ProjectChange(String projectId, String name, String unitId, String township, WorkArea area,
        ProjectStatus status, Light light, BigDecimal deviationPoints, BigDecimal completedThisYear,
        List<String> reasons, List<String> reasonsEn) {

    static ProjectChange of(ProjectView view) {
        return new ProjectChange(view.projectId(), view.name(), view.unitId(), view.township(), view.area(),
                view.status(), view.light(), view.deviationPoints(), view.completedThisYear(), view.reasons(),
                view.reasonsEn());
    }
}
