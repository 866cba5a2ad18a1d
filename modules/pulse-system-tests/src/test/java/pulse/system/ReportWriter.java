package pulse.system;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Streams reports through the servers while a test breaks things: corrections of earlier months
 * included. Remembers the last acknowledged figure per project and month, which is what must count.
 * It sends at a steady pace, not flat out: the faults are the test, and a cluster of five JVMs on
 * two cores kept saturated took over a minute to start each new server.
 */
final class ReportWriter implements AutoCloseable {

    private static final long PAUSE_MILLIS = 50;

    private final Supplier<List<String>> serverUrls;
    private final List<String> projects;
    private final Random random = new Random(2022);
    private final Map<String, BigDecimal> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    /** How many answers of each status (-1: no answer, the connection failed), for the test's printed summary. */
    private final Map<Integer, AtomicLong> answers = new ConcurrentSkipListMap<>();
    /** The longest a report waited for its answer: how long a writer stalls while something fails. */
    private final AtomicLong longestMillis = new AtomicLong();
    /** One report at a time: each starts 50 ms after the one before has been answered. */
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "report-writer");
        thread.setDaemon(true);
        return thread;
    });

    ReportWriter(Supplier<List<String>> serverUrls, List<String> projects) {
        this.serverUrls = serverUrls;
        this.projects = projects;
        writer.scheduleWithFixedDelay(this::writeOne, PAUSE_MILLIS, PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void writeOne() {
        List<String> urls;
        try {
            urls = serverUrls.get();
        } catch (RuntimeException e) {
            return;   // a container is stopping right now: ask again next time
        }
        if (urls.isEmpty()) {
            return;
        }
        String project = projects.get(random.nextInt(projects.size()));
        String period = "2022-0" + (1 + random.nextInt(6));
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000), 2);
        String url = urls.get(random.nextInt(urls.size()));
        sent.incrementAndGet();
        // Always with a reason: a second figure for a month is a correction.
        long start = System.nanoTime();
        Http.Answer answer = Http.send("PUT", url + "/api/projects/" + project + "/investments/" + period,
                "{\"amount\":" + amount.toPlainString() + ",\"reason\":\"系统测试\"}");
        longestMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
        answers.computeIfAbsent(answer.status(), status -> new AtomicLong()).incrementAndGet();
        if (answer.status() == 200) {
            synchronized (acknowledged) {
                acknowledged.put(project + "/" + period, amount);
            }
            acked.incrementAndGet();
        }
    }

    long sent() {
        return sent.get();
    }

    long acked() {
        return acked.get();
    }

    /**
     * What the servers answered, e.g. {@code "200×320 503×18 -1×2, longest 1450 ms"} (-1: no
     * connection), and the longest wait for an answer.
     */
    String answers() {
        StringBuilder summary = new StringBuilder();
        answers.forEach((status, count) -> summary.append(summary.isEmpty() ? "" : " ").append(status).append('×').append(count));
        return summary.append(", longest ").append(longestMillis.get()).append(" ms").toString();
    }

    /** The last acknowledged figure for each project and month. */
    Map<String, BigDecimal> acknowledged() {
        synchronized (acknowledged) {
            return Map.copyOf(acknowledged);
        }
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the report writer's last request did not end within 60 s");
        }
    }
}
