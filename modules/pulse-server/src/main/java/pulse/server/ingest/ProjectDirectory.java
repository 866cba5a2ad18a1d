package pulse.server.ingest;

import java.util.Optional;
import pulse.topology.ProjectState;

/**
 * What the write path asks of the read side: a project's state as the topology holds it, wherever
 * it is held. The write path checks an event against it with the same rules the topology applies.
 */
public interface ProjectDirectory {

    /** The project's state as it is now, without waiting; empty when the topology does not know it (yet). */
    Optional<ProjectState> peek(String projectId);

    /**
     * The project's state, read once the topology has processed everything written for the
     * project before this call: for a project {@link #peek} did not find. Empty: the project is not
     * registered. Throws {@link pulse.server.kafka.StoreUnavailableException} when that cannot be
     * told in time.
     */
    Optional<ProjectState> findOnceCaughtUp(String projectId);
}
