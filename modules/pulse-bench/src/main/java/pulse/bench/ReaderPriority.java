package pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a thread of the benchmark's open-loop reader above everything else on the machine (Linux's
 * nice {@value #NICE}), as a measuring instrument should: the reader shares two cores with the
 * broker, the server and the load, and a reader that waits for a core sends its requests late and
 * counts that wait as the server's latency (measured before this, the reader's own delay reached
 * p99 52 ms during the ingest, more than half of the slow reads). The reader takes little CPU, so
 * the server loses little to it. Lowering nice below 0 takes root (or CAP_SYS_NICE); elsewhere the
 * reader runs as before, said once, and its own delay is printed beside the latencies either way.
 */
final class ReaderPriority {

    static final int NICE = -10;
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ReaderPriority() {}

    /** Sets the calling thread's nice value to {@link #NICE}, where this user may. */
    static void raiseCallingThread() {
        try {
            String thread = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", thread)
                    .redirectErrorStream(true).start();
            String said = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (renice.waitFor() != 0) {
                warn(said);
            }
        } catch (IOException e) {
            warn(e.toString());   // not Linux, or no renice
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void warn(String why) {
        if (WARNED.compareAndSet(false, true)) {
            System.out.println("[bench] the open-loop reader runs at the default CPU priority: " + why);
        }
    }
}
