package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import pulse.server.kafka.KafkaCluster;

/** Accounts, login, roles, and the audit trail, on the module's shared server ({@link SharedServer}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedServer.class)
class SecurityTest {

    private static final String METRICS_TOKEN = SharedServer.METRICS_TOKEN;
    private static final int LOCKOUT_SECONDS = SharedServer.LOCKOUT_SECONDS;

    private PulseServer server;
    private String zhujian;

    @BeforeAll
    void start(PulseServer shared) {
        server = shared;
        assertThat(server.post("/api/projects", """
                {"projectId":"SC-A","name":"新世纪大道延伸段","area":"URBAN","township":"玉泉镇","unitId":"县住建局",
                 "level":"COUNTY","totalInvestment":18000.00,"year":2022,"annualPlan":9000.00}""").status()).isEqualTo(201);
        zhujian = server.account("zhujian", "unit", "县住建局");
    }

    @Test
    void shouldIssueSignedTokensThatCarryTheRoleAndTheUnit() {
        String[] parts = zhujian.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

        assertThat(header).contains("\"alg\":\"HS256\"");
        assertThat(claims).contains("\"sub\":\"zhujian\"", "\"roles\":[\"unit\"]", "\"unitId\":\"县住建局\"");
        assertThat(parts).hasSize(3);
        assertThat(parts[2]).isNotEmpty();
    }

    @Test
    void shouldCarryTheHeadersASecurityScanExpectsOnPagesAndAnswers() {
        for (String path : List.of("/", "/report", "/swagger-ui", "/api/totals", "/static/screen.js")) {
            var headers = server.get(path).raw().headers();
            String policy = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(path).contains("script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
    }

    @Test
    void shouldShowMetricsAndHealthDetailsOnlyWithALoginOrTheScrapeToken() {
        // Anonymous: UP or DOWN, nothing about the machine; no metrics
        PulseServer.Answer health = server.as(null).get("/health");
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().hasNonNull("details")).as(health.body()).isFalse();
        server.as(null).get("/prometheus").refused(401, "尚未登录", "GET /prometheus");
        server.as("wrong-" + METRICS_TOKEN).get("/prometheus").refused(401, "尚未登录", "GET /prometheus");

        // The scrape token reads the metrics and the details, and nothing else
        PulseServer.Answer scraped = server.as(METRICS_TOKEN).get("/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        assertThat(server.as(METRICS_TOKEN).get("/health").json().hasNonNull("details")).isTrue();
        server.as(METRICS_TOKEN).get("/api/accounts").refused(401, "GET /api/accounts");

        // So does a login
        assertThat(server.get("/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(server.get("/health").json().get("details").toString()).contains("kafka");
    }

    @Test
    void shouldLockAnAccountOutAfterFiveFailedLoginsWhateverThePasswordAndAuditIt() {
        server.account("lockme", "viewer", null);
        for (int i = 0; i < 5; i++) {
            login("lockme", "wrong-password-" + i).refused(401, "用户名或密码不正确");
        }

        // The right password is refused too, with when to try again
        PulseServer.Answer locked = login("lockme", "lockme-password");
        assertThat(locked.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(locked.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, (long) LOCKOUT_SECONDS);
        assertThat(locked.json().get("message").asText()).contains("登录失败次数过多");

        // and every login, failure and the lock-out are in the audit, with the address
        JsonNode audit = server.get("/api/audit/logins?username=lockme").json();
        assertThat(audit).extracting(e -> e.get("kind").asText())
                .containsSubsequence("LOCKED_OUT", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                        "LOGIN_FAILED", "LOGIN", "ACCOUNT_CREATED");
        assertThat(audit.get(0).get("address").asText()).isEqualTo("127.0.0.1");
        server.as(zhujian).get("/api/audit/logins").refused(403, "zhujian", "GET /api/audit/logins");

        // Once the window is over, the right password works again
        await().atMost(Duration.ofSeconds(LOCKOUT_SECONDS + 3)).pollInterval(Duration.ofMillis(500))
                .until(() -> login("lockme", "lockme-password").status() == 200);
    }

    private PulseServer.Answer login(String username, String password) {
        return server.as(null).post("/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    @Test
    void shouldRefuseAWrongPassword() {
        PulseServer.Answer answer = server.as(null).post("/login", "{\"username\":\"zhujian\",\"password\":\"wrong-password\"}");
        answer.refused(401, "用户名或密码不正确");
        assertThat(answer.body()).doesNotContain("zhujian");   // nor whether such an account exists
        server.as(null).in("en").post("/login", "{\"username\":\"nobody\",\"password\":\"wrong-password\"}")
                .refused(401, "the username or the password is wrong");
    }

    @Test
    void shouldLetAUnitReportForItsOwnProjectAndRecordWhoSentIt() {
        PulseServer.Answer report = server.as(zhujian).put("/api/projects/SC-A/investments/2022-03", "{\"amount\":500.00}");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        PulseServer.Answer correction = server.as(zhujian).put("/api/projects/SC-A/investments/2022-03",
                "{\"amount\":450.00,\"reason\":\"更正：剔除预付款\"}");
        assertThat(correction.status()).as(correction.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode history = server.get("/api/projects/SC-A/history").json();
            List<String> lines = new ArrayList<>();
            history.forEach(event -> lines.add(event.get("type").asText() + " by " + event.get("sentBy").asText()
                    + (event.has("amount") ? " " + event.get("amount").decimalValue().toPlainString() : "")
                    + (event.has("reason") ? " (" + event.get("reason").asText() + ")" : "")));
            assertThat(lines).containsSubsequence(
                    "ProjectRegistered by admin",
                    "InvestmentReported by zhujian 500.00",
                    "InvestmentReported by zhujian 450.00 (更正：剔除预付款)");
            assertThat(history.findValues("offset")).isSortedAccordingTo((a, b) -> Long.compare(a.asLong(), b.asLong()));
            assertThat(history.get(0).get("reportedAt").asText()).isNotBlank();
        });
    }

    @Test
    void shouldRecordTheLoginNotWhatTheBodyClaims() {
        PulseServer.Answer report = server.as(zhujian).put("/api/projects/SC-A/investments/2022-01",
                "{\"amount\":10.00,\"sentBy\":\"admin\"}");
        assertThat(report.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode history = server.get("/api/projects/SC-A/history").json();
            assertThat(history.findValues("period").stream().map(JsonNode::asText)).contains("2022-01");
            history.forEach(event -> {
                if ("2022-01".equals(event.path("period").asText())) {
                    assertThat(event.get("sentBy").asText()).isEqualTo("zhujian");
                }
            });
        });
    }

    @Test
    void shouldStopTheTokensOfADeletedAccount() {
        String token = server.account("temporary", "unit", "县住建局");
        assertThat(server.as(token).put("/api/projects/SC-A/investments/2022-02", "{\"amount\":1.00}").status()).isEqualTo(200);

        assertThat(server.as(server.adminToken()).delete("/api/accounts/temporary").status()).isEqualTo(204);

        PulseServer.Answer after = server.as(token).put("/api/projects/SC-A/investments/2022-02", "{\"amount\":1.00}");
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.body()).contains("temporary", "该账号已删除");
        server.as(null).post("/login", "{\"username\":\"temporary\",\"password\":\"temporary-password\"}")
                .refused(401, "用户名或密码不正确");
    }

    @Test
    void shouldListAccountsWithoutTheirPasswordsAndKeepOnlyABcryptHashOnTheTopic() {
        JsonNode accounts = server.get("/api/accounts").json();
        assertThat(accounts.findValuesAsText("username")).contains("admin", "zhujian");
        assertThat(accounts.toString()).doesNotContain("password", "$2a$");

        List<String> stored = new ArrayList<>();
        Map<String, Object> config = server.context().getBean(KafkaCluster.class).clientConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(pulse.topology.Topics.ACCOUNTS.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if ("zhujian".equals(record.key()) && record.value() != null) {
                        stored.add(record.value());
                    }
                }
            }
        }
        assertThat(stored).isNotEmpty().allSatisfy(value -> {
            assertThat(value).doesNotContain("zhujian-password");
            assertThat(value).containsPattern("\"passwordHash\":\"\\$2[aby]\\$10\\$");
        });
    }

    @Test
    void shouldRefuseAnAccountWithABadRoleOrAShortPasswordOrATakenName() {
        PulseServer.Answer bad = server.post("/api/accounts", "{\"username\":\"x\",\"password\":\"short\",\"role\":\"boss\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).contains("username", "password", "role");

        PulseServer.Answer unitWithoutUnit = server.post("/api/accounts",
                "{\"username\":\"nounit\",\"password\":\"long-enough-password\",\"role\":\"unit\"}");
        assertThat(unitWithoutUnit.status()).isEqualTo(400);
        assertThat(unitWithoutUnit.json().get("errors").findValuesAsText("field")).contains("unitId");

        server.post("/api/accounts", "{\"username\":\"zhujian\",\"password\":\"long-enough-password\",\"role\":\"viewer\"}")
                .refused(409, "zhujian");
    }

    @Test
    void shouldLetAViewerReadAndWatchButNotWrite() {
        String viewer = server.account("dashboard", "viewer", null);
        assertThat(server.as(viewer).get("/api/totals").ok("completedThisYear").get("key").asText()).isEqualTo("全县");
        assertThat(server.as(viewer).get("/api/projects/SC-A/history").ok("type").get(0).get("type").asText())
                .isEqualTo("ProjectRegistered");
        server.as(viewer).get("/api/accounts").refused(403, "dashboard", "viewer", "GET /api/accounts");
        server.as(null).get("/api/totals").refused(401, "GET /api/totals");
    }

    @Test
    void shouldReadWithTheScreensCookieButNeverWriteWithIt() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var read = java.net.http.HttpRequest.newBuilder(server.base().resolve("/api/totals"))
                .header("Cookie", "pulse_token=" + zhujian).GET().build();
        assertThat(http.send(read, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        var write = java.net.http.HttpRequest.newBuilder(server.base().resolve("/api/projects/SC-A/investments/2022-04"))
                .header("Cookie", "pulse_token=" + zhujian).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"amount\":1.00}")).build();
        assertThat(http.send(write, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldOpenReadsToAnonymousViewersOnlyWhenSetAndNeverWrites(@TempDir Path otherData) {
        try (PulseServer open = new PulseServer(otherData, Map.of("pulse.security.anonymous-reads", "true")).start()) {
            assertThat(open.as(null).get("/api/totals").ok("completedThisYear").get("key").asText()).isEqualTo("全县");
            open.as(null).get("/api/accounts").refused(401, "GET /api/accounts");
            open.as(null).get("/api/reminders").refused(401, "GET /api/reminders");   // the office's own
            assertThat(open.as(null).get("/api/periods").json().isArray()).isTrue();
            open.as(null).post("/api/projects", "{}").refused(401, "POST /api/projects");
            open.as(null).post("/api/periods/2022-05/close", "").refused(401, "POST /api/periods/2022-05/close");
        }
    }
}
