package pulse.server.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pulse.model.Totals;
import pulse.model.CurvePoint;
import pulse.model.UnitRank;
import pulse.model.Warning;

/** What the push channel sends: a full snapshot first, then updates holding only what changed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreenMessage(
        String kind,
        Integer year,
        Totals county,
        List<Totals> areas,
        List<UnitRank> units,
        List<Warning> warnings,
        List<CurvePoint> curve,
        Map<String, Totals> totals,
        List<ProjectChange> projects,
        List<Report> reports,
        Long deadLetters) {

    static ScreenMessage snapshot(int year, Totals county, List<Totals> areas, List<UnitRank> units,
            List<Warning> warnings, List<CurvePoint> curve, List<Report> reports, long deadLetters) {
        return new ScreenMessage("snapshot", year, county, areas, units, warnings, curve, null, null, reports,
                deadLetters);
    }

    /**
     * @param totals changed groups by {@code <dimension>/<key>}, e.g. {@code unit/县住建局}
     * @param deadLetters the count of records set aside, when it changed; else null
     */
    static ScreenMessage update(Map<String, Totals> totals, List<ProjectChange> projects, List<Report> reports,
            Long deadLetters) {
        return new ScreenMessage("update", null, null, null, null, null, null, totals, projects, reports, deadLetters);
    }

    /**
     * This update and a {@code later} one as one update: the latest totals of every group and the
     * latest change of every project either carried, the latest reports, the latest count. Kept to
     * what one update may carry ({@link LiveFeed#MAX_PROJECTS_PER_UPDATE}, {@link LiveFeed#MAX_REPORTS_PER_UPDATE}).
     */
    ScreenMessage followedBy(ScreenMessage later) {
        Map<String, Totals> mergedTotals = new LinkedHashMap<>(totals);
        mergedTotals.putAll(later.totals);
        Map<String, ProjectChange> mergedProjects = new LinkedHashMap<>();
        for (ProjectChange change : projects) {
            mergedProjects.put(change.projectId(), change);
        }
        for (ProjectChange change : later.projects) {
            mergedProjects.remove(change.projectId());
            mergedProjects.put(change.projectId(), change);
        }
        List<ProjectChange> changes = new ArrayList<>(mergedProjects.values());
        List<Report> mergedReports = new ArrayList<>(reports);
        mergedReports.addAll(later.reports);
        return update(mergedTotals, latest(changes, LiveFeed.MAX_PROJECTS_PER_UPDATE),
                latest(mergedReports, LiveFeed.MAX_REPORTS_PER_UPDATE),
                later.deadLetters != null ? later.deadLetters : deadLetters);
    }

    private static <T> List<T> latest(List<T> items, int most) {
        return List.copyOf(items.subList(Math.max(0, items.size() - most), items.size()));
    }
}
