package pulse.documents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;
import pulse.model.PeriodSnapshot;
import pulse.model.PeriodSnapshot.MissingReports;
import pulse.model.Totals;

/** The bulletin's sentences, in the words a county bulletin uses; the Word and the Excel file share them. */
public final class BulletinText {

    private BulletinText() {}

    /** 截至2022年6月底，全县共实施重点项目54个，…… */
    public static String overall(PeriodSnapshot snapshot) {
        Totals county = snapshot.county();
        BigDecimal deviation = county.deviationPoints();
        String behind = deviation.signum() < 0 ? "落后序时进度" + deviation.negate().toPlainString() + "个百分点"
                : "超序时进度" + deviation.toPlainString() + "个百分点";
        return String.format("截至%d年%d月底，全县共实施重点项目%d个，总投资%s万元，年度计划投资%s万元，"
                        + "已完成投资%s万元，占年度计划的%s%%，序时进度%s%%，%s；已开工%d个，开工率%s%%；已竣工%d个，竣工率%s%%。",
                snapshot.asOf().getYear(), snapshot.asOf().getMonthValue(), county.projects(),
                money(county.totalInvestment()), money(county.annualPlan()), money(county.completedThisYear()),
                percent(county.completionRate()), percent(county.targetRate()), behind, county.started(),
                percent(county.startedRate()), county.completed(), percent(county.completedRate()));
    }

    /** Where the figures come from, for the foot of every document. */
    public static String source(PeriodSnapshot snapshot) {
        String revision = snapshot.revision() == 1 ? "" : "（第" + snapshot.revision() + "版，修订原因：" + snapshot.reason() + "）";
        return String.format("数据截至%s，报送截止%s；%s由%s关账%s。统计位置：pulse.events %s。",
                snapshot.asOf(), snapshot.deadline(), snapshot.closedAt(), snapshot.closedBy(), revision,
                snapshot.position());
    }

    public static String projects(MissingReports missing) {
        return missing.projects().stream().map(project -> project.name() + "（" + project.projectId() + "）")
                .collect(Collectors.joining("、"));
    }

    public static String reasons(List<String> reasons) {
        return String.join("；", reasons);
    }

    /** A fraction as a percentage with one decimal: 0.2703 → 27.0. */
    public static String percent(BigDecimal fraction) {
        return fraction == null ? "—" : fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
