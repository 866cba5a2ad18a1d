package pulse.system.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import pulse.model.PulseJson;
import pulse.system.TotalsChecker;

/**
 * Exactly-once totals under faults, in the manner of Kafka's own streams EOS and smoke tests: a
 * driver sends a known sequence (thousands of projects, reports, corrections, retries, and records
 * nobody can read) while a fault strikes mid-stream; then a checker recomputes every total from
 * {@code pulse.events} alone and compares all of them, to the cent, with what the server answers.
 * The broker and the server are real processes; the scenarios run one after another on one stream,
 * each while the driver sends the next quarter of it, whatever order they run in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultIT {

    private static final int PROJECTS = Integer.getInteger("fault.projects", 2_000);
    private static final Duration SETTLE = Duration.ofMinutes(4);
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalRig rig;
    private FaultDriver driver;
    private Thread driving;
    private String token;

    @BeforeAll
    void start(@TempDir Path dir) {
        Assumptions.assumeTrue(LocalRig.jarsBuilt(), "Fault tests skipped: build the jars first (mvn package)");
        rig = new LocalRig(dir);
        rig.startBroker();
        rig.startServer();
        awaitHealthy();
        token = login();
        driver = new FaultDriver(PROJECTS, 20221231L, rig.url(), token, rig.bootstrap());
        System.out.printf("Fault suite: %d projects, %d batches of up to %d events%n", PROJECTS, driver.batches(),
                FaultDriver.BATCH);
        driving = new Thread(driver, "fault-driver");
        driver.allowUpTo(0);
        driving.start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (driver != null) {
            driver.allowUpTo(0);
            driving.interrupt();
            driver.close();
        }
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void shouldCountEverythingOnceAfterTheServerIsKilledMidStream() throws Exception {
        runPhase(() -> {
            rig.killServer();
            rig.startServer();
        });
        checkAll("kill -9 of the server, restarted");
    }

    @Test
    void shouldCountEverythingOnceAfterTheBrokerRestartsMidStream() throws Exception {
        runPhase(rig::restartBroker);
        checkAll("broker restarted");
    }

    @Test
    void shouldRebuildTheStateFromTheChangelogAfterItIsDeleted() throws Exception {
        long[] rebuild = new long[2];
        runPhase(() -> {
            rig.stopServer();
            rig.deleteServerState();
            rebuild[0] = System.nanoTime();
            rig.startServer();
        });
        awaitHealthy();
        rebuild[1] = System.nanoTime();
        long records = changelogRecords();
        Duration took = Duration.ofNanos(rebuild[1] - rebuild[0]);
        checkAll("local state deleted, rebuilt from the changelog");
        System.out.printf("  state rebuilt (start to healthy, after deleting %s): %.1f s, changelog records %d%n",
                rig.serverState(), took.toMillis() / 1000.0, records);
    }

    @Test
    void shouldCountEverythingOnceAfterTheServerIsPausedPastItsSessionTimeout() throws Exception {
        runPhase(() -> {
            rig.pauseServer();
            // Past the 15 s session timeout the broker removes the paused member: the group moves on without it.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(this::groupHasNoMember);
            rig.resumeServer();
        });
        checkAll("SIGSTOP past the session timeout, SIGCONT");
    }

    interface Fault {
        void strike() throws Exception;
    }

    /** Lets the driver send the next quarter of the batches (of four scenarios); the fault strikes halfway through it. */
    private void runPhase(Fault fault) throws Exception {
        int from = driver.nextBatch();
        int to = Math.min(driver.batches(), from + (driver.batches() + 3) / 4);
        int middle = from + (to - from) / 2;
        driver.allowUpTo(to);
        await().atMost(SETTLE).until(() -> driverAt(middle));
        fault.strike();
        await().atMost(SETTLE).until(() -> driverAt(to));
        awaitHealthy();
    }

    private boolean driverAt(int batch) {
        if (driver.failure() != null) {
            throw new AssertionError("the driver stopped: " + driver.failure(), driver.failure());
        }
        return driver.nextBatch() >= batch;
    }

    /** Every group's totals and every project's figure equal the recomputation; the counts are printed. */
    private void checkAll(String scenario) throws Exception {
        long[] compared = new long[1];
        TotalsChecker.Expected[] last = new TotalsChecker.Expected[1];
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            TotalsChecker.Expected expected = TotalsChecker.recompute(rig.bootstrap());
            last[0] = expected;
            compared[0] = 0;
            for (Map.Entry<String, TotalsChecker.Group> group : expected.groups().entrySet()) {
                JsonNode actual = group.getKey().startsWith("county/") ? read("/api/totals") : null;
                if (actual == null) {
                    String dimension = group.getKey().substring(0, group.getKey().indexOf('/'));
                    actual = byKey(read("/api/totals/" + dimension)).get(group.getKey().substring(dimension.length() + 1));
                }
                assertThat(actual).as(group.getKey()).isNotNull();
                TotalsChecker.Group want = group.getValue();
                assertThat(actual.get("projects").asInt()).as(group.getKey() + " projects").isEqualTo(want.projects());
                assertThat(actual.get("annualPlan").decimalValue()).as(group.getKey() + " annualPlan")
                        .isEqualByComparingTo(want.annualPlan());
                assertThat(actual.get("completedThisYear").decimalValue()).as(group.getKey() + " completedThisYear")
                        .isEqualByComparingTo(want.completedThisYear());
                assertThat(actual.get("completedSinceStart").decimalValue()).as(group.getKey() + " completedSinceStart")
                        .isEqualByComparingTo(want.completedSinceStart());
                compared[0] += 4;
            }
            Map<String, BigDecimal> projects = new TreeMap<>();
            readAll("/api/projects").forEach(p -> projects.put(p.get("projectId").asText(), p.get("completedThisYear").decimalValue()));
            assertThat(projects).hasSameSizeAs(expected.projects());
            expected.projects().forEach((id, amount) ->
                    assertThat(projects.get(id)).as(id).isEqualByComparingTo(amount));
            compared[0] += expected.projects().size();
        });
        TotalsChecker.Expected expected = last[0];
        assertThat(expected.eventIds()).as("every acknowledged event is on pulse.events").containsAll(driver.acknowledgedIds());
        long deadLetters = deadLettersOnTopic();
        assertThat(deadLetters).as("records set aside").isEqualTo(expected.refused()).isEqualTo(driver.deadLettersSent());
        assertThat(read("/api/operations").get("deadLetters").asLong()).isEqualTo(deadLetters);
        System.out.printf("Fault scenario: %s%n  events sent %d (in %d requests, counting resends), acknowledged %d, on the topic %d records"
                        + " (%d distinct events), counted %d, in the DLQ %d (sent unreadable %d)%n"
                        + "  compared %d figures (%d groups × 4, %d projects), all equal to the cent%n",
                scenario, driver.sent(), driver.attempts(), driver.acknowledged(), expected.records(),
                expected.eventIds().size(), expected.records() - expected.refused(), deadLetters, driver.deadLettersSent(),
                compared[0], expected.groups().size(), expected.projects().size());
    }

    private boolean groupHasNoMember() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", rig.bootstrap()))) {
            return admin.describeConsumerGroups(java.util.List.of("pulse")).describedGroups().get("pulse").get()
                    .members().isEmpty();
        }
    }

    private static Map<String, JsonNode> byKey(JsonNode list) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        list.forEach(entry -> byKey.put(entry.get("key").asText(), entry));
        return byKey;
    }

    private long deadLettersOnTopic() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, rig.bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition dlq = new TopicPartition("pulse.events.dlq", 0);
            consumer.assign(java.util.List.of(dlq));
            consumer.seekToBeginning(java.util.List.of(dlq));
            long end = consumer.endOffsets(java.util.List.of(dlq)).get(dlq);
            long count = 0;
            while (consumer.position(dlq) < end) {
                count += consumer.poll(Duration.ofMillis(500)).count();
            }
            return count;
        }
    }

    /** Records on the changelog topic of the store a restore rebuilds: the projects' states. */
    private long changelogRecords() {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", rig.bootstrap()))) {
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> ends = new java.util.HashMap<>();
            for (int p = 0; p < 6; p++) {
                ends.put(new TopicPartition("pulse-projects-changelog", p), org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every page of a list, following X-Next-Cursor. */
    private List<JsonNode> readAll(String path) throws IOException, InterruptedException {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rig.url() + path + "?limit=1000"
                            + (cursor == null ? "" : "&cursor=" + cursor)))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
            PulseJson.mapper().readTree(response.body()).forEach(rows::add);
            cursor = response.headers().firstValue("X-Next-Cursor").orElse(null);
        } while (cursor != null);
        return rows;
    }

    private JsonNode read(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rig.url() + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return PulseJson.mapper().readTree(response.body());
    }

    private void awaitHealthy() {
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create(rig.url() + "/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private String login() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(rig.url() + "/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\""
                            + LocalRig.ADMIN_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            return PulseJson.mapper().readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
