package pulse.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import pulse.model.Grade;
import pulse.model.Level;
import pulse.model.Light;
import pulse.model.PeriodSnapshot;
import pulse.model.PeriodSnapshot.Interview;
import pulse.model.PeriodSnapshot.MissingReports;
import pulse.model.PeriodSnapshot.ProjectLine;
import pulse.model.PeriodSnapshot.ProjectRef;
import pulse.model.ProjectStatus;
import pulse.model.Totals;
import pulse.model.UnitRank;
import pulse.model.Warning;
import pulse.model.WorkArea;

/** A closed June of a small county: three units, one red and one yellow project, one late unit. */
final class SampleSnapshot {

    private SampleSnapshot() {}

    static Totals totals(String key, long projects, String plan, String done, String rate, String target, Grade grade) {
        BigDecimal completion = new BigDecimal(rate);
        BigDecimal due = new BigDecimal(target);
        return new Totals(key, projects, 1, 0, new BigDecimal("0.5000"), BigDecimal.ZERO.setScale(4), new BigDecimal(plan)
                .multiply(BigDecimal.valueOf(3)), new BigDecimal(plan), new BigDecimal(done), new BigDecimal(done),
                completion, due, completion.subtract(due).movePointRight(2), new Totals.Lights(projects, 0, 0), grade);
    }

    static PeriodSnapshot june() {
        List<UnitRank> ranking = List.of(
                new UnitRank(1, "县住建局", Grade.EXCELLENT, new BigDecimal("1.1000"),
                        totals("县住建局", 2, "9000.00", "4950.00", "0.5500", "0.5000", Grade.EXCELLENT)),
                new UnitRank(2, "县水务局", Grade.FAIR, new BigDecimal("0.8400"),
                        totals("县水务局", 1, "2000.00", "840.00", "0.4200", "0.5000", Grade.FAIR)),
                new UnitRank(3, "玉泉镇人民政府", Grade.FAILING, new BigDecimal("0.2000"),
                        totals("玉泉镇人民政府", 1, "1000.12", "100.01", "0.1000", "0.5000", Grade.FAILING)));
        List<Warning> warnings = List.of(
                new Warning("TZ-2022-031", "玉泉镇污水管网改造", "玉泉镇人民政府", "玉泉镇", WorkArea.ECOLOGY, Light.RED,
                        new BigDecimal("-40.00"), List.of("投资完成率10%，时序进度50%，落后40个百分点"),
                        List.of("completed 10% against a target of 50%, 40 points behind")),
                new Warning("TZ-2022-012", "张西河灌区续建配套", "县水务局", "张西河乡", WorkArea.RURAL, Light.YELLOW,
                        new BigDecimal("-8.00"), List.of("计划2022-05-15开工，已逾期1个月未开工"),
                        List.of("start of works planned for 2022-05-15, not reached 1 months later")));
        List<ProjectLine> projects = List.of(new ProjectLine("TZ-2022-031", "玉泉镇污水管网改造", "玉泉镇人民政府", "玉泉镇",
                WorkArea.ECOLOGY, Level.COUNTY, ProjectStatus.UNDER_CONSTRUCTION, new BigDecimal("3000.36"),
                new BigDecimal("1000.12"), new BigDecimal("100.01"), new BigDecimal("600.01"), new BigDecimal("0.1000"),
                new BigDecimal("0.5000"), new BigDecimal("-40.00"), Light.RED, warnings.get(0).reasons()));
        return new PeriodSnapshot("2022-06", 2022, 1, "关于2022年1-6月全县重点项目推进情况的通报", LocalDate.of(2022, 6, 30),
                LocalDate.of(2022, 7, 10), Instant.parse("2022-07-12T02:00:00Z"), "admin", null, Map.of(0, 1200L, 1, 987L),
                2187, totals("全县", 4, "12000.12", "5890.01", "0.4908", "0.5000", null), Map.of(), List.of(), ranking, warnings,
                List.of(new MissingReports("县水务局", List.of(new ProjectRef("TZ-2022-012", "张西河灌区续建配套")), true)),
                List.of(new Interview("玉泉镇人民政府", List.of("综合评定为落实较差（完成序时进度的20.0%）"))), projects);
    }
}
