package pulse.server.web;

import pulse.model.Text;

/** A write or read for a project that is not on the key-project list. */
public class ProjectNotFoundException extends NotFoundException {

    private final String projectId;

    public ProjectNotFoundException(String projectId) {
        super(Text.of("project.notFound", projectId));
        this.projectId = projectId;
    }

    public String projectId() {
        return projectId;
    }
}
