package pulse.topology;

import pulse.model.ProjectView;

/** A project's view before and after a change; either side is null when the project is not registered. */
public record ViewChange(ProjectView before, ProjectView after) {}
