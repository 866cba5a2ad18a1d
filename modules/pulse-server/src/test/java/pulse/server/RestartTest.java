package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulse.server.demo.DemoCounty;
import org.apache.kafka.streams.KafkaStreams;

/** Stop the server, start it again on the same data folder: every figure is as it was. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepEveryTotalAcrossARestartAndNotLoadTheDemoTwice() throws Exception {
        Map<String, Object> demo = Map.of("pulse.demo", true);
        BigDecimal expected = completedThisYearOfTheDemo(LocalDate.parse("2022-06-30")).add(new BigDecimal("7.00"));
        Map<String, String> before;
        try (PulseServer server = new PulseServer(dataDir, demo).start()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(server.get("/api/totals").json().get("projects").asInt()).isEqualTo(DemoCounty.projects().size()));
            // one more report beyond the demo's
            assertThat(server.put("/api/projects/TZ-2022-009/investments/2022-06", "{\"amount\":7.00}").status())
                    .isEqualTo(200);
            // Every group has it, not only the county: each group's sum crosses to the totals on its own.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(server.get("/api/totals").json().get("completedThisYear").decimalValue())
                        .isEqualByComparingTo(expected);
                for (String dimension : new String[] {"unit", "township", "area", "level"}) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (JsonNode group : server.get("/api/totals/" + dimension).json()) {
                        sum = sum.add(group.get("completedThisYear").decimalValue());
                    }
                    assertThat(sum).as(dimension).isEqualByComparingTo(expected);
                }
            });
            before = snapshot(server);
            // What a start reads whole, the store's changelog and pulse.projects, the broker's cleaner
            // keeps near one record per key: compacted, in segments it can close soon.
            Map<String, String> compactedInSmallSegments = Map.of("cleanup.policy", "compact",
                    "segment.bytes", String.valueOf(8 * 1024 * 1024), "segment.ms", "3600000");
            assertThat(topicConfig(server, "pulse-projects-changelog")).containsAllEntriesOf(compactedInSmallSegments);
            assertThat(topicConfig(server, "pulse.projects")).containsAllEntriesOf(compactedInSmallSegments);
        }

        try (PulseServer server = new PulseServer(dataDir, demo)) {
            server.start();
            assertThat(snapshot(server)).isEqualTo(before);

            // And while the streams are not running, project reads say so instead of answering nothing;
            // the totals, summed from what the topology committed to pulse.projects, stay as they were.
            server.context().getBean(KafkaStreams.class).close();
            assertThat(server.get("/api/totals").body()).isEqualTo(before.get("/api/totals"));
            PulseServer.Answer unavailable = server.get("/api/projects/TZ-2022-009");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.raw().headers().firstValue("Retry-After")).hasValue("1");
            assertThat(server.get("/health").status()).isEqualTo(503);
        }
    }

    private static Map<String, String> topicConfig(PulseServer server, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, server.kafkaAddress()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Map<String, String> settings = new HashMap<>();
            admin.describeConfigs(List.of(resource)).all().get().get(resource).entries()
                    .forEach(entry -> settings.put(entry.name(), entry.value()));
            return settings;
        }
    }

    private static Map<String, String> snapshot(PulseServer server) {
        Map<String, String> figures = new HashMap<>();
        for (String path : new String[] {"/api/totals", "/api/totals/unit", "/api/totals/township", "/api/totals/area",
                "/api/totals/level", "/api/rankings/units", "/api/warnings", "/api/curve", "/api/projects"}) {
            PulseServer.Answer answer = server.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            figures.put(path, answer.body());
        }
        return figures;
    }

    /** The demo's completed investment for 2022, recomputed from its events: the last report per month wins. */
    private static BigDecimal completedThisYearOfTheDemo(LocalDate today) {
        Map<String, BigDecimal> lastPerMonth = new HashMap<>();
        for (JsonNode event : DemoCounty.events(today)) {
            if (event.get("type").asText().equals("InvestmentReported") && event.get("period").asText().startsWith("2022")) {
                lastPerMonth.put(event.get("projectId").asText() + "/" + event.get("period").asText(),
                        event.get("amount").decimalValue());
            }
        }
        return lastPerMonth.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
