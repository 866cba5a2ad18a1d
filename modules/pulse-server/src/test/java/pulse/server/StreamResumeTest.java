package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulse.model.PulseJson;

/** The push channel: snapshot, updates, and resuming with Last-Event-ID, also across a server restart. */
class StreamResumeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    /** The screen's view of the county's completed investment: the snapshot, then every update applied. */
    private static final class Screen {
        BigDecimal countyCompleted;

        void apply(SseClient.SseEvent event) throws Exception {
            JsonNode message = PulseJson.mapper().readTree(event.data());
            if (event.name().equals("snapshot")) {
                countyCompleted = message.get("county").get("completedThisYear").decimalValue();
            } else if (message.get("totals").has("county/全县")) {
                countyCompleted = message.get("totals").get("county/全县").get("completedThisYear").decimalValue();
            }
        }
    }

    private static void applyUntil(SseClient client, Screen screen, BigDecimal expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (screen.countyCompleted == null || screen.countyCompleted.compareTo(expected) != 0) {
            assertThat(System.nanoTime()).as("the screen never showed %s", expected).isLessThan(deadline);
            screen.apply(client.next(WAIT));
        }
    }

    @Test
    void shouldResumeWithWhatWasMissedAndAfterARestartWithASnapshot() throws Exception {
        Screen screen = new Screen();
        String lastId;
        PulseServer server = new PulseServer(dataDir, Map.of()).start();
        try {
            URI stream = URI.create(server.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class)
                    .getURI() + "/api/stream");
            assertThat(server.post("/api/projects", """
                    {"projectId":"RS-1","name":"县级殡仪馆","area":"URBAN","township":"逯家湾镇","unitId":"县民政局",
                     "level":"COUNTY","totalInvestment":8600.00,"year":2022,"annualPlan":6880.00}""").status()).isEqualTo(201);

            try (SseClient client = new SseClient(stream, null, server.adminToken())) {
                SseClient.SseEvent first = client.next(WAIT);
                assertThat(first.name()).isEqualTo("snapshot");
                assertThat(first.id()).isNotBlank();
                screen.apply(first);
                report(server, "2022-01", "100.00");
                applyUntil(client, screen, new BigDecimal("100.00"));
                lastId = client.lastEventId();
            }

            // While the screen is away, a unit reports
            report(server, "2022-02", "250.00");
            await().atMost(WAIT).untilAsserted(() -> assertThat(
                    server.get("/api/totals").json().get("completedThisYear").decimalValue()).isEqualByComparingTo("350.00"));

            try (SseClient client = new SseClient(stream, lastId, server.adminToken())) {
                SseClient.SseEvent resumed = client.next(WAIT);
                assertThat(resumed.name()).as("resumes with the missed updates, not a snapshot").isEqualTo("update");
                screen.apply(resumed);
                applyUntil(client, screen, new BigDecimal("350.00"));
                lastId = client.lastEventId();
            }
        } finally {
            server.close();
        }

        // After a restart the old id means nothing: the screen gets a fresh snapshot, then live updates
        try (PulseServer restarted = new PulseServer(dataDir, Map.of()).start()) {
            URI stream = URI.create(restarted.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class)
                    .getURI() + "/api/stream");
            try (SseClient client = new SseClient(stream, lastId, restarted.adminToken())) {
                SseClient.SseEvent snapshot = client.next(WAIT);
                assertThat(snapshot.name()).isEqualTo("snapshot");
                screen.apply(snapshot);
                assertThat(screen.countyCompleted).isEqualByComparingTo("350.00");
                // Units come as ranking rows, [completedThisYear, completionRate, achievement, grade], not their totals
                JsonNode row = PulseJson.mapper().readTree(snapshot.data()).get("ranking").get("县民政局");
                assertThat(row.size()).isEqualTo(4);
                assertThat(row.get(0).decimalValue()).isEqualByComparingTo("350.00");
                report(restarted, "2022-03", "500.00");
                applyUntil(client, screen, new BigDecimal("850.00"));
            }
        }
    }

    private static void report(PulseServer server, String period, String amount) {
        assertThat(server.put("/api/projects/RS-1/investments/" + period, "{\"amount\":" + amount + "}").status())
                .isEqualTo(200);
    }
}
