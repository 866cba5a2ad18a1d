package pulse.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The stop-the-world pauses in a JVM's {@code -Xlog:gc:file=…:time} log, each as the wall-clock
 * interval it stopped every thread for: the log names the time a pause ended and its length.
 * Set against the slow requests of a phase, they say how many of those the collector held up.
 */
record GcPauses(List<long[]> pauses) {

    // [2026-12-02T08:06:00.064+0000] GC(133) Pause Young (Normal) (G1 Evacuation Pause) 1201M->830M(1368M) 47.800ms
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\] GC\\(\\d+\\) Pause .* ([\\d.]+)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /**
     * This JVM's own pauses from now on, as its collectors announce them: the load generator's, whose
     * pauses stop the open-loop reader too and so add to the latencies it measures. (Java 17's G1
     * announces its young, mixed and full pauses, not the short remark and cleanup pauses.)
     */
    static GcPauses ofThisJvm() {
        List<long[]> pauses = new CopyOnWriteArrayList<>();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GcInfo gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                pauses.add(new long[] {jvmStart + gc.getStartTime(), jvmStart + gc.getEndTime()});
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
        }
        return new GcPauses(pauses);
    }

    static GcPauses read(Path log) throws IOException {
        return parse(Files.exists(log) ? Files.readAllLines(log) : List.of());
    }

    static GcPauses parse(List<String> lines) {
        List<long[]> pauses = new ArrayList<>();
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.matches()) {
                long end = OffsetDateTime.parse(pause.group(1), TIME).toInstant().toEpochMilli();
                long length = Math.round(Double.parseDouble(pause.group(2)));
                pauses.add(new long[] {end - length, end});
            }
        }
        return new GcPauses(pauses);
    }

    /** The pauses that stopped the threads at some time within [from, to] (epoch ms). */
    GcPauses within(long from, long to) {
        return new GcPauses(pauses.stream().filter(pause -> pause[1] >= from && pause[0] <= to).toList());
    }

    /** Of {@code requests} (each due and answered, epoch ms), how many were waiting while a pause stopped the server. */
    long heldUp(List<long[]> requests) {
        return requests.stream().filter(request -> pauses.stream()
                .anyMatch(pause -> pause[0] <= request[1] && pause[1] >= request[0])).count();
    }

    /** Count, median and longest pause, and their share of {@code millis}, for the log. */
    String summary(long millis) {
        long[] lengths = pauses.stream().mapToLong(pause -> pause[1] - pause[0]).sorted().toArray();
        if (lengths.length == 0) {
            return "no pause";
        }
        long total = java.util.Arrays.stream(lengths).sum();
        return String.format("%d pauses, p50 %d ms, max %d ms, %.1f%% of the time", lengths.length,
                lengths[lengths.length / 2], lengths[lengths.length - 1], 100.0 * total / millis);
    }
}
