package pulse.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pulse.model.PeriodSnapshot;
import pulse.model.ProjectView;
import pulse.model.Totals;
import pulse.model.UnitRank;
import pulse.model.Warning;

class ListXlsxTest {

    private static Sheet read(byte[] xlsx) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheetAt(0);
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    @Test
    void shouldWriteEachRecordAsARowWithChineseHeadersAndNumbersAsNumbers() throws Exception {
        List<Warning> warnings = SampleSnapshot.june().warnings();

        Sheet sheet = read(ListXlsx.write("红黄灯项目", warnings));

        assertThat(sheet.getSheetName()).isEqualTo("红黄灯项目");
        assertThat(headers(sheet)).containsExactly("项目编号", "项目名称", "责任单位", "乡镇", "领域", "灯", "偏差（百分点）", "原因");
        Row first = sheet.getRow(1);
        assertThat(first.getCell(4).getStringCellValue()).isEqualTo("生态环保");   // the work area's own Chinese name
        assertThat(first.getCell(5).getStringCellValue()).isEqualTo("红灯");
        assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(first.getCell(6).getNumericCellValue()).isEqualTo(-40.00);
        assertThat(first.getCell(7).getStringCellValue()).isEqualTo(String.join("；", warnings.get(0).reasons()));
        assertThat(sheet.getLastRowNum()).isEqualTo(warnings.size());
    }

    @Test
    void shouldFlattenANestedRecordIntoColumnsOfItsOwnWithRatesAsPercentages() throws Exception {
        List<UnitRank> ranking = SampleSnapshot.june().ranking();

        Sheet sheet = read(ListXlsx.write("单位排名", ranking));

        List<String> headers = headers(sheet);
        assertThat(headers).startsWith("排名", "责任单位", "等次", "完成序时进度", "合计·名称", "合计·项目");
        assertThat(headers).contains("合计·年度计划（万元）", "合计·完成率", "合计·绿灯（个）");
        int plan = headers.indexOf("合计·年度计划（万元）");
        int rate = headers.indexOf("合计·完成率");
        assertThat(BigDecimal.valueOf(sheet.getRow(3).getCell(plan).getNumericCellValue()))
                .isEqualByComparingTo(ranking.get(2).totals().annualPlan());
        assertThat(sheet.getRow(3).getCell(plan).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(sheet.getRow(1).getCell(rate).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
        assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("基本落实");
    }

    @Test
    void shouldGiveAMapOfAmountsOneColumnPerKey() throws Exception {
        record Line(String projectId, java.util.Map<String, BigDecimal> months) {}
        List<Line> lines = List.of(new Line("P1", java.util.Map.of("2022-02", new BigDecimal("10.50"), "2022-01", BigDecimal.ONE)),
                new Line("P2", java.util.Map.of("2022-03", new BigDecimal("7.25"))));

        Sheet sheet = read(ListXlsx.write("项目", lines));

        assertThat(headers(sheet)).containsExactly("项目编号", "2022-01", "2022-02", "2022-03");
        assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(10.50);
        assertThat(sheet.getRow(2).getCell(1)).isNull();
        assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(7.25);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {ProjectView.class, Totals.class, Totals.Lights.class, UnitRank.class, Warning.class,
            PeriodSnapshot.MissingReports.class, ProjectView.OpenIssue.class})
    void shouldHaveAChineseNameForEveryFieldOfAnExportedList(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            boolean named = ColumnNames.known(component.getName()) || ListXlsx.ENGLISH_ONLY.contains(component.getName());
            assertThat(named).as(type.getSimpleName() + "." + component.getName()).isTrue();
        }
    }
}
