package pulse.topology;

import pulse.model.ProjectView;

/**
 * A project's view of one plan year before and after a change; either side is null when the project
 * has no view in that year (not registered, or not in that year's list).
 */
public record ViewChange(ProjectView before, ProjectView after) {

    /** The key of this project's year on {@code pulse.projects}: {@code <year>/<projectId>}. */
    public String projectYearKey() {
        ProjectView either = after != null ? after : before;
        return either.year() + "/" + either.projectId();
    }
}
