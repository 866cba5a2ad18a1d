package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly close on a real broker: a close while reports stream in freezes exactly the events
 * committed before it, recounted independently from {@code pulse.events}; the snapshot stays byte
 * for byte the same through corrections and a restart; revisions sit beside it.
 */
class MonthlyCloseTest {

    private static final String[] UNITS = {"县住建局", "县水务局", "县交通局"};
    private static final int PROJECTS = 12;

    /** An acknowledged write: where it landed, and whether it was answered before the close was asked for. */
    record Acked(int partition, long offset, boolean beforeClose) {}

    @Test
    void shouldFreezeExactlyTheEventsCommittedBeforeTheCloseWhileReportsStreamIn(@TempDir Path dataDir) throws Exception {
        Map<String, Object> july = Map.of("pulse.today", "2022-07-12");
        byte[] closedBytes;
        try (PulseServer server = new PulseServer(dataDir, july).start()) {
            // Given a county of twelve projects, and a writer reporting all along
            for (int p = 0; p < PROJECTS; p++) {
                assertThat(server.post("/api/projects", registration(p)).status()).isEqualTo(201);
            }
            List<Acked> acked = new CopyOnWriteArrayList<>();
            AtomicBoolean closeAsked = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> write(server, acked, closeAsked, stop), "test-writer");
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() >= 40);

            // When the office closes June in the middle of it
            closeAsked.set(true);
            PulseServer.Answer close = server.post("/api/periods/2022-06/close", "");
            await().atMost(Duration.ofSeconds(30)).until(() -> acked.stream().filter(a -> !a.beforeClose()).count() >= 20);
            stop.set(true);
            writer.join();

