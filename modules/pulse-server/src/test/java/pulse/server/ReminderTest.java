package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulse.model.PulseJson;

/** Reminders to a group robot started here: one per unit and month, retried when it failed, none twice after a restart. */
class ReminderTest {

    /** A group robot that refuses its first message (HTTP 500) and takes the rest. */
    static final class Robot implements AutoCloseable {
        final List<String> taken = new CopyOnWriteArrayList<>();
        final AtomicInteger requests = new AtomicInteger();
        private final HttpServer server;

        Robot() throws IOException {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/robot", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                boolean refuse = requests.incrementAndGet() == 1;
                if (!refuse) {
                    taken.add(PulseJson.mapper().readTree(body).get("text").get("content").asText());
                }
                byte[] answer = (refuse ? "{\"errcode\":-1}" : "{\"errcode\":0,\"errmsg\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(refuse ? 500 : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/robot";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void shouldRemindEachLateUnitOnceRetryingAFailedSendAndNotAgainAfterARestart(@TempDir Path dataDir) throws Exception {
        try (Robot robot = new Robot()) {
            // Given three units' projects on 1 July (no reminder due yet), one of which reported June
            Map<String, Object> settings = Map.of("pulse.today", "2022-07-01", "pulse.reminders.webhook-url", robot.url(),
                    "pulse.reminders.check-seconds", 1, "pulse.reminders.retry-base-ms", 200);
            try (PulseServer server = new PulseServer(dataDir, settings).start()) {
                for (String unit : new String[] {"县住建局", "县水务局", "县交通局"}) {
                    assertThat(server.post("/api/projects", """
                            {"projectId":"R-%s","name":"%s项目","area":"URBAN","township":"玉泉镇","unitId":"%s",
                             "level":"COUNTY","totalInvestment":2000.00,"year":2022,"annualPlan":1200.00}"""
                            .formatted(unit.hashCode() & 0xffff, unit, unit)).status()).isEqualTo(201);
                }
                assertThat(server.put("/api/projects/R-" + ("县住建局".hashCode() & 0xffff) + "/investments/2022-06",
                        "{\"amount\":10}").status()).isEqualTo(200);
                // (exactly these two: two missing could also be two of three registrations counted so far)
                await().atMost(Duration.ofSeconds(30)).until(() -> server.get("/api/periods/2022-06/missing").json()
                        .findValuesAsText("unitId").stream().sorted().toList().equals(List.of("县交通局", "县水务局")));
                // When it is 8 July, two days before June's reports are due
                server.context().getBean(PulseClock.class).setToday(java.time.LocalDate.parse("2022-07-08"));

                // Then each unit still missing June is reminded once, the refused message sent again
                await().atMost(Duration.ofSeconds(60)).until(() -> robot.taken.size() == 2);
                assertThat(robot.taken).anySatisfy(text -> assertThat(text).startsWith("【重点项目报送提醒】县水务局："))
                        .anySatisfy(text -> assertThat(text).startsWith("【重点项目报送提醒】县交通局："))
                        .allSatisfy(text -> assertThat(text).contains("2022年6月投资完成情况报送截止日为2022-07-10"));
                JsonNode sent = server.get("/api/reminders?period=2022-06").json();
                assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(r.get("state").asText()).isEqualTo("SENT"));
                assertThat(sent).extracting(r -> r.get("attempts").asInt()).containsExactlyInAnyOrder(1, 2);
            }
            assertThat(robot.requests.get()).isEqualTo(3);

            // And after a restart nothing is sent twice
            Map<String, Object> restarted = new java.util.HashMap<>(settings);
            restarted.put("pulse.today", "2022-07-08");
            try (PulseServer server = new PulseServer(dataDir, restarted).start()) {
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).until(() -> robot.requests.get() == 3);
                assertThat(server.get("/api/reminders?period=2022-06").json()).hasSize(2);
            }
        }
    }
}
