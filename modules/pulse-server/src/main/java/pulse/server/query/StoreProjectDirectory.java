package pulse.server.query;

import jakarta.inject.Singleton;
import java.util.Optional;
import pulse.server.ingest.ProjectDirectory;
import pulse.topology.ProjectState;

/** The write path's directory, read from the projects store of whichever instance holds a project. */
@Singleton
class StoreProjectDirectory implements ProjectDirectory {

    private final ProjectReads reads;

    StoreProjectDirectory(ProjectReads reads) {
        this.reads = reads;
    }

    @Override
    public Optional<ProjectState> peek(String projectId) {
        return reads.state(projectId).filter(ProjectState::registered);
    }

    @Override
    public Optional<ProjectState> findOnceCaughtUp(String projectId) {
        return reads.stateOnceCaughtUp(projectId).filter(ProjectState::registered);
    }
}
