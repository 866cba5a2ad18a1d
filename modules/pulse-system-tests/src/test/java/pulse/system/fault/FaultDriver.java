package pulse.system.fault;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import pulse.model.PulseJson;

/**
 * Sends a known sequence, deterministic from a seed: registrations of {@code projects} projects,
 * then six months of reports for each, with corrections (a changed figure and its reason) and
 * retries (the same event again, same eventId). Batches go to {@code POST /api/events}; a batch
 * that is not acknowledged (the server is down, paused, or Kafka is away) is sent again, as is,
 * until it is. Now and then a record that no reader can take is written straight to Kafka, so the
 * dead-letter count is known too.
 */
final class FaultDriver implements Runnable {

    static final int BATCH = 100;
    private static final String[] AREAS = {"RURAL", "ECONOMY", "REFORM", "URBAN", "ECOLOGY", "LIVELIHOOD", "GOVERNANCE"};
    private static final String[] LEVELS = {"PROVINCE", "CITY", "COUNTY"};

    private final List<ArrayNode> batches = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final String token;
    private final KafkaProducer<String, String> direct;
    private final AtomicInteger next = new AtomicInteger();
    private volatile int stopBefore;
    private volatile Throwable failure;
    private int lastTried = -1;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong deadLettersSent = new AtomicLong();
    private final Set<String> acknowledgedIds = ConcurrentHashMap.newKeySet();

    FaultDriver(int projects, long seed, String url, String token, String bootstrap) {
        this.url = url;
        this.token = token;
        this.direct = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
        script(projects, new Random(seed));
    }

    private void script(int projects, Random random) {
        List<ObjectNode> events = new ArrayList<>();
        for (int p = 1; p <= projects; p++) {
            events.add(registration(p, random));
        }
        for (int month = 1; month <= 6; month++) {
            for (int p = 1; p <= projects; p++) {
                ObjectNode report = report(p, month, money(random, 5_000));
                events.add(report);
                if (random.nextInt(10) == 0) {
                    events.add(report.deepCopy());   // a retry: the same event, same eventId, counts once
                }
                if (random.nextInt(10) == 0) {
                    events.add(report(p, month, money(random, 5_000)).put("reason", "更正：第" + month + "月复核"));
                }
            }
        }
        for (int i = 0; i < events.size(); i += BATCH) {
            ArrayNode batch = PulseJson.mapper().createArrayNode();
            events.subList(i, Math.min(events.size(), i + BATCH)).forEach(batch::add);
            batches.add(batch);
        }
        stopBefore = batches.size();
    }

    private static String id(int p) {
        return String.format("FT-%05d", p);
    }

    private static ObjectNode registration(int p, Random random) {
        BigDecimal annualPlan = money(random, 50_000).add(BigDecimal.valueOf(30_000));
        return PulseJson.mapper().createObjectNode()
                .put("eventId", UUID.nameUUIDFromBytes(("reg-" + p).getBytes(StandardCharsets.UTF_8)).toString())
                .put("type", "ProjectRegistered").put("projectId", id(p)).put("name", "故障测试项目" + p)
                .put("area", AREAS[p % AREAS.length]).put("township", "乡镇" + (p % 8)).put("unitId", "单位" + (p % 20))
                .put("level", LEVELS[p % LEVELS.length]).put("totalInvestment", annualPlan.multiply(BigDecimal.valueOf(2)))
                .put("year", 2022).put("annualPlan", annualPlan)
                .put("investedBeforeYear", money(random, 1_000));
    }

    private static ObjectNode report(int p, int month, BigDecimal amount) {
        return PulseJson.mapper().createObjectNode().put("eventId", UUID.randomUUID().toString())
                .put("type", "InvestmentReported").put("projectId", id(p))
                .put("period", String.format("2022-%02d", month)).put("amount", amount);
    }

    private static BigDecimal money(Random random, int max) {
        return BigDecimal.valueOf(random.nextInt(max * 100), 2);
    }

    int batches() {
        return batches.size();
    }

    /** Lets the driver run up to (not including) batch {@code index}, then wait. */
    synchronized void allowUpTo(int index) {
        stopBefore = Math.min(index, batches.size());
        notifyAll();
    }

    /** Waits, without polling, until the test allows batch {@code index}. */
    private synchronized void awaitAllowed(int index) throws InterruptedException {
        while (index >= stopBefore) {
            wait();
        }
    }

    int nextBatch() {
        return next.get();
    }

    /** What stopped the driver, if anything did: the test fails with it instead of waiting. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        try {
            drive();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void drive() {
        while (next.get() < batches.size() && !Thread.currentThread().isInterrupted()) {
            int index = next.get();
            try {
                awaitAllowed(index);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ArrayNode batch = batches.get(index);
            if (index != lastTried) {
                sent.addAndGet(batch.size());   // resending the same batch sends no new event
                lastTried = index;
            }
            if (send(batch)) {
                batch.forEach(event -> acknowledgedIds.add(event.get("eventId").asText()));
                acknowledged.addAndGet(batch.size());
                if (index % 5 == 4) {
                    unreadableStraightToKafka(index);
                }
                next.incrementAndGet();
            } else {
                backOff();   // then the same batch again, same eventIds
            }
        }
    }

    private boolean send(ArrayNode batch) {
        attempts.incrementAndGet();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/events")).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(batch.toString(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 || response.statusCode() == 403) {
                throw new IllegalStateException("the driver's own batch was refused: " + response.body());
            }
            return response.statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void unreadableStraightToKafka(int index) {
        String key = id(1 + index % 10);
        try {
            direct.send(new ProducerRecord<>("pulse.events", key,
                    "{\"type\":\"InvestmentReported\",\"projectId\":\"" + key + "\",\"period\":\"2022-13\",\"amount\":1}")).get();
            deadLettersSent.incrementAndGet();
        } catch (Exception e) {
            // the broker is restarting: this one was not written, so it is not counted
        }
    }

    /** A client's pause between resends, as any unit's system would make; not a wait for a condition. */
    private static void backOff() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long sent() {
        return sent.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long attempts() {
        return attempts.get();
    }

    long deadLettersSent() {
        return deadLettersSent.get();
    }

    Set<String> acknowledgedIds() {
        return acknowledgedIds;
    }

    void close() {
        direct.close(Duration.ofSeconds(5));
    }
}
