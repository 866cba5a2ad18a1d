package pulse.topology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import pulse.model.Light;
import pulse.model.Messages;
import pulse.model.ProjectView;
import pulse.model.Text;
import pulse.model.Totals;
import pulse.model.UnitRank;
import pulse.model.Warning;
import pulse.model.WorkArea;
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
                unranked.add(standing(unit, tally, rules));
            }
        });
        unranked.sort(BEST_FIRST);
        List<UnitRank> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            UnitRank r = unranked.get(i);
            ranked.add(new UnitRank(i + 1, r.unitId(), r.grade(), r.achievement(), r.totals()));
        }
        return ranked;
    }

    /** The order of the ranking; the screen re-ranks the units it is sent in the same order. */
    private static final Comparator<UnitRank> BEST_FIRST = Comparator
            .comparing((UnitRank r) -> r.achievement() == null ? BigDecimal.valueOf(Long.MAX_VALUE) : r.achievement())
            .reversed()
            .thenComparing(r -> r.totals().completionRate(), Comparator.reverseOrder())
            .thenComparing(UnitRank::unitId);

    /** One unit's standing, unranked (rank 0): its grade, its achievement (completed ÷ due, null while nothing is due), its totals. */
    public static UnitRank standing(String unit, Tally tally, RuleSettings rules) {
        BigDecimal achievement = tally.targetAmount().signum() > 0
                ? tally.completedThisYear().divide(tally.targetAmount(), 4, RoundingMode.HALF_UP) : null;
        Totals totals = tally.toTotals(unit, true, rules);
        return new UnitRank(0, unit, totals.grade(), achievement, totals);
    }

    /**
     * Red projects first, then yellow; the furthest behind first within each; then by id. Written
     * out rather than chained: the push channel keeps a province's warnings in this order, one
     * change at a time, and the chained comparators took a tenth of its thread.
     */
    public static final Comparator<Warning> WORST_FIRST = worstFirst(Warning::light, Warning::deviationPoints,
            Warning::projectId);

    /** The projects' summaries in the order of their warnings ({@link #WORST_FIRST}). */
    public static final Comparator<ProjectSummary> WORST_SUMMARY_FIRST = worstFirst(ProjectSummary::light,
            ProjectSummary::deviationPoints, ProjectSummary::projectId);

    /** Projects as the index lists them, in the order of their warnings ({@link #WORST_FIRST}). */
    public static final Comparator<ProjectIndex.Listed> WORST_LISTED_FIRST = worstFirst(ProjectIndex.Listed::light,
            ProjectIndex.Listed::deviationPoints, ProjectIndex.Listed::projectId);

    /** {@link #WORST_FIRST} for anything that has a light, a deviation and a project id. */
    public static <T> Comparator<T> worstFirst(Function<T, Light> light, Function<T, BigDecimal> deviationPoints,
            Function<T, String> projectId) {
        return (a, b) -> worstFirst(light.apply(a), deviationPoints.apply(a), projectId.apply(a), light.apply(b),
                deviationPoints.apply(b), projectId.apply(b));
    }

    private static int worstFirst(Light lightA, BigDecimal deviationA, String idA, Light lightB, BigDecimal deviationB,
            String idB) {
        int byLight = lightB.compareTo(lightA);
        if (byLight != 0) {
            return byLight;
        }
        int byDeviation = deviationA.compareTo(deviationB);
        return byDeviation != 0 ? byDeviation : idA.compareTo(idB);
    }

    /** The projects that are not green, {@link #WORST_FIRST}. */
    public static List<Warning> warnings(Collection<ProjectView> views) {
        return views.stream()
                .filter(view -> view.light() != Light.GREEN)
                .map(view -> new Warning(view.projectId(), view.name(), view.unitId(), view.township(), view.area(),
                        view.light(), view.deviationPoints(), view.reasons(), view.reasonsEn()))
                .sorted(WORST_FIRST)
                .toList();
    }

    /** The warning a project's summary makes, its reasons put into words; null when it is green. */
    public static Warning warning(ProjectSummary project) {
        return project.light() == Light.GREEN ? null : warning(project.projectId(), project.name(), project.unitId(),
                project.township(), project.area(), project.light(), project.deviationPoints(), project.reasons());
    }

    /** The warning of a project that is not green, from what it shows, its reasons put into words. */
    public static Warning warning(String projectId, String name, String unitId, String township, WorkArea area,
            Light light, BigDecimal deviationPoints, List<Text> reasons) {
        return new Warning(projectId, name, unitId, township, area, light, deviationPoints,
                Text.in(reasons, Messages.ZH), Text.in(reasons, Messages.EN));
    }
}
