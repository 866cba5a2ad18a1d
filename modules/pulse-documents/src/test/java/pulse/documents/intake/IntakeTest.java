package pulse.documents.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pulse.documents.intake.Intake.RowError;
import pulse.model.EventReader;
import pulse.model.Payload.AnnualPlanSet;
import pulse.model.Payload.InvestmentReported;
import pulse.model.Payload.MilestoneReached;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.ProjectView;
import pulse.model.WorkArea;

class IntakeTest {

    private static final EventReader READER =
            EventReader.forInput(Clock.fixed(Instant.parse("2022-12-20T02:00:00Z"), ZoneOffset.UTC));

    private static final List<ProjectView> PROJECTS = List.of(
            SampleProjects.project("XM-1", "县住建局", Map.of("2022-05", new BigDecimal("80.00"))),
            SampleProjects.project("XM-2", "县住建局", Map.of()),
            SampleProjects.project("XM-3", "县交通局", Map.of("2022-05", new BigDecimal("120.50"))));

    @Test
    void aPrefilledTemplateImportedAsItIsChangesNothing() {
        for (ImportKind kind : ImportKind.values()) {
            byte[] template = ImportTemplate.write(kind, PROJECTS, 2022, YearMonth.of(2022, 5));
            Intake.Result result = Intake.read(Sheets.read(template, "template.xlsx"), READER);

            assertThat(result.errors()).as(kind.name()).isEmpty();
            assertThat(result.skippedSheets()).containsExactly("填表说明");
            // Reports: only the two projects with a figure for May have anything filled in.
            assertThat(result.events()).as(kind.name()).hasSize(kind == ImportKind.REPORTS ? 2 : 3);
            result.events().forEach(row -> {
                ProjectView current = PROJECTS.stream()
                        .filter(p -> p.projectId().equals(row.event().projectId())).findFirst().orElseThrow();
                assertThat(Change.of(row.event(), current)).as(kind + " row " + row.row()).isEqualTo(Change.UNCHANGED);
            });
        }
    }

    @Test
    void aProjectRowBecomesTheRegistrationTheApiTakes() {
        byte[] file = workbook("项目清单", new String[][] {
                ImportKind.PROJECTS.headers().toArray(String[]::new),
                {"XM-9", "城南污水处理厂", "生态环保", "城关镇", "县住建局", "县级", "3,000", "2022", "1200",
                        "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100",
                        null, "2022/3/15", null, "2023年6月30日", null, null, "0"}});

        Intake.Result result = Intake.read(Sheets.read(file, "list.xlsx"), READER);

        assertThat(result.errors()).isEmpty();
        ProjectRegistered registered = (ProjectRegistered) result.events().get(0).event().payload();
        assertThat(registered.area()).isEqualTo(WorkArea.ECOLOGY);
        assertThat(registered.totalInvestment()).isEqualByComparingTo("3000");
        assertThat(registered.monthlyPlan()).hasSize(12);
        assertThat(registered.plannedMilestones()).hasSize(2);
        assertThat(result.events().get(0).event().unitId()).isEqualTo("县住建局");
        assertThat(Change.of(result.events().get(0).event(), null)).isEqualTo(Change.NEW);
    }

    @Test
    void tenPlantedMistakesAreTenErrorsNamingRowAndColumn() {
        String[] header = ImportKind.REPORTS.headers().toArray(String[]::new);
        byte[] file = workbook("月报", new String[][] {
                header,
                {"XM-1", null, "2022-05", "80", null, null, null, null},                  // 2: fine
                {"XM-1", null, "2022-13", "80", null, null, null, null},                  // 3: month 13
                {"XM-1", null, "2022-05", "八十", null, null, null, null},                 // 4: not a number
                {"XM-1", null, "2022-05", "-5", null, null, null, null},                  // 5: negative
                {"XM-1", null, "2022-05", "1.234", null, null, null, null},               // 6: three decimals
                {"XM-1", null, null, "80", null, null, null, null},                       // 7: no month
                {"XM-1", null, "2023-02", "80", null, null, null, null},                  // 8: in the future
                {null, null, "2022-05", "80", null, null, null, null},                    // 9: no project
                {"XM-1", null, null, null, null, "封顶", "2022-05-01", null},              // 10: no such milestone
                {"XM-1", null, null, null, null, "开工", "2022-02-30", null},              // 11: no such day
                {"XM-1", null, null, null, null, "开工", null, null},                      // 12: no date
                {"XM-2", null, "2022-06", "40", null, "开工", "2022-06-02", "已开工"}});   // 13: fine, two events

        Intake.Result result = Intake.read(Sheets.read(file, "reports.xlsx"), READER);

        assertThat(result.errors()).extracting(RowError::row).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(result.errors()).extracting(RowError::column).containsExactly(
                "月份", "本月完成投资（万元）", "本月完成投资（万元）", "本月完成投资（万元）", "月份", "月份", "项目编号",
                "节点", "节点日期", "节点日期");
        assertThat(result.errors()).allSatisfy(error -> assertThat(error.sheet()).isEqualTo("月报"));
        assertThat(result.errors().get(1).error().value()).isEqualTo("\"八十\"");
        assertThat(result.events()).extracting(row -> row.row()).containsExactly(2, 13, 13);
        assertThat(result.events().get(1).event().payload()).isInstanceOf(InvestmentReported.class);
        assertThat(result.events().get(2).event().payload()).isInstanceOf(MilestoneReached.class);
    }

