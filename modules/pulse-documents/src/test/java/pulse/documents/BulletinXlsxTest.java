package pulse.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import pulse.model.PeriodSnapshot;
import pulse.model.UnitRank;

class BulletinXlsxTest {

    @Test
    void shouldWriteEveryPartAsASheetWithNumbersAsNumbersEqualToTheSnapshot() throws Exception {
        PeriodSnapshot june = SampleSnapshot.june();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(BulletinXlsx.write(june)))) {
            for (int i = 0; i < BulletinXlsx.SHEETS.length; i++) {
                assertThat(workbook.getSheetName(i)).isEqualTo(BulletinXlsx.SHEETS[i]);
            }
            Sheet ranking = workbook.getSheet("单位排名");
            assertThat(ranking.getLastRowNum()).isEqualTo(june.ranking().size());
            for (UnitRank unit : june.ranking()) {
                Row row = ranking.getRow(unit.rank());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(unit.unitId());
                assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(cents(row.getCell(3).getNumericCellValue())).isEqualTo(unit.totals().annualPlan());
                assertThat(cents(row.getCell(4).getNumericCellValue())).isEqualTo(unit.totals().completedThisYear());
                assertThat(row.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                assertThat(row.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(unit.grade().zh);
            }
            Sheet overall = workbook.getSheet("总体情况");
            assertThat(cents(overall.getRow(5).getCell(1).getNumericCellValue())).isEqualTo(june.county().completedThisYear());
            Sheet projects = workbook.getSheet("项目明细");
            assertThat(cents(projects.getRow(1).getCell(9).getNumericCellValue()))
                    .isEqualTo(june.projects().get(0).completedThisYear());
            assertThat(workbook.getSheet("红黄灯项目").getRow(1).getCell(0).getStringCellValue()).isEqualTo("红灯");
            assertThat(workbook.getSheet("未按时报送").getRow(1).getCell(2).getStringCellValue()).isEqualTo("张西河灌区续建配套");
            assertThat(workbook.getSheet("约谈名单").getRow(1).getCell(0).getStringCellValue()).isEqualTo("玉泉镇人民政府");
        }
    }

    private static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
