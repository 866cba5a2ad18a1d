package pulse.topology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import pulse.model.Light;
import pulse.model.ProjectView;
import pulse.model.Totals;
import pulse.model.UnitRank;
import pulse.model.Warning;
import pulse.rules.RuleSettings;

/**
 * The unit ranking and the warning list, as the county office reads them: the live read API and a
 * closed period's snapshot both make them here, so a bulletin ranks exactly as the screen does.
 */
public final class Standings {

    private Standings() {}

    /** Units from best to worst: completed ÷ due, then completion rate, then name; each with its grade. */
    public static List<UnitRank> rank(Map<String, Tally> units, RuleSettings rules) {
        List<UnitRank> unranked = new ArrayList<>();
        units.forEach((unit, tally) -> {
            if (tally.projects() > 0) {
                BigDecimal achievement = tally.targetAmount().signum() > 0
                        ? tally.completedThisYear().divide(tally.targetAmount(), 4, RoundingMode.HALF_UP) : null;
                Totals totals = tally.toTotals(unit, true, rules);
                unranked.add(new UnitRank(0, unit, totals.grade(), achievement, totals));
            }
        });
        unranked.sort(Comparator
                .comparing((UnitRank r) -> r.achievement() == null ? BigDecimal.valueOf(Long.MAX_VALUE) : r.achievement())
                .reversed()
                .thenComparing(r -> r.totals().completionRate(), Comparator.reverseOrder())
                .thenComparing(UnitRank::unitId));
        List<UnitRank> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            UnitRank r = unranked.get(i);
            ranked.add(new UnitRank(i + 1, r.unitId(), r.grade(), r.achievement(), r.totals()));
        }
        return ranked;
    }

    /** The projects that are not green: red first, then yellow; the furthest behind first within each. */
    public static List<Warning> warnings(Collection<ProjectView> views) {
        return views.stream()
                .filter(view -> view.light() != Light.GREEN)
                .sorted(Comparator.comparing(ProjectView::light).reversed()
                        .thenComparing(ProjectView::deviationPoints)
                        .thenComparing(ProjectView::projectId))
                .map(view -> new Warning(view.projectId(), view.name(), view.unitId(), view.township(), view.area(),
                        view.light(), view.deviationPoints(), view.reasons(), view.reasonsEn()))
                .toList();
    }
}
