package pulse.documents;

import java.util.Map;

/** The Chinese names of the fields and values of Pulse's lists, as an office's spreadsheet heads its columns. */
public final class ColumnNames {

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("projectId", "项目编号"), Map.entry("name", "项目名称"), Map.entry("projectName", "项目名称"),
            Map.entry("area", "领域"), Map.entry("township", "乡镇"), Map.entry("unitId", "责任单位"),
            Map.entry("projectUnit", "项目责任单位"), Map.entry("level", "级别"), Map.entry("totalInvestment", "总投资（万元）"),
            Map.entry("year", "年度"), Map.entry("annualPlan", "年度计划（万元）"), Map.entry("monthlyPlan", "月度计划（万元）"),
            Map.entry("investedBeforeYear", "以前年度完成（万元）"), Map.entry("status", "状态"),
            Map.entry("suspendedReason", "停工原因"), Map.entry("completedThisYear", "本年完成（万元）"),
            Map.entry("completedSinceStart", "累计完成（万元）"), Map.entry("completionRate", "完成率"),
            Map.entry("targetRate", "序时进度"), Map.entry("targetAmount", "应完成（万元）"),
            Map.entry("deviationPoints", "偏差（百分点）"), Map.entry("months", "各月完成（万元）"),
            Map.entry("milestones", "形象进度节点"), Map.entry("openIssues", "未解决问题"), Map.entry("resolvedIssues", "已解决问题"),
            Map.entry("lastReportAt", "最近报送时间"), Map.entry("light", "灯"), Map.entry("reasons", "原因"),
            Map.entry("startYear", "首个计划年度"), Map.entry("planned", "已有年度计划"),
            Map.entry("key", "名称"), Map.entry("projects", "项目"), Map.entry("started", "已开工（个）"),
            Map.entry("completed", "已竣工（个）"), Map.entry("startedRate", "开工率"), Map.entry("completedRate", "竣工率"),
            Map.entry("lights", "预警"), Map.entry("green", "绿灯（个）"), Map.entry("yellow", "黄灯（个）"),
            Map.entry("red", "红灯（个）"), Map.entry("grade", "等次"), Map.entry("rank", "排名"),
            Map.entry("achievement", "完成序时进度"), Map.entry("totals", "合计"), Map.entry("overdue", "已逾期"),
            Map.entry("issueId", "问题编号"), Map.entry("kind", "类别"), Map.entry("text", "问题"),
            Map.entry("ownerUnit", "问题责任单位"), Map.entry("raisedOn", "提出日期"), Map.entry("dueDate", "办结时限"),
            Map.entry("ageDays", "已历天数"), Map.entry("overdueDays", "逾期天数"), Map.entry("resolvedOn", "解决日期"),
            Map.entry("resolution", "解决情况"), Map.entry("offset", "事件位置"), Map.entry("partition", "分区"),
            Map.entry("eventId", "事件编号"), Map.entry("type", "类型"), Map.entry("occurredOn", "发生日期"),
            Map.entry("reportedAt", "报送时间"), Map.entry("sentBy", "报送账号"), Map.entry("period", "月份"),
            Map.entry("amount", "金额（万元）"), Map.entry("reason", "原因"), Map.entry("milestone", "节点"),
            Map.entry("date", "日期"), Map.entry("note", "说明"), Map.entry("confirm", "已确认"),
            Map.entry("plannedMonth", "当月计划（万元）"), Map.entry("confirmedMonths", "超计划核实月份"),
            // values
            Map.entry("RED", "红灯"), Map.entry("YELLOW", "黄灯"), Map.entry("GREEN", "绿灯"),
            Map.entry("LAND", "用地"), Map.entry("FUNDING", "资金"), Map.entry("APPROVAL", "审批"), Map.entry("OTHER", "其他"));

    private ColumnNames() {}

    /** The Chinese name of a field; the field's own name when it has none (a test keeps that from happening). */
    public static String zh(String field) {
        return ZH.getOrDefault(field, field);
    }

    static boolean known(String field) {
        return ZH.containsKey(field);
    }

    /** An enum value in words: the Chinese name the model gives it ({@code zh}), else this catalogue's. */
    static String label(Enum<?> value) {
        try {
            return String.valueOf(value.getClass().getField("zh").get(value));
        } catch (ReflectiveOperationException e) {
            return zh(value.name());
        }
    }
}
