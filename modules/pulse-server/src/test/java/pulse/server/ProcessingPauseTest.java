package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The county office pauses processing: reports are still taken and kept, and counted once it resumes. */
@ExtendWith(SharedServer.class)
class ProcessingPauseTest {

    @Test
    void shouldKeepReportsTakenWhilePausedAndCountThemOnResume(PulseServer server) {
        // Given a registered project that has reported May
        assertThat(server.post("/api/projects", """
                {"projectId":"PAUSE-1","name":"城北停车场","area":"URBAN","township":"玉泉镇","unitId":"县住建局",
                 "level":"COUNTY","totalInvestment":3000.00,"year":2022,"annualPlan":1200.00}""").status()).isEqualTo(201);
        assertThat(server.put("/api/projects/PAUSE-1/investments/2022-05", "{\"amount\":40.00}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/api/projects/PAUSE-1").json().path("months")
                .has("2022-05"));
        String unit = server.account("pause-zhujian", "unit", "县住建局");
        try {
            // When a unit may not pause it, and the county office does
            assertThat(server.as(unit).put("/api/operations/processing/pause", "").status()).isEqualTo(403);
            assertThat(server.get("/api/operations").json().get("processingPaused").asBoolean()).isFalse();
            assertThat(server.put("/api/operations/processing/pause", "").json().get("paused").asBoolean()).isTrue();
            // Then June's report is acknowledged, yet the project's figures stand still
            assertThat(server.put("/api/projects/PAUSE-1/investments/2022-06", "{\"amount\":60.00}").status())
                    .isEqualTo(200);
            assertThat(server.get("/api/operations").json().get("processingPaused").asBoolean()).isTrue();
            assertThat(server.get("/health").json().path("details").path("kafkaStreams").path("details")
                    .path("paused").asBoolean()).isTrue();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    !server.get("/api/projects/PAUSE-1").json().path("months").has("2022-06"));
        } finally {
            // And once resumed, the report taken meanwhile is counted
            assertThat(server.put("/api/operations/processing/resume", "").json().get("paused").asBoolean()).isFalse();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/api/projects/PAUSE-1").json().path("months")
                .path("2022-06").decimalValue().compareTo(new java.math.BigDecimal("60.00")) == 0);
        assertThat(server.get("/api/operations").json().get("processingPaused").asBoolean()).isFalse();
    }
}
