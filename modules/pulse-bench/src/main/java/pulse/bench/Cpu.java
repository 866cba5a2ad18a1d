package pulse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The CPU time processes used (user + system, from /proc) since this was made. */
final class Cpu {

    /** Clock ticks per second of /proc's times: 100 on Linux on every architecture Java runs on here. */
    private static final double TICKS_PER_SECOND = 100;

    private final long[] pids;
    private final long[] startTicks;
    private final List<Map<Long, ThreadTimes>> startThreads = new ArrayList<>();

    Cpu(Process... processes) {
        this(java.util.Arrays.stream(processes).mapToLong(Process::pid).toArray());
    }

    Cpu(long... pids) {
        this.pids = pids;
        startTicks = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            startTicks[i] = ticks(pids[i]);
            startThreads.add(threadTimes(pids[i]));
        }
    }

    /**
     * How long the {@code i}-th process's threads whose name ({@code comm}, 15 characters at most,
     * numbers taken out) starts with {@code prefix} waited for a core since, from
     * the scheduler's own count ({@code /proc/…/task/…/schedstat}): in all, and on average each time
     * one became ready to run. A thread that answers requests cannot answer them while it waits.
     */
    String waitedForACore(int i, String prefix) {
        Map<Long, ThreadTimes> now = threadTimes(pids[i]);
        long waited = grewSince(i, now, prefix, ThreadTimes::waitedNanos);
        long times = grewSince(i, now, prefix, ThreadTimes::slices);
        return String.format("waited %,.0f ms for a core, %.0f µs on average each of the %,d times one was ready to run",
                waited / 1e6, times == 0 ? 0.0 : waited / 1e3 / times, times);
    }

    /**
     * Microseconds of CPU the {@code i}-th process's threads whose name starts with {@code prefix}
     * used since, in all and in the kernel (their system time): for the threads that answer over
     * TCP, the kernel's part is the sockets, the wake-ups and the loopback's delivery to the client.
     */
    Used threadMicros(int i, String prefix) {
        Map<Long, ThreadTimes> now = threadTimes(pids[i]);
        return new Used(grewSince(i, now, prefix, ThreadTimes::ticks) / TICKS_PER_SECOND * 1e6,
                grewSince(i, now, prefix, ThreadTimes::systemTicks) / TICKS_PER_SECOND * 1e6);
    }

    /** CPU used, in all and the kernel's part of it (microseconds, or per whatever it is divided by). */
    record Used(double micros, double kernelMicros) {
        Used per(long count) {
            return new Used(micros / count, kernelMicros / count);
        }
    }

    /** How much {@code count} grew since, summed over the threads in {@code now} whose name starts with {@code prefix}. */
    private long grewSince(int i, Map<Long, ThreadTimes> now, String prefix, ToLongFunction<ThreadTimes> count) {
        Map<Long, ThreadTimes> before = startThreads.get(i);
        long grew = 0;
        for (Map.Entry<Long, ThreadTimes> thread : now.entrySet()) {
            if (thread.getValue().name().startsWith(prefix)) {
                grew += count.applyAsLong(thread.getValue())
                        - count.applyAsLong(before.getOrDefault(thread.getKey(), ThreadTimes.NONE));
            }
        }
        return grew;
    }

    /**
     * The threads of the {@code i}-th process that used the most CPU since, by name (numbers taken
     * out, so a pool's threads count together), as shares of that process's CPU: where the time went.
     */
    String busiestThreads(int i, int count) {
        Map<String, Long> used = usedByName(i);
        long total = Math.max(1, used.values().stream().mapToLong(Long::longValue).sum());
        return used.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
                .map(entry -> String.format("%s %.0f%%", entry.getKey(), 100.0 * entry.getValue() / total))
                .collect(Collectors.joining(", "));
    }

    /** Microseconds of CPU the {@code i}-th process's JIT compiler threads ("C1/C2 CompilerThre") used since. */
    double compilerMicros(int i) {
        return usedByName(i).entrySet().stream().filter(thread -> thread.getKey().startsWith("C# CompilerThre"))
                .mapToLong(Map.Entry::getValue).sum() / TICKS_PER_SECOND * 1e6;
    }

    /**
     * The ticks each thread used since, summed by name. Counted per thread, so that a thread that
     * ended meanwhile (the JVM starts and stops compiler threads as it needs them) takes nothing
     * off another of its name; what it used before it ended is not counted.
     */
    private Map<String, Long> usedByName(int i) {
        Map<Long, ThreadTimes> before = startThreads.get(i);
        Map<String, Long> used = new HashMap<>();
        threadTimes(pids[i]).forEach((tid, now) -> {
            ThreadTimes then = before.get(tid);
            used.merge(now.name(), now.ticks() - (then == null ? 0 : then.ticks()), Long::sum);
        });
        return used;
    }

    /**
     * One thread's name (numbers taken out), CPU ticks used, and time waited for a core with the
     * times it became ready to run (0 where the kernel keeps no such count).
     */
    private record ThreadTimes(String name, long ticks, long systemTicks, long waitedNanos, long slices) {
        static final ThreadTimes NONE = new ThreadTimes("", 0, 0, 0, 0);
    }

    private static Map<Long, ThreadTimes> threadTimes(long pid) {
        Map<Long, ThreadTimes> byTid = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9a-f]{8}-[0-9a-f-]*|[0-9]+", "#");
                    long[] waits = waits(task);
                    long[] times = times(task.resolve("stat"));
                    byTid.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadTimes(name, times[0] + times[1], times[1], waits[0], waits[1]));
                } catch (IOException | IllegalStateException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the threads of process " + pid, e);
        }
        return byTid;
    }

    /** Microseconds of CPU the {@code i}-th process used since. */
    double micros(int i) {
        return (ticks(pids[i]) - startTicks[i]) / TICKS_PER_SECOND * 1e6;
    }

    String perEvent(int i, long events) {
        return String.format("%.0f µs", micros(i) / events);
    }

    /** From the scheduler's count ({@code schedstat}): nanoseconds waited for a core, and times run. */
    private static long[] waits(Path task) throws IOException {
        String[] fields;
        try {
            fields = Files.readString(task.resolve("schedstat")).strip().split(" ");
        } catch (NoSuchFileException e) {
            return new long[2];   // a kernel built without the scheduler's statistics
        }
        return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])};
    }

    private static long ticks(long pid) {
        return ticks(Path.of("/proc/" + pid + "/stat"));
    }

    private static long ticks(Path statFile) {
        long[] times = times(statFile);
        return times[0] + times[1];
    }

    /** The ticks in user mode and in the kernel (utime, stime) of a process's or a thread's stat file. */
    private static long[] times(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time in " + statFile, e);
        }
    }
}
