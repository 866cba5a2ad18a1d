package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vertical slice on a real broker: writes over HTTP, Kafka, the topology, reads over HTTP.
 * Expected figures are worked out by hand in the comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerticalSliceTest {

    private PulseServer server;

    @BeforeAll
    void startServerAndWriteTheCounty(@TempDir Path dataDir) {
        server = new PulseServer(dataDir, Map.of()).start();
        ok(server.post("/api/projects", """
                {"projectId":"SV-A","name":"新世纪大道延伸段","area":"URBAN","township":"玉泉镇","unitId":"县住建局",
                 "level":"COUNTY","totalInvestment":18000.00,"year":2022,"annualPlan":9000.00,
                 "monthlyPlan":[0,0,500,800,1000,1200,1200,1200,1000,1000,800,300],
                 "plannedMilestones":{"STARTED":"2022-03-15","COMPLETED":"2022-11-30"}}"""));
        ok(server.post("/api/projects", """
                {"projectId":"SV-B","name":"一中综合楼","area":"LIVELIHOOD","township":"新平镇","unitId":"县住建局",
                 "level":"CITY","totalInvestment":5000.00,"year":2022,"annualPlan":1200.00,"investedBeforeYear":300.00}"""));
        // C reports in the same batch as its registration
        ok(server.post("/api/events", """
                [{"type":"ProjectRegistered","projectId":"SV-C","name":"石佛寺供水工程","area":"RURAL","township":"新平镇",
                  "unitId":"县水务局","level":"COUNTY","totalInvestment":2000.00,"year":2022,"annualPlan":2000.00},
                 {"type":"InvestmentReported","projectId":"SV-C","period":"2022-05","amount":200.00}]"""));

        ok(server.put("/api/projects/SV-A/milestones/STARTED", "{\"date\":\"2022-03-18\",\"note\":\"举行开工仪式\"}"));
        ok(server.put("/api/projects/SV-A/investments/2022-03", "{\"amount\":500.00}"));
        ok(server.put("/api/projects/SV-A/investments/2022-04", "{\"amount\":800}"));
        ok(server.put("/api/projects/SV-A/investments/2022-05", "{\"amount\":1300.00}"));
        // a correction replaces May
        ok(server.put("/api/projects/SV-A/investments/2022-05", "{\"amount\":1250.00,\"reason\":\"更正：剔除预付款\"}"));
        // a retry of the same report, same eventId, counts once
        String june = "{\"eventId\":\"0b0c7f4e-0d5d-4f0e-9d43-7b9b3f0d2a61\",\"amount\":1000.50}";
        ok(server.put("/api/projects/SV-A/investments/2022-06", june));
        ok(server.put("/api/projects/SV-A/investments/2022-06", june));
        for (String month : new String[] {"01", "02", "03", "04", "05"}) {
            ok(server.put("/api/projects/SV-B/investments/2022-" + month, "{\"amount\":100.00}"));
        }
        // A: 500 + 800 + 1250 + 1000.50 = 3550.50; B: 5 × 100 = 500 (+300 before the year); C: 200
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(money(server.get("/api/totals").json(), "completedThisYear")).isEqualByComparingTo("4250.50"));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    private static void ok(PulseServer.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isBetween(200, 201);
    }

    private static BigDecimal money(JsonNode node, String field) {
        return node.get(field).decimalValue();
    }

    @Test
    void shouldAnswerEveryListAsAWorkbookWhenAskedWithTheSameRowsAndNumbers() throws Exception {
        String spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        for (String list : new String[] {"/api/projects", "/api/warnings", "/api/rankings/units", "/api/totals/unit",
                "/api/projects/SV-A/history", "/api/periods/2022-05/missing", "/api/issues"}) {
            JsonNode json = server.get(list).json();
            for (byte[] xlsx : List.of(server.download(list + "?format=xlsx", null), server.download(list, spreadsheet))) {
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                    assertThat(workbook.getSheetAt(0).getLastRowNum()).as(list).isEqualTo(json.size());
                }
            }
        }
        // Numbers stay numbers: a project's completed investment, and its months one column each
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                server.download("/api/projects?unit=县住建局&format=xlsx", null)))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).contains("项目编号", "本年完成（万元）", "2022-03", "2022-06");
            Row a = sheet.getRow(1);
            assertThat(a.getCell(0).getStringCellValue()).isEqualTo("SV-A");
            assertThat(BigDecimal.valueOf(a.getCell(headers.indexOf("本年完成（万元）")).getNumericCellValue()))
                    .isEqualByComparingTo("3550.50");
            assertThat(a.getCell(headers.indexOf("2022-05")).getNumericCellValue()).isEqualTo(1250.00);
        }
        assertThat(server.get("/api/projects?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void shouldAnswerCountyTotalsToTheCent() {
        JsonNode county = server.get("/api/totals").json();
        assertThat(county.get("key").asText()).isEqualTo("全县");
        assertThat(county.get("projects").asInt()).isEqualTo(3);
        assertThat(county.get("started").asInt()).isEqualTo(1);
        assertThat(money(county, "startedRate")).isEqualByComparingTo("0.3333");
        assertThat(money(county, "totalInvestment")).isEqualByComparingTo("25000.00");
        assertThat(money(county, "annualPlan")).isEqualByComparingTo("12200.00");
        assertThat(money(county, "completedThisYear")).isEqualByComparingTo("4250.50");
        assertThat(money(county, "completedSinceStart")).isEqualByComparingTo("4550.50");
        // 4,250.50 / 12,200 = 0.3484; due: A 3,500 (monthly plan) + B 600 + C 1,000 = 5,100 / 12,200 = 0.4180
        assertThat(money(county, "completionRate")).isEqualByComparingTo("0.3484");
        assertThat(money(county, "targetRate")).isEqualByComparingTo("0.4180");
        assertThat(money(county, "deviationPoints")).isEqualByComparingTo("-6.96");
        assertThat(county.get("lights").toString()).isEqualTo("{\"green\":2,\"yellow\":0,\"red\":1}");
        assertThat(county.has("grade")).isFalse();
    }

    @Test
    void shouldTagTheCountysTotalsAndAnswerNotModifiedWhileTheyStayTheSame() {
        PulseServer.Answer first = server.get("/api/totals");
        String etag = first.raw().headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{16}\"");
        assertThat(first.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

        PulseServer.Answer again = server.as(server.adminToken()).get("/api/totals", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        PulseServer.Answer stale = server.as(server.adminToken()).get("/api/totals", "If-None-Match", "\"0000000000000000\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(first.body());
    }

    /**
     * Micronaut verifies a login token the first time; from then on the totals are answered on the
     * connection's own thread (TotalsFastPath), with the same bytes and headers. A token nobody
     * verified still goes to Micronaut, which refuses it.
     */
    @Test
    void shouldAnswerTheCountysTotalsAlikeOnTheFastPathOnceATokenIsVerified() {
        String token = server.account("totals-viewer", "viewer", null);
        io.micrometer.core.instrument.Counter fast = server.context()
                .getBean(io.micrometer.core.instrument.MeterRegistry.class).counter("pulse.totals.fast.answers");
        double before = fast.count();

        PulseServer.Answer verified = server.as(token).get("/api/totals");
        assertThat(fast.count()).isEqualTo(before);
        PulseServer.Answer quick = server.as(token).get("/api/totals");
        assertThat(fast.count()).isEqualTo(before + 1);

        assertThat(quick.status()).isEqualTo(200);
        assertThat(quick.body()).isEqualTo(verified.body());
        assertThat(money(quick.json(), "completedThisYear")).isEqualByComparingTo("4250.50");
        for (String header : List.of("ETag", "Content-Type", "Content-Security-Policy", "X-Content-Type-Options",
                "X-Frame-Options", "Referrer-Policy")) {
            assertThat(quick.raw().headers().firstValue(header)).as(header).isEqualTo(verified.raw().headers().firstValue(header));
        }
        PulseServer.Answer unchanged = server.as(token).get("/api/totals", "If-None-Match",
                quick.raw().headers().firstValue("ETag").orElseThrow());
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(fast.count()).isEqualTo(before + 2);

        PulseServer.Answer forged = server.as(token.substring(0, token.length() - 4) + "AAAA").get("/api/totals");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain("completedThisYear");
        assertThat(fast.count()).isEqualTo(before + 2);
    }

    @Test
    void shouldAnswerUnitTotalsWithGrades() {
        JsonNode units = server.get("/api/totals/unit").json();
        assertThat(units).hasSize(2);
        JsonNode housing = units.get(0).get("key").asText().equals("县住建局") ? units.get(0) : units.get(1);
        // 4,050.50 of 10,200 = 0.3971; due 4,100 / 10,200 = 0.4020; 4,050.50 / 4,100 = 98.8% → 落实较好
        assertThat(money(housing, "completedThisYear")).isEqualByComparingTo("4050.50");
        assertThat(money(housing, "completedSinceStart")).isEqualByComparingTo("4350.50");
        assertThat(money(housing, "completionRate")).isEqualByComparingTo("0.3971");
        assertThat(money(housing, "targetRate")).isEqualByComparingTo("0.4020");
        assertThat(money(housing, "deviationPoints")).isEqualByComparingTo("-0.49");
        assertThat(housing.get("grade").asText()).isEqualTo("落实较好");

        JsonNode ranking = server.get("/api/rankings/units").json();
        assertThat(ranking.get(0).get("unitId").asText()).isEqualTo("县住建局");
        assertThat(ranking.get(1).get("unitId").asText()).isEqualTo("县水务局");
        assertThat(ranking.get(1).get("grade").asText()).isEqualTo("落实较差");   // 200 of 1,000 due

        JsonNode townships = server.get("/api/totals/township").json();
        assertThat(townships.toString()).contains("\"key\":\"新平镇\",\"projects\":2");

        // one group alone, as a screen filtered on it reads it
        assertThat(server.get("/api/totals/unit/县住建局").json()).isEqualTo(housing);
        PulseServer.Answer none = server.get("/api/totals/unit/无此单位");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("message").asText()).isEqualTo("unit/无此单位 在 2022 年没有重点项目");
    }

    @Test
    void shouldAnswerTheProjectViewWithCorrectionAndRetryCountedOnce() {
        JsonNode a = server.get("/api/projects/SV-A").json();
        assertThat(a.get("months").toString()).isEqualTo(
                "{\"2022-03\":500.00,\"2022-04\":800.00,\"2022-05\":1250.00,\"2022-06\":1000.50}");
        assertThat(money(a, "completedThisYear")).isEqualByComparingTo("3550.50");
        assertThat(a.get("status").asText()).isEqualTo("UNDER_CONSTRUCTION");
        assertThat(a.get("milestones").get("STARTED").toString())
                .isEqualTo("{\"planned\":\"2022-03-15\",\"reached\":\"2022-03-18\",\"late\":true}");
        assertThat(a.get("milestones").get("COMPLETED").get("late").asBoolean()).isFalse();   // due 2022-11-30
        assertThat(a.get("light").asText()).isEqualTo("GREEN");

        JsonNode c = server.get("/api/projects/SV-C").json();
        assertThat(c.get("light").asText()).isEqualTo("RED");
        assertThat(c.get("reasons").get(0).asText()).isEqualTo("投资完成率10%，时序进度50%，落后40.00个百分点");

        assertThat(server.get("/api/warnings").json().get(0).get("projectId").asText()).isEqualTo("SV-C");
        String unitOfC = c.get("unitId").asText();
        String otherUnit = unitOfC.equals("县住建局") ? "县水务局" : "县住建局";
        assertThat(server.get("/api/warnings?unit=" + unitOfC).json().findValuesAsText("projectId")).contains("SV-C");
        assertThat(server.get("/api/warnings?unit=" + otherUnit).json().findValuesAsText("projectId")).doesNotContain("SV-C");
        assertThat(server.get("/api/warnings?area=RURAL").json().findValuesAsText("projectId")).contains("SV-C");
        assertThat(server.get("/api/warnings?area=URBAN").json().findValuesAsText("projectId")).doesNotContain("SV-C");
        assertThat(server.get("/api/projects?unit=县住建局&light=GREEN").json()).hasSize(2);
        assertThat(server.get("/api/projects?area=RURAL").json().get(0).get("projectId").asText()).isEqualTo("SV-C");
    }

    @Test
    void shouldAnswerTheCurveOfCumulativePlanAndActual() {
        JsonNode curve = server.get("/api/curve?area=URBAN").json();
        assertThat(curve).hasSize(12);
        JsonNode june = curve.get(5);
        assertThat(june.get("period").asText()).isEqualTo("2022-06");
        assertThat(money(june, "cumulativePlan")).isEqualByComparingTo("3500.00");
        assertThat(money(june, "cumulativeActual")).isEqualByComparingTo("3550.50");
        assertThat(money(curve.get(11), "cumulativePlan")).isEqualByComparingTo("9000.00");
    }

    @Test
    void shouldDescribeEveryApiEndpointInOpenApiAndPublishTheEventsSchemaWithoutALogin() {
        PulseServer.Answer yml = server.as(null).get("/swagger/pulse.yml");
        assertThat(yml.status()).isEqualTo(200);
        Map<String, Object> description = new org.yaml.snakeyaml.Yaml().load(yml.body());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) description.get("paths");

        // every route of the API is in it, with each of its methods
        var routes = server.context().getBean(io.micronaut.web.router.Router.class).uriRoutes().toList();
        int described = 0;
        for (var route : routes) {
            String path = route.getUriMatchTemplate().toPathString();
            String method = route.getHttpMethodName();
            if (!path.startsWith("/api/") || path.startsWith("/api/internal") || method.equals("HEAD")) {
                continue;   // the pages, the instances' own peer reads (hidden on purpose), HEAD (Micronaut's, of every GET)
            }
            assertThat(paths).as("OpenAPI paths").containsKey(path);
            assertThat(paths.get(path)).as(path).containsKey(method.toLowerCase());
            described++;
        }
        assertThat(described).isGreaterThan(30);
        assertThat(paths.keySet()).noneMatch(path -> path.startsWith("/api/internal"));

        PulseServer.Answer schema = server.as(null).get("/api/schema/events.json");
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.json().get("$schema").asText()).contains("2020-12");
        assertThat(schema.json().get("$defs").has("InvestmentReported")).isTrue();
    }

    @Test
    void shouldPageEveryListWithACursorThatGoesOnAfterTheLastRowSeen() {
        // The audit of logins, newest first: a few logins make a list of several pages of one
        for (int i = 0; i < 3; i++) {
            server.login("admin", PulseServer.ADMIN_PASSWORD);
        }
        PulseServer.Answer first = server.get("/api/audit/logins?limit=1");
        assertThat(first.json()).hasSize(1);
        JsonNode seen = first.json().get(0);
        int total = Integer.parseInt(first.raw().headers().firstValue("X-Total-Count").orElseThrow());
        String cursor = first.raw().headers().firstValue("X-Next-Cursor").orElseThrow();
        assertThat(first.raw().headers().firstValue("Link").orElseThrow()).contains("cursor=" + cursor, "rel=\"next\"");

        // a new entry before the cursor's row (a login, newest first) neither repeats a row nor hides one
        server.login("admin", PulseServer.ADMIN_PASSWORD);
        List<JsonNode> rest = new java.util.ArrayList<>();
        while (cursor != null) {
            PulseServer.Answer page = server.get("/api/audit/logins?limit=2&cursor=" + cursor);
            page.json().forEach(rest::add);
            cursor = page.raw().headers().firstValue("X-Next-Cursor").orElse(null);
        }
        assertThat(rest).doesNotContain(seen).hasSize(total - 1);

        // the projects and the warnings, whose rows are made for the page asked only, page to the whole list
        for (String list : List.of("/api/projects?", "/api/warnings?", "/api/projects?unit=县住建局&")) {
            List<String> whole = server.get(list).json().findValuesAsText("projectId");
            assertThat(whole).as(list).isNotEmpty();
            List<String> paged = new java.util.ArrayList<>();
            String next = "";
            while (next != null) {
                PulseServer.Answer page = server.get(list + "limit=1&cursor=" + next);
                assertThat(page.raw().headers().firstValue("X-Total-Count")).as(list).contains(String.valueOf(whole.size()));
                paged.addAll(page.json().findValuesAsText("projectId"));
                next = page.raw().headers().firstValue("X-Next-Cursor").orElse(null);
            }
            assertThat(paged).as(list).isEqualTo(whole);
        }

        // every list is paged; limits are checked
        assertThat(server.get("/api/projects?limit=1").json()).hasSize(1);
        assertThat(server.get("/api/projects?limit=0").status()).isEqualTo(400);
        assertThat(server.get("/api/projects?limit=1001").json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        assertThat(server.get("/api/warnings?cursor=not-a-cursor").status()).isEqualTo(400);
    }

    @Test
    void shouldAnswer404ForAnUnknownProject() {
        PulseServer.Answer write = server.put("/api/projects/NOPE/investments/2022-05", "{\"amount\":1.00}");
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.body()).contains("NOPE").contains("尚未登记");
        // and in English when asked
        PulseServer.Answer english = server.as(server.adminToken()).in("en").put("/api/projects/NOPE/investments/2022-05",
                "{\"amount\":1.00}");
        assertThat(english.json().get("message").asText()).isEqualTo(
                "Project NOPE is not registered; register it first with POST /api/projects");
        assertThat(server.get("/api/projects/NOPE").status()).isEqualTo(404);
    }

}
