package pulse.server.query;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import pulse.server.ingest.ProjectDirectory;
import pulse.server.kafka.StoreUnavailableException;
import pulse.topology.ProjectState;

/**
 * The write path's directory, read from the projects store of whichever instance holds a project.
 * While the group moves a project's partition (an instance starts, stops or dies) nobody can read
 * it for a second or two; a write waits that out, asking again every 100 ms for up to
 * {@link #PATIENCE}, rather than sending the writer away with a 503 at once. (Asking again is all
 * there is: another instance becoming readable raises nothing here to wait on.)
 */
@Singleton
class StoreProjectDirectory implements ProjectDirectory {

    /** How long a write waits for its project's partition to be readable again before it answers 503. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long PAUSE_MILLIS = 100;

    private final ProjectReads reads;

    StoreProjectDirectory(ProjectReads reads) {
        this.reads = reads;
    }

    @Override
    public Optional<ProjectState> peek(String projectId) {
        return patiently(() -> reads.state(projectId), PATIENCE, StoreProjectDirectory::pause)
                .filter(ProjectState::registered);
    }

    @Override
    public Optional<ProjectState> findOnceCaughtUp(String projectId) {
        return patiently(() -> reads.stateOnceCaughtUp(projectId), PATIENCE, StoreProjectDirectory::pause)
                .filter(ProjectState::registered);
    }

    /** {@code read}'s answer, asked again after {@code pause} while it is unavailable, until {@code patience} is spent. */
    static <T> T patiently(Supplier<T> read, Duration patience, Runnable pause) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return read.get();
            } catch (StoreUnavailableException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
                pause.run();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for a project's partition");
        }
    }
}
