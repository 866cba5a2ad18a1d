package pulse.server.push;

import java.math.BigDecimal;
import java.util.List;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.WorkArea;
import pulse.topology.ProjectSummary;

/** What the screen needs to know when a project changes: enough for the warnings list (reasons in both languages). */
public record ProjectChange(String projectId, String name, String unitId, String township, WorkArea area,
        ProjectStatus status, Light light, BigDecimal deviationPoints, BigDecimal completedThisYear,
        List<String> reasons, List<String> reasonsEn) {

    static ProjectChange of(ProjectSummary project) {
        return new ProjectChange(project.projectId(), project.name(), project.unitId(), project.township(),
                project.area(), project.status(), project.light(), project.deviationPoints(),
                project.completedThisYear(), project.reasons(), project.reasonsEn());
    }
}
