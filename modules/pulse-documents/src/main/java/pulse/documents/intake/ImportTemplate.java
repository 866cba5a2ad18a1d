package pulse.documents.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import pulse.documents.intake.Column.Type;
import pulse.model.Milestone;
import pulse.model.ProjectView;

/**
 * The workbook a person fills in: one sheet of the kind asked for, headed as the import reads it,
 * with pick lists where a column has fixed values (领域, 级别, 节点), money as #,##0.00, 月份 as text,
 * and a second sheet 填表说明 that says what each column takes (the import skips it). Prefilled rows
 * (the projects an account may write for) come back unchanged when imported as they are.
 */
public final class ImportTemplate {

    /** Rows a pick list covers below the header. */
    static final int VALIDATED_ROWS = Sheets.MAX_ROWS;

    private ImportTemplate() {}

    /**
     * {@code projects}: the rows to prefill (for a registration sheet, projects whose first plan
     * year is {@code year}; for a plan sheet, the plan of {@code year}; for a report sheet, one row
     * per project for {@code period} with what it has reported for it so far).
     */
    public static byte[] write(ImportKind kind, List<ProjectView> projects, int year, YearMonth period) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(kind.sheetName);
            Row header = sheet.createRow(0);
            for (int c = 0; c < kind.columns.size(); c++) {
                Column column = kind.columns.get(c);
                Cell cell = header.createCell(c);
                cell.setCellValue(column.header());
                cell.setCellStyle(column.required() ? styles.requiredHeader : styles.header);
                sheet.setColumnWidth(c, Math.max(10, column.header().length() * 2 + 2) * 256);
                sheet.setDefaultColumnStyle(c, styles.of(column.type()));
                pickList(sheet, column, c);
            }
            sheet.createFreezePane(2, 1);
            int r = 1;
            for (ProjectView project : projects) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < kind.columns.size(); c++) {
                    Object value = prefill(kind, kind.columns.get(c), project, year, period);
                    if (value != null) {
                        set(row.createCell(c), value, styles.of(kind.columns.get(c).type()));
                    }
                }
            }
            instructions(workbook.createSheet("填表说明"), kind, styles);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pickList(Sheet sheet, Column column, int c) {
        List<String> choices = column.type().choices();
        if (choices.isEmpty()) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createExplicitListConstraint(choices.toArray(String[]::new)),
                new CellRangeAddressList(1, VALIDATED_ROWS, c, c));
        validation.setShowErrorBox(true);
        validation.createErrorBox("「" + column.header() + "」", "请从列表中选择：" + String.join("、", choices));
        sheet.addValidationData(validation);
    }

    /** What a prefilled row holds in a column: the project's current figures, so an unedited row changes nothing. */
    private static Object prefill(ImportKind kind, Column column, ProjectView p, int year, YearMonth period) {
        String field = column.field();
        if (field == null) {
            return "项目名称".equals(column.header()) ? p.name() : null;
        }
        if (field.startsWith("monthlyPlan[")) {
            int month = Integer.parseInt(field.replaceAll("\\D", ""));
            return p.planned() && p.monthlyPlan() != null ? p.monthlyPlan().get(month) : null;
        }
        if (field.startsWith("plannedMilestones.")) {
            ProjectView.MilestoneView m = p.milestones().get(Milestone.valueOf(field.substring(field.indexOf('.') + 1)));
            return m == null ? null : m.planned();
        }
        return switch (field) {
            case "projectId" -> p.projectId();
            case "name" -> p.name();
            case "area" -> p.area().zh;
            case "township" -> p.township();
            case "unitId" -> p.unitId();
            case "level" -> p.level().zh;
            case "totalInvestment" -> p.totalInvestment();
            case "year" -> year;
            case "annualPlan" -> p.planned() ? p.annualPlan() : null;
            case "investedBeforeYear" -> p.investedBeforeYear();
            case "period" -> period.toString();
            case "amount" -> p.months().get(period.toString());
            case "reason" -> p.confirmedMonths().get(period.toString());
            case "confirm" -> p.confirmedMonths().containsKey(period.toString()) ? "是" : null;
            default -> null;
        };
    }

    private static void set(Cell cell, Object value, CellStyle style) {
        if (value instanceof BigDecimal amount) {
            cell.setCellValue(amount.doubleValue());
        } else if (value instanceof Integer number) {
            cell.setCellValue(number);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else {
            cell.setCellValue(String.valueOf(value));
        }
        cell.setCellStyle(style);
    }

    private static void instructions(Sheet sheet, ImportKind kind, Styles styles) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"列", "必填", "填写要求"});
        for (Column column : kind.columns) {
            lines.add(new String[] {column.header(), column.required() ? "是" : "", explain(column)});
        }
        lines.add(new String[] {});
        lines.add(new String[] {"说明", "", "第1行为表头，请勿修改；从第2行起每行一条。金额单位为万元，最多两位小数。"
                + "本表可反复导入：与系统中相同的行不会重复写入。上传前可先“预检”，逐行查看将新增、更改或不变的内容及错误。"});
        for (int r = 0; r < lines.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < lines.get(r).length; c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(lines.get(r)[c]);
                if (r == 0) {
                    cell.setCellStyle(styles.header);
                }
            }
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 6 * 256);
        sheet.setColumnWidth(2, 90 * 256);
    }

    private static String explain(Column column) {
        return switch (column.type()) {
            case MONEY -> "万元，数字，最多两位小数";
            case YEAR -> "四位年份，如 2023";
            case MONTH -> "填报月份，如 2023-06";
            case DATE -> "日期，如 2023-03-15";
            case AREA, LEVEL, MILESTONE -> "从下拉列表中选择：" + String.join("、", column.type().choices());
            case FLAG -> "本月投资远超计划（超过月计划3倍或超出全年剩余计划）且核实无误时填“是”，并在“更正原因”中写明情况";
            case INFO -> "仅供对照，导入时不读取";
            case TEXT -> switch (column.field()) {
                case "projectId" -> "项目的唯一编号，如 XM-2022-001";
                case "reason" -> "更改已报送数字时必填；“确认”为“是”时填写核实情况";
                default -> "文字";
            };
        };
    }

    /** The few cell styles of a template. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle money;
        final CellStyle text;
        final CellStyle date;
        final CellStyle plain;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Font red = workbook.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            requiredHeader = workbook.createCellStyle();
            requiredHeader.cloneStyleFrom(header);
            requiredHeader.setFont(red);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            plain = workbook.createCellStyle();
        }

        CellStyle of(Type type) {
            return switch (type) {
                case MONEY -> money;
                case MONTH, TEXT, INFO, AREA, LEVEL, MILESTONE, FLAG -> text;
                case DATE -> date;
                case YEAR -> plain;
            };
        }
    }
}
