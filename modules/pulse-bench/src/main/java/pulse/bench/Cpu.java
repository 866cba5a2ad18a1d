package pulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU time processes used (user + system, from /proc) since this was made. */
final class Cpu {

    /** Clock ticks per second of /proc's times: 100 on Linux on every architecture Java runs on here. */
    private static final double TICKS_PER_SECOND = 100;

    private final long[] pids;
    private final long[] startTicks;

    Cpu(Process... processes) {
        pids = new long[processes.length];
        startTicks = new long[processes.length];
        for (int i = 0; i < processes.length; i++) {
            pids[i] = processes[i].pid();
            startTicks[i] = ticks(pids[i]);
        }
    }

    /** Microseconds of CPU the {@code i}-th process used since. */
    double micros(int i) {
        return (ticks(pids[i]) - startTicks[i]) / TICKS_PER_SECOND * 1e6;
    }

    String perEvent(int i, long events) {
        return String.format("%.0f µs", micros(i) / events);
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime, stime
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }
}
