package pulse.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Pulse on a real three-node Kafka cluster with several server instances, each in its own
 * container: reads from any instance, a server killed, a partition leader killed, scaling out and
 * in, all while reports stream in, and at the end every total equal to the cent to an independent
 * recomputation from {@code pulse.events}. The cluster is shared; each test starts the servers it
 * needs and checks against the whole topic, so none depends on what ran before it. They run by
 * name only because in that order no server is started twice for nothing.
 */
@Testcontainers(disabledWithoutDocker = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class ClusterIT {

    private static final String[] UNITS = {"县住建局", "县交通局", "县水务局", "县能源局"};
    private static final Duration SETTLE = Duration.ofMinutes(3);

    private final Cluster cluster = new Cluster();
    private final List<String> projects = new ArrayList<>();

    @BeforeAll
    void startCluster() {
        Assumptions.assumeTrue(Cluster.imagesPresent(), "System tests skipped: images pulse-broker:" + Cluster.TAG
                + " and pulse-server:" + Cluster.TAG + " are not built (docker/images-for-tests.sh builds them)");
        cluster.startBrokers();
        cluster.ensureServers("server1", "server2");
        Http.login(cluster.url("server1"), "admin", Cluster.ADMIN_PASSWORD);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 1; i <= 24; i++) {
            String id = String.format("SYS-%03d", i);
            projects.add(id);
            batch.append(String.format("{\"type\":\"ProjectRegistered\",\"projectId\":\"%s\",\"name\":\"系统测试项目%d\","
                    + "\"area\":\"URBAN\",\"township\":\"玉泉镇\",\"unitId\":\"%s\",\"level\":\"COUNTY\","
                    + "\"totalInvestment\":20000.00,\"year\":2022,\"annualPlan\":10000.00},", id, i, UNITS[i % UNITS.length]));
        }
        batch.setCharAt(batch.length() - 1, ']');
        Http.Answer registered = Http.send("POST", cluster.url("server1") + "/api/events", batch.toString());
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void shouldAnswerEveryTotalThroughOneInstanceThatWasWrittenThroughTheOther() throws Exception {
        cluster.ensureServers("server1", "server2");
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < projects.size(); i++) {
            batch.append(String.format("{\"type\":\"InvestmentReported\",\"projectId\":\"%s\",\"period\":\"2022-01\","
                    + "\"amount\":%d.%02d,\"reason\":\"系统测试\"},", projects.get(i), 100 + i, i));
        }
        batch.setCharAt(batch.length() - 1, ']');
        // A screen watching server2 sees the change that server1 accepted
        CompletableFuture<String> pushed = firstUpdateWithCountyTotals(cluster.url("server2"));
        Http.Answer written = Http.send("POST", cluster.url("server1") + "/api/events", batch.toString());
        assertThat(written.status()).as(written.body()).isEqualTo(200);

        assertEveryServerMatchesTheEventsTopic();
        assertThat(pushed).succeedsWithin(Duration.ofSeconds(60)).asString().contains("\"county/全县\"");
        Http.Answer project = Http.get(cluster.url("server2") + "/api/projects/SYS-001");
        assertThat(project.status()).isEqualTo(200);
        assertThat(project.raw().headers().firstValue("X-Pulse-Instance")).isPresent();
    }

    @Test
    void shouldKeepAnsweringWhenAServerIsKilledAndCountEverythingOnceWhenItReturns() throws Exception {
        cluster.ensureServers("server1", "server2");
        try (ReportWriter writer = new ReportWriter(this::serverUrls, projects)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.acked() >= 20);

            cluster.kill(cluster.servers.get("server1"));
            long killedAt = System.nanoTime();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> everyProjectAnswers(cluster.url("server2")));
            long failoverMs = (System.nanoTime() - killedAt) / 1_000_000;
            System.out.printf("Fail-over: after docker kill of server1, server2 answered all %d projects in %d ms%n",
                    projects.size(), failoverMs);

            cluster.ensureServers("server1");
            long ackedBefore = writer.acked();
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.acked() >= ackedBefore + 20);
            writer.close();
            System.out.printf("Server kill: %d reports sent, %d acknowledged (answers: %s)%n", writer.sent(),
                    writer.acked(), writer.answers());
            assertAcknowledgedAreCounted(writer);
        }
        assertEveryServerMatchesTheEventsTopic();
    }

    @Test
    void shouldCountEveryAcknowledgedReportWhenThePartitionLeaderBrokerIsKilled() throws Exception {
        cluster.ensureServers("server1");
        int leader;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapFromHost()))) {
            TopicDescription events = admin.describeTopics(List.of("pulse.events")).allTopicNames().get().get("pulse.events");
            leader = events.partitions().get(0).leader().id();
        }
        try (ReportWriter writer = new ReportWriter(this::serverUrls, projects)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.acked() >= 20);
            cluster.kill(cluster.brokers.get(leader));
            long ackedAtKill = writer.acked();
            await().atMost(Duration.ofMinutes(2)).until(() -> writer.acked() >= ackedAtKill + 30);
            cluster.restartBroker(leader);
            writer.close();
            System.out.printf("Leader kill (broker %d): %d reports sent, %d acknowledged (answers: %s)%n", leader,
                    writer.sent(), writer.acked(), writer.answers());
            assertAcknowledgedAreCounted(writer);
        }
        assertEveryServerMatchesTheEventsTopic();
    }

    @Test
    void shouldStayExactWhileScalingFromOneToThreeServersAndBack() throws Exception {
        cluster.ensureServers("server1");
        cluster.stopServersOtherThan("server1");
        try (ReportWriter writer = new ReportWriter(this::serverUrls, projects)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.acked() >= 20);
            cluster.ensureServers("server2", "server3");
            long acked = writer.acked();
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.acked() >= acked + 20);
            cluster.servers.get("server2").stop();
            cluster.servers.get("server3").stop();
            long ackedAfter = writer.acked();
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.acked() >= ackedAfter + 20);
            writer.close();
            System.out.printf("Scaling 1 → 3 → 1: %d reports sent, %d acknowledged (answers: %s)%n", writer.sent(),
                    writer.acked(), writer.answers());
            assertAcknowledgedAreCounted(writer);
        }
        assertEveryServerMatchesTheEventsTopic();
    }

    /**
     * Connects to a server's push channel (returning once it answered, so the screen is registered)
     * and reads it until an update carries the county's totals.
     */
    private static CompletableFuture<String> firstUpdateWithCountyTotals(String url) throws Exception {
        HttpRequest request = Http.authorized(HttpRequest.newBuilder(URI.create(url + "/api/stream"))).build();
        HttpResponse<java.util.stream.Stream<String>> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        return CompletableFuture.supplyAsync(() -> {
            try (var lines = response.body()) {
                return lines.filter(line -> line.startsWith("data:") && line.contains("\"kind\":\"update\"")
                        && line.contains("county/全县")).findFirst().orElse("");
            }
        });
    }

    /** A read that must have succeeded; while a server is rebalancing it answers 503, and the await retries. */
    private static JsonNode answered(String url) {
        Http.Answer answer = Http.get(url);
        assertThat(answer.status()).as(url + " " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The running servers' addresses; a server that stops meanwhile is left out. */
    private List<String> serverUrls() {
        List<String> urls = new ArrayList<>();
        for (String server : cluster.runningServers()) {
            try {
                urls.add(cluster.url(server));
            } catch (RuntimeException e) {
                // stopped between the two questions
            }
        }
        return urls;
    }

    private boolean everyProjectAnswers(String url) {
        for (String project : projects) {
            if (Http.get(url + "/api/projects/" + project).status() != 200) {
                return false;
            }
        }
        return true;
    }

    /** Every acknowledged figure is on the topic; the checker then holds the servers to the topic. */
    private void assertAcknowledgedAreCounted(ReportWriter writer) {
        TotalsChecker.Expected expected = TotalsChecker.recompute(cluster.bootstrapFromHost());
        writer.acknowledged().forEach((key, amount) ->
                assertThat(expected.written()).as("acknowledged %s=%s", key, amount).contains(key + "=" + amount.toPlainString()));
    }

    /** Each running server's county and unit totals, and every project's months, equal the recomputation. */
    private void assertEveryServerMatchesTheEventsTopic() {
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            TotalsChecker.Expected expected = TotalsChecker.recompute(cluster.bootstrapFromHost());
            for (String server : cluster.runningServers()) {
                String url = cluster.url(server);
                JsonNode county = answered(url + "/api/totals");
                assertThat(county.get("completedThisYear").decimalValue()).as(server + " county")
                        .isEqualByComparingTo(expected.group("county/全县").completedThisYear());
                Map<String, BigDecimal> units = new TreeMap<>();
                for (JsonNode unit : answered(url + "/api/totals/unit")) {
                    units.put(unit.get("key").asText(), unit.get("completedThisYear").decimalValue().setScale(2));
                }
                Map<String, BigDecimal> expectedUnits = new TreeMap<>();
                expected.completedBy("unit").forEach((unit, amount) -> expectedUnits.put(unit, amount.setScale(2)));
                assertThat(units).as(server + " units").isEqualTo(expectedUnits);
            }
            String any = cluster.url(cluster.runningServers().get(0));
            for (String project : projects) {
                JsonNode months = answered(any + "/api/projects/" + project).get("months");
                months.fields().forEachRemaining(month -> assertThat(month.getValue().decimalValue())
                        .as(project + " " + month.getKey())
                        .isEqualByComparingTo(expected.months().get(project + "/" + month.getKey())));
            }
        });
        System.out.printf("Checked every server against %d events recomputed from pulse.events%n",
                TotalsChecker.recompute(cluster.bootstrapFromHost()).records());
    }
}
