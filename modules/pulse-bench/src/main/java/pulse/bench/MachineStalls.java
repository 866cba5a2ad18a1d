package pulse.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * How long this machine left a thread that needed almost nothing waiting to run: a thread at the
 * highest priority there is (Linux's real-time FIFO class, or nice -20 where that is refused) asks to
 * wake every millisecond and notes how late each wake-up was, as cyclictest does. No other thread can
 * hold such a thread back for long, but it lives in the benchmark's JVM and stops with it: a stall
 * during one of the benchmark's own collector's pauses is not counted as the machine's. The other
 * late wake-ups of many milliseconds are the machine (the virtual CPU not running, the kernel busy),
 * and a request waiting during one was held up by the machine, whatever the server did. Set against
 * the slow reads of a phase as {@link GcPauses} are.
 */
final class MachineStalls implements AutoCloseable {

    private static final long PERIOD_NANOS = 1_000_000;
    /** A wake-up this much later than asked is a stall (a slow read is one over 20 ms). */
    static final long STALL_MICROS = 5_000;

    final Histogram lateMicros = new ConcurrentHistogram(3);
    /** Each stall's interval, epoch ms. */
    final List<long[]> stalls = Collections.synchronizedList(new ArrayList<>());
    private final Thread probe;
    private volatile boolean running = true;
    private volatile String priority = "not yet raised";

    MachineStalls() {
        probe = new Thread(this::run, "stall-probe");
        probe.setDaemon(true);
        probe.start();
    }

    private void run() {
        priority = raise();
        while (running) {
            long asked = System.nanoTime() + PERIOD_NANOS;
            LockSupport.parkNanos(PERIOD_NANOS);
            long woke = System.nanoTime();
            long late = Math.max(0, (woke - asked) / 1000);
            lateMicros.recordValue(late);
            if (late > STALL_MICROS) {
                long now = System.currentTimeMillis();
                stalls.add(new long[] {now - late / 1000, now});
            }
        }
    }

    /** The real-time class where this user may, else the lowest nice; says which it got. */
    private static String raise() {
        String refused = ReaderPriority.onCallingThread("chrt", "-f", "-p", "1");
        if (refused == null) {
            return "real-time FIFO";
        }
        String alsoRefused = ReaderPriority.onCallingThread("renice", "-n", "-20", "-p");
        return alsoRefused == null ? "nice -20" : "default priority (" + refused + "; " + alsoRefused + ")";
    }

    /** The stalls, but for those during one of {@code ownPauses} (this JVM's own collector's). */
    GcPauses machineStalls(GcPauses ownPauses) {
        return outside(List.copyOf(stalls), ownPauses);
    }

    /** Of {@code stalls} (epoch ms intervals), those that overlap none of {@code pauses}. */
    static GcPauses outside(List<long[]> stalls, GcPauses pauses) {
        return new GcPauses(stalls.stream()
                .filter(stall -> pauses.pauses().stream().noneMatch(pause -> pause[0] <= stall[1] && pause[1] >= stall[0]))
                .toList());
    }

    /**
     * Wake-ups' lateness (this JVM's own pauses included) and the stalls that were the machine's,
     * for the log.
     */
    String summary(GcPauses ownPauses) {
        return String.format("a thread at %s woke %,d times: late p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.1f ms; "
                + "%,d stalls over %d ms, %,d of them outside the benchmark's own pauses", priority, lateMicros.getTotalCount(),
                lateMicros.getValueAtPercentile(50) / 1e3, lateMicros.getValueAtPercentile(99) / 1e3,
                lateMicros.getValueAtPercentile(99.9) / 1e3, lateMicros.getMaxValue() / 1e3, stalls.size(),
                STALL_MICROS / 1000, machineStalls(ownPauses).pauses().size());
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(probe);
    }
}
