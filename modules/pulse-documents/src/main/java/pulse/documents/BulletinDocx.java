package pulse.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import pulse.model.PeriodSnapshot;
import pulse.model.PeriodSnapshot.Interview;
import pulse.model.PeriodSnapshot.MissingReports;
import pulse.model.UnitRank;
import pulse.model.Warning;

/**
 * The regular bulletin (定期通报) as a Word document, in the usual form of a county's: the title,
 * the overall figures, the units ranked with their grades, the red and yellow projects with their
 * reasons, the units that did not report on time, and the units called in (约谈).
 */
public final class BulletinDocx {

    private static final String FONT = "宋体";
    private static final String TITLE_FONT = "黑体";
    /** A4 (11,906 twips) less Word's default margins of 1,440 each side. */
    private static final int TEXT_WIDTH_TWIPS = 9026;
    private static final int[] UNIT_COLUMNS = {7, 25, 7, 14, 14, 10, 11, 12};
    private static final int[] WARNING_COLUMNS = {7, 27, 14, 12, 40};

    private BulletinDocx() {}

    public static byte[] write(PeriodSnapshot snapshot) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = document.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            run(title, snapshot.title(), TITLE_FONT, 18, true);

            heading(document, "一、总体情况");
            text(document, BulletinText.overall(snapshot));

            heading(document, "二、各责任单位推进情况");
            XWPFTable units = table(document, UNIT_COLUMNS, "排名", "责任单位", "项目数",
                    "年度计划（万元）", "已完成（万元）", "完成率", "完成序时进度", "等次");
            for (UnitRank unit : snapshot.ranking()) {
                row(units, UNIT_COLUMNS, String.valueOf(unit.rank()), unit.unitId(), String.valueOf(unit.totals().projects()),
                        BulletinText.money(unit.totals().annualPlan()), BulletinText.money(unit.totals().completedThisYear()),
                        BulletinText.percent(unit.totals().completionRate()) + "%",
                        unit.achievement() == null ? "—" : BulletinText.percent(unit.achievement()) + "%", unit.grade().zh);
            }

            heading(document, "三、红黄灯项目");
            if (snapshot.warnings().isEmpty()) {
                text(document, "本期无红黄灯项目。");
            } else {
                XWPFTable warnings = table(document, WARNING_COLUMNS, "灯", "项目名称", "责任单位",
                        "偏差（百分点）", "原因");
                for (Warning warning : snapshot.warnings()) {
                    row(warnings, WARNING_COLUMNS, warning.light() == pulse.model.Light.RED ? "红灯" : "黄灯",
                            warning.name() + "（" + warning.projectId() + "）", warning.unitId(),
                            warning.deviationPoints().toPlainString(), BulletinText.reasons(warning.reasons()));
                }
            }

            heading(document, "四、未按时报送单位");
            List<MissingReports> missing = snapshot.missing();
            if (missing.isEmpty()) {
                text(document, "各责任单位均已按时报送" + snapshot.period() + "月份数据。");
            }
            for (MissingReports unit : missing) {
                text(document, unit.unitId() + "：" + BulletinText.projects(unit)
                        + (unit.overdue() ? "（已逾期，应于" + snapshot.deadline() + "前报送）" : ""));
            }

            heading(document, "五、约谈问责");
            if (snapshot.interviews().isEmpty()) {
                text(document, "本期无约谈单位。");
            }
            for (Interview interview : snapshot.interviews()) {
                text(document, interview.unitId() + "：" + BulletinText.reasons(interview.reasons()) + "。");
            }

            XWPFParagraph source = document.createParagraph();
            run(source, BulletinText.source(snapshot), FONT, 9, false);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void heading(XWPFDocument document, String text) {
        run(document.createParagraph(), text, TITLE_FONT, 14, true);
    }

    private static void text(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setIndentationFirstLine(560);   // two characters, as official documents indent
        run(paragraph, text, FONT, 12, false);
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
    }

    /**
     * A table as wide as the text on A4, its columns at {@code percents} of it (names need room, figures
     * less): set on the table's grid, which LibreOffice follows, and on every cell, which Word follows.
     */
    private static XWPFTable table(XWPFDocument document, int[] percents, String... headers) {
        XWPFTable table = document.createTable(1, headers.length);
        table.setWidth(String.valueOf(TEXT_WIDTH_TWIPS));
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int percent : percents) {
            grid.addNewGridCol().setW(java.math.BigInteger.valueOf(twips(percent)));
        }
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int i = 0; i < headers.length; i++) {
            run(header.getCell(i).getParagraphs().get(0), headers[i], FONT, 10, true);
        }
        widen(header, percents);
        return table;
    }

    private static void row(XWPFTable table, int[] percents, String... cells) {
        XWPFTableRow row = table.createRow();
        for (int i = 0; i < cells.length; i++) {
            run(row.getCell(i).getParagraphs().get(0), cells[i], FONT, 10, false);
        }
        widen(row, percents);
    }

    private static void widen(XWPFTableRow row, int[] percents) {
        for (int i = 0; i < percents.length; i++) {
            row.getCell(i).setWidth(String.valueOf(twips(percents[i])));
        }
    }

    private static int twips(int percent) {
        return TEXT_WIDTH_TWIPS * percent / 100;
    }
}
