package pulse.documents;

import pulse.model.Light;
import pulse.model.PeriodSnapshot;
import pulse.model.PeriodSnapshot.Interview;
import pulse.model.PeriodSnapshot.MissingReports;
import pulse.model.UnitRank;
import pulse.model.Warning;

/**
 * The bulletin as an HTML fragment for the printable page ({@code /bulletin/YYYY-MM}): the same parts
 * and the same sentences as the Word document, laid out by the page's print stylesheet on A4.
 */
public final class BulletinHtml {

    private BulletinHtml() {}

    public static String write(PeriodSnapshot snapshot) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<article class=\"bulletin\">");
        tag(html, "h1", snapshot.title());
        if (snapshot.revision() > 1) {
            tag(html, "p class=\"revision\"", "第" + snapshot.revision() + "版（修订原因：" + snapshot.reason() + "）");
        }
        tag(html, "h2", "一、总体情况");
        tag(html, "p", BulletinText.overall(snapshot));

        tag(html, "h2", "二、各责任单位推进情况");
        html.append("<table><thead><tr>");
        for (String header : new String[] {"排名", "责任单位", "项目数", "年度计划（万元）", "已完成（万元）", "完成率", "完成序时进度", "等次"}) {
            tag(html, "th", header);
        }
        html.append("</tr></thead><tbody>");
        for (UnitRank unit : snapshot.ranking()) {
            html.append("<tr class=\"grade-").append(unit.grade().name().toLowerCase()).append("\">");
            tag(html, "td", String.valueOf(unit.rank()));
            tag(html, "td", unit.unitId());
            tag(html, "td class=\"n\"", String.valueOf(unit.totals().projects()));
            tag(html, "td class=\"n\"", BulletinText.money(unit.totals().annualPlan()));
            tag(html, "td class=\"n\"", BulletinText.money(unit.totals().completedThisYear()));
            tag(html, "td class=\"n\"", BulletinText.percent(unit.totals().completionRate()) + "%");
            tag(html, "td class=\"n\"", unit.achievement() == null ? "—" : BulletinText.percent(unit.achievement()) + "%");
            tag(html, "td", unit.grade().zh);
            html.append("</tr>");
        }
        html.append("</tbody></table>");

        tag(html, "h2", "三、红黄灯项目");
        if (snapshot.warnings().isEmpty()) {
            tag(html, "p", "本期无红黄灯项目。");
        } else {
            html.append("<table><thead><tr>");
            for (String header : new String[] {"灯", "项目名称", "责任单位", "偏差（百分点）", "原因"}) {
                tag(html, "th", header);
            }
            html.append("</tr></thead><tbody>");
            for (Warning warning : snapshot.warnings()) {
                boolean red = warning.light() == Light.RED;
                html.append("<tr class=\"").append(red ? "red" : "yellow").append("\">");
                tag(html, "td", red ? "红灯" : "黄灯");
                tag(html, "td", warning.name() + "（" + warning.projectId() + "）");
                tag(html, "td", warning.unitId());
                tag(html, "td class=\"n\"", warning.deviationPoints().toPlainString());
                tag(html, "td", BulletinText.reasons(warning.reasons()));
                html.append("</tr>");
            }
            html.append("</tbody></table>");
        }

        tag(html, "h2", "四、未按时报送单位");
        if (snapshot.missing().isEmpty()) {
            tag(html, "p", "各责任单位均已按时报送" + snapshot.period() + "月份数据。");
        }
        for (MissingReports unit : snapshot.missing()) {
            tag(html, "p", unit.unitId() + "：" + BulletinText.projects(unit)
                    + (unit.overdue() ? "（已逾期，应于" + snapshot.deadline() + "前报送）" : ""));
        }

        tag(html, "h2", "五、约谈问责");
        if (snapshot.interviews().isEmpty()) {
            tag(html, "p", "本期无约谈单位。");
        }
        for (Interview interview : snapshot.interviews()) {
            tag(html, "p", interview.unitId() + "：" + BulletinText.reasons(interview.reasons()) + "。");
        }
        tag(html, "p class=\"source\"", BulletinText.source(snapshot));
        return html.append("</article>").toString();
    }

    private static void tag(StringBuilder html, String open, String text) {
        String name = open.contains(" ") ? open.substring(0, open.indexOf(' ')) : open;
        html.append('<').append(open).append('>').append(escape(text)).append("</").append(name).append('>');
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
