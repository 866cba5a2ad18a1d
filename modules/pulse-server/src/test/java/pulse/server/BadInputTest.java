package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pulse.server.kafka.KafkaCluster;
import pulse.topology.Topics;

/**
 * Bad input, table-driven, over HTTP and straight onto Kafka. Each row gets its documented answer
 * (400 naming the field, 401, 403 naming what was refused, 404, 413) or, through Kafka, lands in
 * {@code pulse.events.dlq} with its reason; and nothing it sent changes a total or reaches the
 * events topic (over HTTP) or a project (through Kafka).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedServer.class)
class BadInputTest {

    private static final String PROJECT = """
            {"projectId":"SV-X","name":"x","area":"URBAN","township":"玉泉镇","unitId":"县住建局","level":"COUNTY",
             "totalInvestment":100.00,"year":2022,"annualPlan":100.00}""";
    private static final String REPORT = "{\"type\":\"InvestmentReported\",\"projectId\":\"SV-A\",\"period\":\"2022-05\",\"amount\":5}";

    /** Who sends a row: a real account's token, none, or the admin's token as a cookie where a header is needed. */
    enum As { ADMIN, OWN_UNIT, OTHER_UNIT, NOBODY, COOKIE_ONLY }

    private PulseServer server;
    private final Map<As, String> tokens = new HashMap<>();
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> deadLetters;
    private final Map<Integer, Integer> httpAnswers = new TreeMap<>();
    private int deadLettered;

    @BeforeAll
    void start(PulseServer shared) {
        server = shared;
        ok(server.post("/api/projects", """
                {"projectId":"SV-A","name":"新世纪大道延伸段","area":"URBAN","township":"泾河镇","unitId":"县住建局",
                 "level":"COUNTY","totalInvestment":18000.00,"year":2022,"annualPlan":9000.00}"""));
        ok(server.post("/api/projects", """
                {"projectId":"SV-B","name":"石佛寺供水工程","area":"RURAL","township":"新平镇","unitId":"县水务局",
                 "level":"COUNTY","totalInvestment":2000.00,"year":2022,"annualPlan":2000.00}"""));
        ok(server.put("/api/projects/SV-A/milestones/STARTED", "{\"date\":\"2022-03-18\"}"));
        ok(server.put("/api/projects/SV-A/investments/2022-05", "{\"amount\":1300.00}"));
        tokens.put(As.ADMIN, server.adminToken());
        tokens.put(As.OWN_UNIT, server.account("bad-input-zhujian", "unit", "县住建局"));
        tokens.put(As.OTHER_UNIT, server.account("bad-input-shuiwu", "unit", "县水务局"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(server.get("/api/projects/SV-A").json().get("months").get("2022-05").decimalValue())
                        .isEqualByComparingTo("1300.00"));
        // and the totals, which follow the projects a commit later: each row compares the county's
        // before and after, so nothing may still be on its way (the server is shared: other classes wrote too)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.get("/api/totals/township/泾河镇")
                .json().get("completedThisYear").decimalValue()).isEqualByComparingTo("1300.00"));
        String[] quiet = {""};
        await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String now = server.get("/api/totals").body() + eventsOnTopic();
                    boolean same = now.equals(quiet[0]);
                    quiet[0] = now;
                    return same;
                });
        Map<String, Object> config = server.context().getBean(KafkaCluster.class).clientConfig();
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        config.putAll(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        deadLetters = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters.assign(List.of(new TopicPartition(Topics.DEAD_LETTERS.name(), 0)));
    }

    @AfterAll
    void stop() {
        System.out.printf("Bad input: %d HTTP requests answered as documented (by status: %s), %d records written"
                + " straight to Kafka dead-lettered with their reason; events topic and totals unchanged after each%n",
                httpAnswers.values().stream().mapToInt(Integer::intValue).sum(), httpAnswers, deadLettered);
        producer.close();
        deadLetters.close();
    }

    private static Arguments row(As as, String method, String path, String body, int status, String names) {
        return Arguments.of(as, method, path, body.getBytes(StandardCharsets.UTF_8), status, names);
    }

    private static Arguments row(String method, String path, String body, String field) {
        return row(As.ADMIN, method, path, body, 400, field);
    }

    static Stream<Arguments> overHttp() {
        // The event reader's rules each have a row in pulse-model's EventReaderTest, and bodies that
        // are not JSON, tokens that are not valid and the viewer's refusal one in WriteControllerTest
        // (no broker); these are the ones that need the server: a path, a project's state, who is asking.
        return Stream.of(
                // registrations
                row("POST", "/api/projects", PROJECT.replace("URBAN", "SPACE"), "area"),
                row("POST", "/api/projects", PROJECT.replace("\"annualPlan\":100.00", "\"annualPlan\":100.01"), "annualPlan"),
                row("POST", "/api/projects", PROJECT.replace("SV-X", "bad id!"), "projectId"),
                // investment reports
                row("PUT", "/api/projects/SV-A/investments/2022-13", "{\"amount\":1.00}", "period"),
                row("PUT", "/api/projects/SV-A/investments/2022-07", "{\"amount\":1.00}", "period"),
                row("PUT", "/api/projects/SV-A/investments/2021-12", "{\"amount\":1.00}", "period"),
                row("PUT", "/api/projects/SV-A/investments/2022-04", "{\"amount\":12.345}", "amount"),
                row("PUT", "/api/projects/SV-A/investments/2022-04", "{\"amount\":1,\"unitId\":\"县水务局\"}", "unitId"),
                row("PUT", "/api/projects/SV-A/investments/2022-05", "{\"amount\":1.00}", "reason"),
                // milestones
                row("PUT", "/api/projects/SV-A/milestones/FINISHED", "{\"date\":\"2022-03-18\"}", "milestone"),
                row("PUT", "/api/projects/SV-A/milestones/COMPLETED", "{\"date\":\"2022-03-01\"}", "date"),   // before 开工
                // plan years
                row("PUT", "/api/projects/SV-A/plans/2021", "{\"annualPlan\":100.00}", "year"),
                row("PUT", "/api/projects/SV-A/plans/next", "{\"annualPlan\":100.00}", "year"),
                row(As.OWN_UNIT, "PUT", "/api/projects/SV-A/plans/2023", "{\"annualPlan\":100.00}", 403, "type"),
                row(As.ADMIN, "GET", "/api/totals?year=1999", "", 400, "year"),
                // blockers
                row("POST", "/api/events", "[{\"type\":\"IssueRaised\",\"projectId\":\"SV-A\",\"issueId\":\"L-1\","
                        + "\"kind\":\"LAND\",\"text\":\"x\",\"dueDate\":\"2022-02-30\"}]", "[0].dueDate"),
                // the monthly close
                row("POST", "/api/periods/2022-13/close", "", "period"),
                row("POST", "/api/periods/2022-06/close", "", "period"),
                row("POST", "/api/periods/2022-05/close?revise=true", "{\"reason\":\"x\"}", "revise"),
                row(As.OWN_UNIT, "POST", "/api/periods/2022-05/close", "", 403, "unit"),
                row(As.ADMIN, "GET", "/api/periods/2022-05", "", 404, "尚未关账"),
                row(As.ADMIN, "GET", "/api/periods/2022-05/bulletin.docx", "", 404, "尚未关账"),
                // batches, all or nothing
                row("POST", "/api/events", "[{\"type\":\"Nonsense\",\"projectId\":\"SV-A\"}]", "[0].type"),
                row("POST", "/api/events", "[" + REPORT + "," + REPORT.replace("\"amount\":5", "\"amount\":true") + "]", "[1].amount"),
                row("POST", "/api/events", "[" + REPORT.replace("SV-A", "NOPE") + "]", "[0].projectId"),
                row("POST", "/api/events", "[]", "body"),
                row("POST", "/api/events", REPORT, "body"),
                // not found, too large
                row(As.ADMIN, "PUT", "/api/projects/NOPE/investments/2022-05", "{\"amount\":1.00}", 404, "NOPE"),
                row(As.ADMIN, "PUT", "/api/projects/SV-A/investments/2022-04", "{\"reason\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}", 413, ""),
                // who may write
                row(As.COOKIE_ONLY, "PUT", "/api/projects/SV-A/investments/2022-04", "{\"amount\":1.00}", 401, "POST /login"),
                row(As.NOBODY, "GET", "/api/totals", "", 401, "POST /login"),
                row(As.OTHER_UNIT, "PUT", "/api/projects/SV-A/investments/2022-04", "{\"amount\":1.00}", 403, "projectId"),
                row(As.OTHER_UNIT, "PUT", "/api/projects/SV-A/milestones/STARTED", "{\"date\":\"2022-03-01\"}", 403, "projectId"),
                row(As.OTHER_UNIT, "POST", "/api/events", "[" + REPORT + "]", 403, "[0].projectId"),
                row(As.OTHER_UNIT, "POST", "/api/events", "[" + REPORT.replace("SV-A", "SV-B") + "," + REPORT + "]", 403, "[1].projectId"),
                row(As.OTHER_UNIT, "POST", "/api/projects", PROJECT.replace("SV-X", "SV-A").replace("县住建局", "县水务局"), 403, "type"),
                row(As.OWN_UNIT, "POST", "/api/projects", PROJECT, 403, "type"),
                row(As.OWN_UNIT, "POST", "/api/accounts", "{\"username\":\"x2\",\"password\":\"0123456789\",\"role\":\"admin\"}", 403, "unit"),
                row(As.ADMIN, "GET", "/api/internal/projects/SV-A", "", 403, "admin"));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} {2} → {4} {5}")
    @MethodSource("overHttp")
    void shouldAnswerBadHttpInputClearlyAndChangeNothing(As as, String method, String path, byte[] body, int status,
            String names) throws Exception {
        long eventsBefore = eventsOnTopic();
        String totalsBefore = server.get("/api/totals").body();

        HttpResponse<String> answer = send(as, method, path, body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        if (status == 400 || (status == 403 && answer.body().contains("\"field\""))) {
            JsonNode errors = server.json(answer.body()).get("errors");
            assertThat(errors.findValuesAsText("field")).as(answer.body()).contains(names);
            assertThat(errors.get(0).get("expected").asText()).isNotBlank();
        } else if (!names.isEmpty()) {   // a 413 is Micronaut's own answer: its status is what is documented
            assertThat(answer.body()).contains(names);
        }
        assertThat(eventsOnTopic()).isEqualTo(eventsBefore);
        assertThat(server.get("/api/totals").body()).isEqualTo(totalsBefore);
        httpAnswers.merge(status, 1, Integer::sum);
    }

    private HttpResponse<String> send(As as, String method, String path, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve(path))
                .method(method, body.length == 0 && method.equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json");
        if (as == As.COOKIE_ONLY) {
            request.header("Cookie", "pulse_token=" + tokens.get(As.ADMIN));
        } else if (as != As.NOBODY) {
            request.header("Authorization", "Bearer " + tokens.get(as));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Arguments kafka(String key, byte[] value, String reason) {
        return Arguments.of(key, value, reason);
    }

    private static Arguments kafka(String key, String value, String reason) {
        return kafka(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8), reason);
    }

    static Stream<Arguments> straightToKafka() {
        String report = "{\"eventId\":\"%s\",\"type\":\"InvestmentReported\",\"projectId\":\"SV-A\",\"reportedAt\":\"2022-06-30T08:00:00Z\",%s}";
        String id = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
        return Stream.of(
                kafka("SV-A", "{not json", "not readable JSON"),
                kafka("SV-A", "[1,2,3]", "a JSON object"),
                kafka("SV-A", "", "a JSON document"),
                kafka("SV-A", (String) null, "a JSON document"),
                kafka("SV-A", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}'}, "not readable JSON"),
                kafka("SV-A", "[".repeat(50_000) + "]".repeat(50_000), "not readable JSON"),
                kafka("SV-A", "{\"type\":\"Nonsense\",\"projectId\":\"SV-A\"}", "type"),
                kafka("SV-A", "{\"type\":\"InvestmentReported\",\"period\":\"2022-05\",\"amount\":1}", "projectId"),
                kafka("SV-A", report.formatted(id, "\"period\":\"2022-13\",\"amount\":1"), "period"),
                kafka("SV-A", report.formatted(id, "\"period\":\"2022-07\",\"amount\":1"), "period"),
                kafka("SV-A", report.formatted(id, "\"period\":\"2021-12\",\"amount\":1"), "plan year 2022"),
                kafka("SV-A", report.formatted(id, "\"period\":\"2022-05\",\"amount\":-5"), "amount"),
                kafka("SV-A", report.formatted(id, "\"period\":\"2022-05\",\"amount\":1.005"), "amount"),
                kafka("SV-A", report.formatted(id, "\"period\":\"2022-05\",\"amount\":1e12"), "amount"),
                kafka("SV-A", report.formatted(id, "\"period\":\"2022-05\",\"amount\":\"5\""), "amount"),
                kafka("SV-A", report.formatted("nope", "\"period\":\"2022-05\",\"amount\":5"), "eventId"),
                kafka("SV-A", "{\"type\":\"MilestoneReached\",\"projectId\":\"SV-A\",\"milestone\":\"FINISHED\",\"date\":\"2022-03-01\"}", "milestone"),
                kafka("SV-A", "{\"type\":\"MilestoneReached\",\"projectId\":\"SV-A\",\"milestone\":\"STARTED\",\"date\":\"2022-02-30\"}", "date"),
                kafka("SV-B", report.formatted(id, "\"period\":\"2022-05\",\"amount\":5"), "key: \"SV-B\""),
                kafka(null, report.formatted(id, "\"period\":\"2022-05\",\"amount\":5"), "key: null"));
    }

    @ParameterizedTest(name = "[{index}] key {0} → dead letter naming {2}")
    @MethodSource("straightToKafka")
    void shouldSetAsideBadRecordsFromKafkaWithTheirReasonAndChangeNothing(String key, byte[] value, String reason)
            throws Exception {
        String totalsBefore = server.get("/api/totals").body();
        String projectBefore = server.get("/api/projects/SV-A").body();

        RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.EVENTS.name(), key, value)).get();

        String source = Topics.EVENTS.name() + "-" + sent.partition() + "@" + sent.offset();
        ConsumerRecord<String, byte[]> letter = deadLetterFrom(source);
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(header(letter, Topics.REASON_HEADER)).contains(reason);
        assertThat(server.get("/api/totals").body()).isEqualTo(totalsBefore);
        assertThat(server.get("/api/projects/SV-A").body()).isEqualTo(projectBefore);
        deadLettered++;
    }

    private ConsumerRecord<String, byte[]> deadLetterFrom(String source) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        deadLetters.seekToBeginning(deadLetters.assignment());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, byte[]> record : deadLetters.poll(Duration.ofMillis(200))) {
                if (source.equals(header(record, Topics.SOURCE_HEADER))) {
                    found.add(record);
                }
            }
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A writer whose answer was lost sends the same batch again, as Pulse asks. Once the first
     * sending is counted, its report reads as changing its own correction without a reason: it is
     * answered as the first time instead, and not written again. The correction passes its checks
     * and is written again, the same figure, which changes nothing.
     */
    @Test
    void shouldAnswerABatchSentAgainAfterItsFirstSendingWasCountedAndCountItOnce() throws Exception {
        String batch = """
                [{"type":"InvestmentReported","eventId":"5d0e7a36-2f7b-4c55-9a43-0f3c2b7d1a01","projectId":"SV-B",
                  "period":"2022-02","amount":40.00},
                 {"type":"InvestmentReported","eventId":"5d0e7a36-2f7b-4c55-9a43-0f3c2b7d1a02","projectId":"SV-B",
                  "period":"2022-02","amount":45.00,"reason":"更正：漏报一笔材料款"}]""";
        BigDecimal before = server.get("/api/totals").json().get("completedThisYear").decimalValue();
        PulseServer.Answer first = server.post("/api/events", batch);
        ok(first);
        // counted: the project, and the totals a commit later
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.get("/api/totals").json()
                .get("completedThisYear").decimalValue()).isEqualByComparingTo(before.add(new BigDecimal("45"))));
        JsonNode totals = server.get("/api/totals").json();
        long events = eventsOnTopic();

        PulseServer.Answer again = server.post("/api/events", batch);

        ok(again);
        assertThat(again.json().get(0)).as("the report, answered as the first time").isEqualTo(first.json().get(0));
        assertThat(eventsOnTopic()).as("only the correction written again").isEqualTo(events + 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.get("/api/projects/SV-B").json()
                .get("months").get("2022-02").decimalValue()).isEqualByComparingTo("45.00"));
        assertThat(server.get("/api/totals").json()).isEqualTo(totals);
        // The same report under an id of its own is a correction, and says why
        server.post("/api/events", batch.replace("1a01", "1b01").replace("1a02", "1b02"))
                .refused(400, "[0].reason", "2022-02", "45");
        // Within one batch, a report sees the batch's earlier report of its month: changing it needs a reason
        server.post("/api/events", """
                [{"type":"InvestmentReported","projectId":"SV-B","period":"2022-03","amount":10.00},
                 {"type":"InvestmentReported","projectId":"SV-B","period":"2022-03","amount":12.00}]""")
                .refused(400, "[1].reason", "2022-03", "10");
        assertThat(eventsOnTopic()).as("a refused batch writes nothing").isEqualTo(events + 1);
    }

    private long eventsOnTopic() throws Exception {
        try (Admin admin = Admin.create(server.context().getBean(KafkaCluster.class).clientConfig())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                latest.put(new TopicPartition(Topics.EVENTS.name(), p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    private static void ok(PulseServer.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
    }
}