            // Then the snapshot holds every write acknowledged before the close and none answered after it
            assertThat(close.status()).as(close.body()).isEqualTo(201);
            JsonNode snapshot = close.json();
            Map<Integer, Long> position = position(snapshot);
            for (Acked write : acked) {
                if (write.beforeClose()) {
                    assertThat(write.offset()).isLessThan(position.get(write.partition()));
                }
            }
            // and its figures equal an independent recount of pulse.events up to the recorded position, to the cent
            EventLogRecount log = EventLogRecount.read(server);
            Map<String, BigDecimal> expected = log.completed(2022, "2022-06", position);
            assertThat(snapshot.get("county").get("completedThisYear").decimalValue())
                    .isEqualByComparingTo(expected.get("全县"));
            for (JsonNode unit : snapshot.get("groups").get("unit")) {
                assertThat(unit.get("completedThisYear").decimalValue()).as(unit.get("key").asText())
                        .isEqualByComparingTo(expected.getOrDefault(unit.get("key").asText(), BigDecimal.ZERO));
            }
            assertThat(snapshot.get("county").get("projects").asInt()).isEqualTo(PROJECTS);
            System.out.printf("Close while writing: %d writes acknowledged before the close was asked, %d after;"
                    + " position %s; snapshot %s 万元 = recount %s 万元%n", acked.stream().filter(Acked::beforeClose).count(),
                    acked.stream().filter(a -> !a.beforeClose()).count(), position,
                    snapshot.get("county").get("completedThisYear"), expected.get("全县"));
            assertThat(snapshot.get("ranking")).hasSize(UNITS.length);
            // and the live figures go on: they differ from the snapshot by exactly the later events
            Map<Integer, Long> end = new HashMap<>();
            log.events().forEach(e -> end.merge(e.partition(), e.offset() + 1, Math::max));
            BigDecimal everything = log.completed(2022, "2022-06", end).get("全县");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.get("/api/totals?year=2022")
                    .json().get("completedThisYear").decimalValue()).isEqualByComparingTo(everything));
            List<JsonNode> changes = new ArrayList<>();
            server.get("/api/periods/2022-06/changes").json().forEach(changes::add);
            long later = log.events().stream().filter(e -> e.offset() >= position.get(e.partition())).count();
            assertThat(changes).hasSize((int) later);
            assertThat(changes).allSatisfy(change -> assertThat(change.get("offset").asLong())
                    .isGreaterThanOrEqualTo(position.get(change.get("partition").asInt())));

            // and the snapshot reads byte for byte as it was written, through a later correction
            closedBytes = close.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(server.put("/api/projects/CL-0/investments/2022-03", "{\"amount\":9999.00,\"reason\":\"补报\",\"confirm\":true}")
                    .status()).isEqualTo(200);
            assertThat(server.get("/api/periods/2022-06").body()).isEqualTo(close.body());

            // Closing again is a conflict; a revision needs its reason, and both versions stay readable
            assertThat(server.post("/api/periods/2022-06/close", "").status()).isEqualTo(409);
            PulseServer.Answer noReason = server.post("/api/periods/2022-06/close?revise=true", "{}");
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.body()).contains("reason");
            PulseServer.Answer revised = server.post("/api/periods/2022-06/close?revise=true", "{\"reason\":\"CL-0补报3月\"}");
            assertThat(revised.status()).as(revised.body()).isEqualTo(201);
            assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
            assertThat(revised.json().get("county").get("completedThisYear").decimalValue())
                    .isGreaterThan(snapshot.get("county").get("completedThisYear").decimalValue());
            assertThat(server.get("/api/periods/2022-06?revision=1").body()).isEqualTo(close.body());
            assertThat(server.get("/api/periods").json()).extracting(p -> p.get("revision").asInt()).containsExactly(1, 2);
            // and a month not yet over, or a unit, cannot close
            assertThat(server.post("/api/periods/2022-07/close", "").status()).isEqualTo(400);
            String unit = server.account("zhujian", "unit", "县住建局");
            assertThat(server.as(unit).post("/api/periods/2022-05/close", "").status()).isEqualTo(403);

            // The bulletin is made from the snapshot: its workbook's county figure is the snapshot's
            PulseServer.Answer xlsx = server.get("/api/periods/2022-06/bulletin.xlsx?revision=1");
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(xlsx.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            PulseServer.Answer docx = server.get("/api/periods/2022-06/bulletin.docx");
            assertThat(docx.status()).isEqualTo(200);
            assertThat(server.get("/api/periods/2022-04/bulletin.docx").status()).isEqualTo(404);
        }

        // And after a restart the snapshot is byte-identical
        try (PulseServer server = new PulseServer(dataDir, july).start()) {
            assertThat(server.get("/api/periods/2022-06?revision=1").body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(closedBytes);
        }
    }

    /** The rest of the office's cycle on one small county: the bulletin workbook, late reports, blockers, a new year. */
    @Test
    void shouldHandOutTheBulletinListWhatIsLateAndCarryTheCountyIntoANewYear(@TempDir Path dataDir) throws Exception {
        try (PulseServer server = new PulseServer(dataDir, Map.of("pulse.today", "2022-07-12")).start()) {
            for (int p = 0; p < 3; p++) {
                server.post("/api/projects", registration(p));
                server.put("/api/projects/CL-" + p + "/investments/2022-06", "{\"amount\":" + (100 + p) + ".25}");
            }
            // the June report of CL-2 is missing on purpose: late, listed live and in the bulletin
            server.put("/api/projects/CL-2/investments/2022-06", "{\"amount\":0,\"reason\":\"撤回\"}");
            JsonNode snapshot = server.post("/api/periods/2022-06/close", "").json();

            byte[] workbook = server.download("/api/periods/2022-06/bulletin.xlsx", null);
            try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
                double completed = xlsx.getSheet("总体情况").getRow(5).getCell(1).getNumericCellValue();
                assertThat(BigDecimal.valueOf(completed)).isEqualByComparingTo(
                        snapshot.get("county").get("completedThisYear").decimalValue());
                assertThat(xlsx.getSheet("单位排名").getLastRowNum()).isEqualTo(snapshot.get("ranking").size());
            }
            JsonNode missing = server.get("/api/periods/2022-07/missing").json();
            assertThat(missing).hasSize(UNITS.length);   // nobody has reported July yet

            // Blockers: listed county-wide, oldest first, with their age; one past its due date lights its project
            assertThat(server.post("/api/events", """
                    [{"type":"IssueRaised","projectId":"CL-1","issueId":"FUND-2","kind":"FUNDING","text":"专项债未到位",
                      "occurredOn":"2022-07-01","dueDate":"2022-08-31"},
                     {"type":"IssueRaised","projectId":"CL-0","issueId":"LAND-1","kind":"LAND","text":"临时用地未批复",
                      "ownerUnit":"县自然资源局","occurredOn":"2022-06-02","dueDate":"2022-07-01"}]""").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.get("/api/issues?open=true").json())
                    .extracting(i -> i.get("issueId").asText()).containsExactly("LAND-1", "FUND-2"));
            JsonNode issues = server.get("/api/issues?open=true").json();
            assertThat(issues.get(0).get("ageDays").asInt()).isEqualTo(40);
            assertThat(issues.get(0).get("overdueDays").asInt()).isEqualTo(11);
            assertThat(issues.get(1).get("ownerUnit").asText()).isEqualTo(UNITS[1]);   // the project's own unit
            assertThat(server.get("/api/issues?open=true&unit=县自然资源局").json()).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.get("/api/projects/CL-0").json()
                    .get("reasons").toString()).contains("问题「临时用地未批复」（LAND-1）已超过办结时限11天"));

            // A new year: the unfinished projects get a plan of what remains, once
            JsonNode proposed = server.post("/api/years/2023/carry-forward?dryRun=true", "").json();
            assertThat(proposed.get("proposals")).hasSize(3);
            assertThat(proposed.get("written")).isEmpty();
            JsonNode carried = server.post("/api/years/2023/carry-forward", "").json();
            assertThat(carried.get("written")).hasSize(3);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode next = server.get("/api/projects/CL-0?year=2023").json();
                assertThat(next.get("planned").asBoolean()).isTrue();
                assertThat(next.get("annualPlan").decimalValue()).isEqualByComparingTo("23899.75");   // 24,000 − 100.25
            });
            assertThat(server.post("/api/years/2023/carry-forward", "").json().get("proposals")).isEmpty();
        }
    }

    private static String registration(int p) {
        return """
                {"projectId":"CL-%d","name":"项目%d","area":"URBAN","township":"玉泉镇","unitId":"%s","level":"COUNTY",
                 "totalInvestment":24000.00,"year":2022,"annualPlan":12000.00}""".formatted(p, p, UNITS[p % UNITS.length]);
    }

    /** Reports months of 2022 up to June for random projects, each with a reason, until told to stop. */
    private static void write(PulseServer server, List<Acked> acked, AtomicBoolean closeAsked, AtomicBoolean stop) {
        Random random = new Random(2022);
        while (!stop.get()) {
            boolean before = !closeAsked.get();
            String path = "/api/projects/CL-" + random.nextInt(PROJECTS) + "/investments/2022-0" + (1 + random.nextInt(6));
            PulseServer.Answer answer = server.put(path, "{\"amount\":" + random.nextInt(100_000) / 100.0
                    + ",\"reason\":\"更正\"}");
            if (answer.status() == 200) {
                JsonNode landed = answer.json();
                acked.add(new Acked(landed.get("partition").asInt(), landed.get("offset").asLong(), before));
            }
        }
    }

    private static Map<Integer, Long> position(JsonNode snapshot) {
        Map<Integer, Long> position = new HashMap<>();
        snapshot.get("position").fields().forEachRemaining(e -> position.put(Integer.parseInt(e.getKey()), e.getValue().asLong()));
        return position;
    }
}
