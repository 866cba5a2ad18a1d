package pulse.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import pulse.model.PeriodSnapshot;
import pulse.model.PeriodSnapshot.Interview;
import pulse.model.PeriodSnapshot.MissingReports;
import pulse.model.PeriodSnapshot.ProjectLine;
import pulse.model.PeriodSnapshot.ProjectRef;
import pulse.model.Totals;
import pulse.model.UnitRank;
import pulse.model.Warning;

/**
 * The bulletin as a workbook, one sheet per part (总体情况, 单位排名, 项目明细, 红黄灯项目, 未按时报送,
 * 约谈名单), written row by row with POI's streaming writer so a province's project sheet fits.
 * Numbers stay numbers: money in 万元 shown with two decimals, rates as percentages.
 */
public final class BulletinXlsx {

    public static final String[] SHEETS = {"总体情况", "单位排名", "项目明细", "红黄灯项目", "未按时报送", "约谈名单"};

    private BulletinXlsx() {}

    public static byte[] write(PeriodSnapshot snapshot) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            overall(workbook, styles, snapshot);
            ranking(workbook, styles, snapshot);
            projects(workbook, styles, snapshot);
            warnings(workbook, styles, snapshot);
            missing(workbook, styles, snapshot);
            interviews(workbook, styles, snapshot);
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void overall(SXSSFWorkbook workbook, Styles styles, PeriodSnapshot snapshot) {
        Sheet sheet = sheet(workbook, styles, SHEETS[0], "项目", "数值");
        Totals county = snapshot.county();
        text(sheet.createRow(1), 0, snapshot.title(), null);
        labelled(sheet, 2, "重点项目（个）", county.projects(), null);
        labelled(sheet, 3, "总投资（万元）", county.totalInvestment(), styles.money);
        labelled(sheet, 4, "年度计划投资（万元）", county.annualPlan(), styles.money);
        labelled(sheet, 5, "已完成投资（万元）", county.completedThisYear(), styles.money);
        labelled(sheet, 6, "完成率", county.completionRate(), styles.percent);
        labelled(sheet, 7, "序时进度", county.targetRate(), styles.percent);
        labelled(sheet, 8, "已开工（个）", county.started(), null);
        labelled(sheet, 9, "已竣工（个）", county.completed(), null);
        text(sheet.createRow(11), 0, BulletinText.source(snapshot), null);
    }

    private static void ranking(SXSSFWorkbook workbook, Styles styles, PeriodSnapshot snapshot) {
        Sheet sheet = sheet(workbook, styles, SHEETS[1], "排名", "责任单位", "项目数", "年度计划（万元）", "已完成（万元）",
                "完成率", "序时进度", "完成序时进度", "等次");
        int r = 1;
        for (UnitRank unit : snapshot.ranking()) {
            Row row = sheet.createRow(r++);
            number(row, 0, unit.rank(), null);
            text(row, 1, unit.unitId(), null);
            number(row, 2, unit.totals().projects(), null);
            number(row, 3, unit.totals().annualPlan(), styles.money);
            number(row, 4, unit.totals().completedThisYear(), styles.money);
            number(row, 5, unit.totals().completionRate(), styles.percent);
            number(row, 6, unit.totals().targetRate(), styles.percent);
            number(row, 7, unit.achievement(), styles.percent);
            text(row, 8, unit.grade().zh, null);
        }
    }

