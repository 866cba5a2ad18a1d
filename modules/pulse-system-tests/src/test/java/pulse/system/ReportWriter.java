package pulse.system;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Thread thread;
    private volatile boolean running = true;

    ReportWriter(Supplier<List<String>> serverUrls, List<String> projects) {
        this.serverUrls = serverUrls;
        this.projects = projects;
        this.thread = new Thread(this::run, "report-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            pause();
            List<String> urls;
            try {
                urls = serverUrls.get();
            } catch (RuntimeException e) {
                continue;   // a container is stopping right now: ask again
            }
            if (urls.isEmpty()) {
                continue;
            }
            String project = projects.get(random.nextInt(projects.size()));
            String period = "2022-0" + (1 + random.nextInt(6));
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000), 2);
            String url = urls.get(random.nextInt(urls.size()));
            sent.incrementAndGet();
            // Always with a reason: a second figure for a month is a correction.
            Http.Answer answer = Http.send("PUT", url + "/api/projects/" + project + "/investments/" + period,
                    "{\"amount\":" + amount.toPlainString() + ",\"reason\":\"系统测试\"}");
            if (answer.status() == 200) {
                synchronized (acknowledged) {
                    acknowledged.put(project + "/" + period, amount);
                }
                acked.incrementAndGet();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    long sent() {
        return sent.get();
    }

    long acked() {
        return acked.get();
    }

    /** The last acknowledged figure for each project and month. */
    Map<String, BigDecimal> acknowledged() {
        synchronized (acknowledged) {
            return Map.copyOf(acknowledged);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(60_000);
    }
}
