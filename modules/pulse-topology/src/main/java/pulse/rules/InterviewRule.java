package pulse.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pulse.model.Light;
import pulse.model.PeriodSnapshot.Interview;
import pulse.model.UnitRank;
import pulse.model.Warning;

/**
 * Who the county office calls in (约谈问责) after a closed period: every unit graded
 * {@code interviewFrom} (落实不力) or worse, and every unit with a project red in
 * {@code interviewRedPeriods} (2) consecutive closed periods, each with all its reasons.
 */
public final class InterviewRule {

    private InterviewRule() {}

    /**
     * @param ranking this period's units, best first
     * @param warnings this period's red and yellow projects
     * @param redBefore the red projects' ids of the periods just before, the closest first (an
     *     empty set for a period that was not closed)
     * @return the units to call in, worst ranked first
     */
    public static List<Interview> interviews(List<UnitRank> ranking, List<Warning> warnings, List<Set<String>> redBefore,
            RuleSettings settings) {
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        for (int i = ranking.size() - 1; i >= 0; i--) {
            UnitRank unit = ranking.get(i);
            if (unit.grade().ordinal() >= settings.interviewFrom().ordinal()) {
                reasons.computeIfAbsent(unit.unitId(), u -> new ArrayList<>()).add("综合评定为" + unit.grade().zh
                        + (unit.achievement() == null ? "" : "（完成序时进度的" + percent(unit.achievement()) + "%）"));
            }
        }
        int before = settings.interviewRedPeriods() - 1;
        for (Warning warning : warnings) {
            if (warning.light() == Light.RED && redInEach(warning.projectId(), redBefore, before)) {
                reasons.computeIfAbsent(warning.unitId(), u -> new ArrayList<>()).add("项目「" + warning.name() + "」（"
                        + warning.projectId() + "）连续" + settings.interviewRedPeriods() + "期红灯");
            }
        }
        List<Interview> interviews = new ArrayList<>();
        reasons.forEach((unit, why) -> interviews.add(new Interview(unit, List.copyOf(why))));
        return interviews;
    }

    private static boolean redInEach(String projectId, List<Set<String>> redBefore, int periods) {
        if (redBefore.size() < periods) {
            return false;
        }
        for (int i = 0; i < periods; i++) {
            if (!redBefore.get(i).contains(projectId)) {
                return false;
            }
        }
        return true;
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