    @Test
    void aCsvInUtf8WithBomAndTheSameInGbkReadAlike() {
        String csv = "项目编号,年度,年度计划（万元）,计划开工\r\nXM-1,2023,\"1,500\",2023/4/1\r\n\r\nXM-2,2023,900,\r\n";
        byte[] utf8 = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        byte[] gbk = csv.getBytes(Charset.forName("GBK"));

        Intake.Result fromUtf8 = Intake.read(Sheets.read(utf8, "plans.csv"), READER);
        Intake.Result fromGbk = Intake.read(Sheets.read(gbk, "plans.csv"), READER);

        assertThat(fromUtf8.errors()).isEmpty();
        assertThat(fromGbk.errors()).isEmpty();
        assertThat(fromUtf8.events()).extracting(e -> e.event().payload()).isEqualTo(
                fromGbk.events().stream().map(e -> e.event().payload()).toList());
        assertThat(fromUtf8.events()).extracting(e -> e.row()).containsExactly(2, 4);
        AnnualPlanSet plan = (AnnualPlanSet) fromUtf8.events().get(0).event().payload();
        assertThat(plan.annualPlan()).isEqualByComparingTo("1500");
        assertThat(fromUtf8.events().get(0).sheet()).isEqualTo("plans");
    }

    @ParameterizedTest
    @CsvSource({"2022-06,2022-06", "2022/6,2022-06", "2022年6月,2022-06", "2022.06,2022-06", "202206,2022-06",
            "2022-06-01,2022-06", "六月,六月"})
    void monthsAsPeopleTypeThem(String typed, String read) {
        assertThat(Intake.month(typed)).isEqualTo(read);
    }

    @ParameterizedTest
    @CsvSource({"2022-03-15,2022-03-15", "2022/3/15,2022-03-15", "2022年3月15日,2022-03-15", "2022.3.5,2022-03-05",
            "2022-02-30,2022-02-30", "下周,下周"})
    void datesAsPeopleTypeThem(String typed, String read) {
        assertThat(Intake.date(typed)).isEqualTo(read);
    }

    @Test
    void aSheetWithoutItsRequiredColumnsIsOneErrorOnRowOne() {
        byte[] file = workbook("计划", new String[][] {{"项目编号", "年度计划（万元）"}, {"XM-1", "100"}});

        Intake.Result result = Intake.read(Sheets.read(file, "x.xlsx"), READER);

        assertThat(result.events()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(1);
            assertThat(error.column()).isEqualTo("年度");
        });
    }

    @Test
    void moreRowsThanTheLimitStopTheReading() {
        StringBuilder csv = new StringBuilder("项目编号,月份,本月完成投资\n");
        for (int i = 0; i <= Sheets.MAX_ROWS; i++) {
            csv.append("XM-1,2022-05,1\n");
        }
        assertThatThrownBy(() -> Sheets.read(csv.toString().getBytes(StandardCharsets.UTF_8), "big.csv"))
                .isInstanceOf(Sheets.TooManyRowsException.class);
    }

    @Test
    void aFileThatIsNeitherIsRefusedAsUnreadable() {
        assertThatThrownBy(() -> Sheets.read(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, "x.xlsx"))
                .isInstanceOf(Sheets.UnreadableException.class);
    }

    @Test
    void numbersReadAsPlainDecimals() {
        assertThat(Sheets.plain(12500000d)).isEqualTo("12500000");
        assertThat(Sheets.plain(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Sheets.plain(1234.56)).isEqualTo("1234.56");
    }

    static byte[] workbook(String name, String[][] rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(name);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
