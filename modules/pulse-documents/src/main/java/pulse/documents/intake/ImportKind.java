package pulse.documents.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pulse.documents.intake.Column.Type;
import pulse.model.Enums;
import pulse.model.Milestone;

/**
 * The three sheets a county office and its units fill in: the project list (registrations), the
 * plans of a year, and the monthly reports (investment and milestones). Each is known by its
 * headers, so a workbook may hold any of them, in any order, under any sheet name.
 */
public enum ImportKind {
    PROJECTS("项目清单", projectColumns()),
    PLANS("年度计划", planColumns()),
    REPORTS("月度报送", reportColumns());

    /** The sheet's name in a template. */
    public final String sheetName;
    final List<Column> columns;

    ImportKind(String sheetName, List<Column> columns) {
        this.sheetName = sheetName;
        this.columns = columns;
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** {@code projects}, {@code plans} or {@code reports}, as the API spells it. */
    public static Optional<ImportKind> fromParameter(String text) {
        return Enums.spelled(ImportKind.class, text == null ? null : text.toLowerCase(Locale.ROOT),
                kind -> kind.name().toLowerCase(Locale.ROOT));
    }

    /** The kind of a sheet from its headers: 总投资 makes a project list, 本月完成投资 or 节点 a report, 年度计划 a plan. */
    static Optional<ImportKind> of(List<String> header) {
        List<String> names = header.stream().map(Column::normalized).toList();
        if (names.contains(Column.normalized("总投资"))) {
            return Optional.of(PROJECTS);
        }
        if (names.contains(Column.normalized("本月完成投资")) || names.contains(Column.normalized("节点"))) {
            return Optional.of(REPORTS);
        }
        if (names.contains(Column.normalized("年度计划"))) {
            return Optional.of(PLANS);
        }
        return Optional.empty();
    }

    static String monthHeader(int month) {
        return (month + 1) + "月计划（万元）";
    }

    static String plannedHeader(Milestone milestone) {
        return "计划" + milestone.zh;
    }

    private static List<Column> projectColumns() {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("项目编号", "projectId", Type.TEXT, true),
                new Column("项目名称", "name", Type.TEXT, true),
                new Column("领域", "area", Type.AREA, true),
                new Column("乡镇", "township", Type.TEXT, true),
                new Column("责任单位", "unitId", Type.TEXT, true),
                new Column("级别", "level", Type.LEVEL, true),
                new Column("总投资（万元）", "totalInvestment", Type.MONEY, true),
                new Column("年度", "year", Type.YEAR, true),
                new Column("年度计划（万元）", "annualPlan", Type.MONEY, true)));
        columns.addAll(planDetailColumns());
        columns.add(new Column("以前年度完成（万元）", "investedBeforeYear", Type.MONEY, false));
        return List.copyOf(columns);
    }

    private static List<Column> planColumns() {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("项目编号", "projectId", Type.TEXT, true),
                new Column("项目名称", null, Type.INFO, false),
                new Column("年度", "year", Type.YEAR, true),
                new Column("年度计划（万元）", "annualPlan", Type.MONEY, true)));
        columns.addAll(planDetailColumns());
        return List.copyOf(columns);
    }

    /** 1月…12月计划 and the planned date of each milestone, shared by the project list and the plans. */
    private static List<Column> planDetailColumns() {
        List<Column> columns = new ArrayList<>();
        for (int month = 0; month < 12; month++) {
            columns.add(new Column(monthHeader(month), "monthlyPlan[" + month + "]", Type.MONEY, false));
        }
        for (Milestone milestone : Milestone.values()) {
            columns.add(new Column(plannedHeader(milestone), "plannedMilestones." + milestone.name(), Type.DATE, false));
        }
        return columns;
    }

    private static List<Column> reportColumns() {
        return List.of(
                new Column("项目编号", "projectId", Type.TEXT, true),
                new Column("项目名称", null, Type.INFO, false),
                new Column("月份", "period", Type.MONTH, false),
                new Column("本月完成投资（万元）", "amount", Type.MONEY, false),
                new Column("更正原因", "reason", Type.TEXT, false),
                new Column("节点", "milestone", Type.MILESTONE, false),
                new Column("节点日期", "date", Type.DATE, false),
                new Column("说明", "note", Type.TEXT, false),
                new Column("确认", "confirm", Type.FLAG, false));
    }
}
