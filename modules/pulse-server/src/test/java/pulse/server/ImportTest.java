package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pulse.documents.intake.ImportKind;

/**
 * Spreadsheets in, on a real broker: the office's project list and the units' monthly reports,
 * made from the templates, import all or nothing, row by row checked; importing again writes
 * nothing; every error names its row and column. Each test uses projects of its own, on the
 * module's shared server ({@link SharedServer}).
 */
@ExtendWith(SharedServer.class)
class ImportTest {

    private static final String[] UNITS = {"县住建局", "县水务局", "县交通局"};

    static PulseServer server;

    @BeforeAll
    static void start(PulseServer shared) {
        server = shared;
    }

    @Test
    void shouldImportThreeHundredProjectsAndSixMonthsOfTheirReportsAndWriteNothingTheSecondTime() {
        // Given the office's list of 300 projects, filled into the projects template
        byte[] list = projectList("IM", 300);

        // When it is imported
        long start = System.nanoTime();
        PulseServer.Answer first = server.upload("/api/import", "重点项目清单.xlsx", list);
        long projectsMillis = (System.nanoTime() - start) / 1_000_000;

        // Then every project is registered, and the totals count them
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("eventsWritten").asInt()).isEqualTo(300);
        assertThat(first.json().get("counts").get("added").asInt()).isEqualTo(300);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.get("/api/projects?year=2022&unit="
                + enc(UNITS[0])).json()).filteredOn(p -> p.get("projectId").asText().startsWith("IM-")).hasSize(100));

        // When six months of reports of every project (1,800 rows) are imported from the reports sheet
        byte[] reports = reports("IM", 300, 6);
        start = System.nanoTime();
        PulseServer.Answer months = server.upload("/api/import", "1-6月报送.xlsx", reports);
        long reportsMillis = (System.nanoTime() - start) / 1_000_000;

        // Then the projects' figures are their sum, to the cent
        assertThat(months.status()).as(months.body()).isEqualTo(200);
        assertThat(months.json().get("eventsWritten").asInt()).isEqualTo(1800);
        BigDecimal expected = expectedTotal(300, 6);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(completed("IM-")).isEqualByComparingTo(expected));

        // And importing both files again changes nothing and writes nothing
        int eventsBefore = EventLogRecount.read(server).events().size();
        for (byte[] again : List.of(list, reports)) {
            PulseServer.Answer repeat = server.upload("/api/import", "again.xlsx", again);
            assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
            assertThat(repeat.json().get("eventsWritten").asInt()).isZero();
            assertThat(repeat.json().get("counts").get("added").asInt()).isZero();
            assertThat(repeat.json().get("counts").get("changed").asInt()).isZero();
            assertThat(repeat.json().get("lines")).allSatisfy(line -> assertThat(line.get("change").asText())
                    .isEqualTo("UNCHANGED"));
        }
        assertThat(EventLogRecount.read(server).events()).hasSize(eventsBefore);
        System.out.printf("Import: 300 projects in %d ms (%d bytes), 1,800 report rows in %d ms (%d bytes)%n",
                projectsMillis, list.length, reportsMillis, reports.length);
    }

    @Test
    void shouldAnswerTenRowNumberedErrorsForTenPlantedMistakesAndWriteNothing() {
        assertThat(server.upload("/api/import", "list.xlsx", projectList("BAD", 3)).status()).isEqualTo(200);
        String[][] rows = {
                {"BAD-0", null, "2022-05", "80", null, null, null, null},       // 2: fine
                {"BAD-0", null, "2022-13", "80", null, null, null, null},       // 3: no such month
                {"BAD-1", null, "2022-05", "八十", null, null, null, null},      // 4: not a number
                {"BAD-1", null, "2022-05", "-1", null, null, null, null},       // 5: negative
                {"BAD-2", null, "2022-05", "1.005", null, null, null, null},    // 6: three decimals
                {"BAD-2", null, "2022-09", "80", null, null, null, null},       // 7: in the future
                {"NOPE-1", null, "2022-05", "80", null, null, null, null},      // 8: no such project
                {"BAD-0", null, "2021-12", "80", null, null, null, null},       // 9: before its first plan year
                {"BAD-0", null, null, null, null, "封顶", "2022-05-01", null},   // 10: no such milestone
                {"BAD-1", null, null, null, null, "开工", "2022-06-31", null},   // 11: no such day
                {"BAD-2", null, null, null, null, "竣工", null, null}};          // 12: no date
        int before = EventLogRecount.read(server).events().size();

        PulseServer.Answer answer = server.upload("/api/import", "月报.xlsx",
                workbook("月报", ImportKind.REPORTS.headers(), rows));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode errors = answer.json().get("errors");
        assertThat(errors).extracting(e -> e.get("row").asInt()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(errors).extracting(e -> e.get("column").asText()).containsExactly("月份", "本月完成投资（万元）",
                "本月完成投资（万元）", "本月完成投资（万元）", "月份", "项目编号", "月份", "节点", "节点日期", "节点日期");
        assertThat(errors.get(0).get("message").asText()).startsWith("「月报」第3行「月份」：period：填写的是 \"2022-13\"，应为月份");
        assertThat(errors).allSatisfy(e -> assertThat(e.get("message").asText()).containsPattern("第\\d+行"));
        assertThat(answer.json().get("written").asBoolean()).isFalse();
        // and in English when asked
        PulseServer.Answer english = server.as(server.adminToken()).in("en").upload("/api/import", "月报.xlsx",
                workbook("月报", ImportKind.REPORTS.headers(), rows));
        assertThat(english.json().get("errors").get(0).get("message").asText())
                .startsWith("Sheet \"月报\", row 3, column \"月份\": period was \"2022-13\"; expected a month");
        assertThat(EventLogRecount.read(server).events()).hasSize(before);
    }

    @Test
    void shouldPreviewRowByRowWithoutWritingAndAskAReasonForACorrection() {
        assertThat(server.upload("/api/import", "list.xlsx", projectList("DRY", 2)).status()).isEqualTo(200);
        assertThat(server.put("/api/projects/DRY-0/investments/2022-05", "{\"amount\":90}").status()).isEqualTo(200);
        int before = EventLogRecount.read(server).events().size();
        String[][] rows = {
                {"DRY-0", null, "2022-05", "90", null, null, null, null},             // the same again
                {"DRY-1", null, "2022-05", "70", null, "开工", "2022-05-03", null},    // new figure and milestone
                {"DRY-0", null, "2022-04", "60", null, null, null, null}};            // new
        byte[] file = workbook("月报", ImportKind.REPORTS.headers(), rows);

        PulseServer.Answer preview = server.upload("/api/import?dryRun=true", "月报.xlsx", file);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("lines")).extracting(l -> l.get("row").asInt() + ":" + l.get("type").asText() + ":"
                + l.get("change").asText()).containsExactly("2:InvestmentReported:UNCHANGED", "3:InvestmentReported:NEW",
                "3:MilestoneReached:NEW", "4:InvestmentReported:NEW");
        assertThat(preview.json().get("written").asBoolean()).isFalse();
        assertThat(EventLogRecount.read(server).events()).hasSize(before);

        // A changed figure without 更正原因 is an error of that column; with it, a change
        rows[0][3] = "95";
        PulseServer.Answer noReason = server.upload("/api/import?dryRun=true", "月报.xlsx",
                workbook("月报", ImportKind.REPORTS.headers(), rows));
        assertThat(noReason.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(2);
            assertThat(e.get("column").asText()).isEqualTo("更正原因");
        });
        rows[0][4] = "核对发票后更正";
        PulseServer.Answer written = server.upload("/api/import", "月报.xlsx", workbook("月报", ImportKind.REPORTS.headers(), rows));
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.json().get("counts").get("changed").asInt()).isEqualTo(1);
        assertThat(written.json().get("eventsWritten").asInt()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.get("/api/projects/DRY-0").json()
                .get("months").get("2022-05").decimalValue()).isEqualByComparingTo("95"));
    }

    @Test
    void shouldGiveAUnitATemplateOfItsOwnProjectsAndRefuseRowsOfOthers() throws IOException {
        assertThat(server.upload("/api/import", "list.xlsx", projectList("OWN", 6)).status()).isEqualTo(200);
        String unit = server.account("own-jiaotong", "unit", UNITS[2]);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(server.get("/api/projects/OWN-5").status()).isEqualTo(200));

        byte[] template = server.as(unit).download("/api/import/template.xlsx?kind=reports&period=2022-06", null);

        List<String> ids = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet(ImportKind.REPORTS.sheetName);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("项目编号");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
                assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo("2022-06");
            }
        }
        assertThat(ids).isNotEmpty().allSatisfy(id -> assertThat(server.get("/api/projects/" + id).json()
                .get("unitId").asText()).isEqualTo(UNITS[2]));
        assertThat(ids).contains("OWN-2", "OWN-5").doesNotContain("OWN-0", "OWN-1");

        // A row for another unit's project is an error of that row, and nothing is written
        int before = EventLogRecount.read(server).events().size();
        PulseServer.Answer mixed = server.as(unit).upload("/api/import", "月报.xlsx", workbook("月报",
                ImportKind.REPORTS.headers(), new String[][] {
                        {"OWN-2", null, "2022-06", "50", null, null, null, null},
                        {"OWN-0", null, "2022-06", "50", null, null, null, null}}));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row").asInt()).isEqualTo(3);
            assertThat(e.get("message").asText()).contains(UNITS[2]);
        });
        assertThat(EventLogRecount.read(server).events()).hasSize(before);
    }

    @Test
    void shouldRefuseFilesBeyondTheLimitsWith413AndUnreadableOnesWith400() {
        StringBuilder csv = new StringBuilder("项目编号,月份,本月完成投资（万元）\n");
        for (int i = 0; i < 20_001; i++) {
            csv.append("BIG-").append(i).append(",2022-05,1\n");
        }
        PulseServer.Answer rows = server.upload("/api/import", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(rows.status()).isEqualTo(413);
        assertThat(rows.json().get("message").asText()).contains("20000");

        PulseServer.Answer bytes = server.upload("/api/import", "huge.csv", new byte[11 * 1024 * 1024]);
        assertThat(bytes.status()).isEqualTo(413);
        assertThat(bytes.json().get("message").asText()).contains("10 MB");

        PulseServer.Answer garbage = server.upload("/api/import", "x.xlsx", "PK not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.json().get("errors").get(0).get("field").asText()).isEqualTo("file");
    }

    /** What the projects whose id starts with {@code prefix} completed this year, together. */
    private static BigDecimal completed(String prefix) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode project : server.get("/api/projects?year=2022&limit=1000").json()) {
            if (project.get("projectId").asText().startsWith(prefix)) {
                sum = sum.add(project.get("completedThisYear").decimalValue());
            }
        }
        return sum;
    }

    // ---- files as the office would fill them in

    /** {@code count} projects {@code <prefix>-<n>}, units in turn, 1,200 万元 a year (100 a month), total 5,000. */
    static byte[] projectList(String prefix, int count) {
        List<String> headers = ImportKind.PROJECTS.headers();
        String[][] rows = new String[count][headers.size()];
        for (int p = 0; p < count; p++) {
            List<String> row = new ArrayList<>(List.of(prefix + "-" + p, "项目" + prefix + p, "城镇化建设", "城关镇",
                    UNITS[p % UNITS.length], "县级", "5000", "2022", "1200"));
            for (int m = 0; m < 12; m++) {
                row.add("100");
            }
            row.addAll(java.util.Arrays.asList(null, "2022-03-15", null, "2023-06-30", null, null, "300"));
            rows[p] = row.toArray(String[]::new);
        }
        return workbook("项目清单", headers, rows);
    }

    /** {@code months} months from January of every project: 50 + p % 40 + month 万元. */
    static byte[] reports(String prefix, int count, int months) {
        String[][] rows = new String[count * months][];
        for (int p = 0; p < count; p++) {
            for (int m = 1; m <= months; m++) {
                rows[p * months + m - 1] = new String[] {prefix + "-" + p, "项目" + prefix + p,
                        String.format("2022-%02d", m), String.valueOf(amount(p, m)), null, null, null, null};
            }
        }
        return workbook("月度报送", ImportKind.REPORTS.headers(), rows);
    }

    private static BigDecimal amount(int project, int month) {
        return BigDecimal.valueOf(50 + project % 40 + month).add(new BigDecimal("0.25"));
    }

    private static BigDecimal expectedTotal(int count, int months) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int p = 0; p < count; p++) {
            for (int m = 1; m <= months; m++) {
                sum = sum.add(amount(p, m));
            }
        }
        return sum;
    }

    /** A workbook of one sheet: the header row, then the rows (null: a blank cell; numbers typed as numbers). */
    static byte[] workbook(String name, List<String> headers, String[][] rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(name);
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    String value = rows[r][c];
                    if (value == null) {
                        continue;
                    }
                    if (value.matches("-?\\d+(\\.\\d+)?") && !headers.get(c).equals("项目编号")) {
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
