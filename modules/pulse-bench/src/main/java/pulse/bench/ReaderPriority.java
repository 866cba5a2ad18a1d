package pulse.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        String refused = onCallingThread("renice", "-n", Integer.toString(NICE), "-p");
        if (refused != null) {
            warn(refused);
        }
    }

    /**
     * Runs {@code command} with the calling thread's id added last ({@code renice}, {@code chrt}:
     * on Linux a priority is each thread's own); null when it succeeded, else what went wrong.
     */
    static String onCallingThread(String... command) {
        try {
            String thread = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
            List<String> line = new ArrayList<>(List.of(command));
            line.add(thread);
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? null : command[0] + ": " + said;
        } catch (IOException e) {
            return e.toString();   // not Linux, or no such command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void warn(String why) {
        if (WARNED.compareAndSet(false, true)) {
            System.out.println("[bench] the open-loop reader runs at the default CPU priority: " + why);
        }
    }
}