    private static void projects(SXSSFWorkbook workbook, Styles styles, PeriodSnapshot snapshot) {
        Sheet sheet = sheet(workbook, styles, SHEETS[2], "项目编号", "项目名称", "责任单位", "乡镇", "领域", "级别", "状态",
                "总投资（万元）", "年度计划（万元）", "本年完成（万元）", "累计完成（万元）", "完成率", "序时进度", "偏差（百分点）",
                "灯", "原因");
        int r = 1;
        for (ProjectLine project : snapshot.projects()) {
            Row row = sheet.createRow(r++);
            text(row, 0, project.projectId(), null);
            text(row, 1, project.name(), null);
            text(row, 2, project.unitId(), null);
            text(row, 3, project.township(), null);
            text(row, 4, project.area().zh, null);
            text(row, 5, project.level().zh, null);
            text(row, 6, project.status().zh, null);
            number(row, 7, project.totalInvestment(), styles.money);
            number(row, 8, project.annualPlan(), styles.money);
            number(row, 9, project.completedThisYear(), styles.money);
            number(row, 10, project.completedSinceStart(), styles.money);
            number(row, 11, project.completionRate(), styles.percent);
            number(row, 12, project.targetRate(), styles.percent);
            number(row, 13, project.deviationPoints(), styles.money);
            text(row, 14, light(project.light()), null);
            text(row, 15, BulletinText.reasons(project.reasons()), null);
        }
    }

    private static void warnings(SXSSFWorkbook workbook, Styles styles, PeriodSnapshot snapshot) {
        Sheet sheet = sheet(workbook, styles, SHEETS[3], "灯", "项目编号", "项目名称", "责任单位", "乡镇", "偏差（百分点）", "原因");
        int r = 1;
        for (Warning warning : snapshot.warnings()) {
            Row row = sheet.createRow(r++);
            text(row, 0, light(warning.light()), null);
            text(row, 1, warning.projectId(), null);
            text(row, 2, warning.name(), null);
            text(row, 3, warning.unitId(), null);
            text(row, 4, warning.township(), null);
            number(row, 5, warning.deviationPoints(), styles.money);
            text(row, 6, BulletinText.reasons(warning.reasons()), null);
        }
    }

    private static void missing(SXSSFWorkbook workbook, Styles styles, PeriodSnapshot snapshot) {
        Sheet sheet = sheet(workbook, styles, SHEETS[4], "责任单位", "项目编号", "项目名称", "应报送截止", "是否逾期");
        int r = 1;
        for (MissingReports unit : snapshot.missing()) {
            for (ProjectRef project : unit.projects()) {
                Row row = sheet.createRow(r++);
                text(row, 0, unit.unitId(), null);
                text(row, 1, project.projectId(), null);
                text(row, 2, project.name(), null);
                text(row, 3, snapshot.deadline().toString(), null);
                text(row, 4, unit.overdue() ? "是" : "否", null);
            }
        }
    }

    private static void interviews(SXSSFWorkbook workbook, Styles styles, PeriodSnapshot snapshot) {
        Sheet sheet = sheet(workbook, styles, SHEETS[5], "责任单位", "约谈原因");
        int r = 1;
        for (Interview interview : snapshot.interviews()) {
            Row row = sheet.createRow(r++);
            text(row, 0, interview.unitId(), null);
            text(row, 1, BulletinText.reasons(interview.reasons()), null);
        }
    }

    private static String light(pulse.model.Light light) {
        return switch (light) {
            case RED -> "红灯";
            case YELLOW -> "黄灯";
            case GREEN -> "绿灯";
        };
    }

    private static Sheet sheet(SXSSFWorkbook workbook, Styles styles, String name, String... headers) {
        SXSSFSheet sheet = workbook.createSheet(name);
        sheet.createFreezePane(0, 1);
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            text(row, i, headers[i], styles.header);
            sheet.setColumnWidth(i, Math.max(10, headers[i].length() * 2 + 4) * 256);
        }
        return sheet;
    }

    private static void labelled(Sheet sheet, int r, String label, Object value, CellStyle style) {
        Row row = sheet.createRow(r);
        text(row, 0, label, null);
        number(row, 1, value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf(((Number) value).longValue()), style);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int column, long value, CellStyle style) {
        number(row, column, BigDecimal.valueOf(value), style);
    }

    /** Excel keeps numbers as doubles: two-decimal amounts in 万元 are shown to the cent. An absent rate stays empty. */
    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value == null) {
            return;
        }
        cell.setCellValue(value.doubleValue());
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle money;
        final CellStyle percent;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
        }
    }
}
