package pulse.server.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pulse.model.CurvePoint;
import pulse.model.Totals;
import pulse.model.UnitRank;
import pulse.model.Warning;

/**
 * What the push channel sends: a snapshot first, then updates holding only what changed of what
 * a screen shows. An update's {@code totals} are the county's and the work areas' (the figures and
 * charts every screen draws), {@code ranking} the units' rows that moved ({@link UnitLine}),
 * {@code warnings} the county's list when it moved (the first {@value CountyWarnings#SHOWN}),
 * {@code reports} the latest reports for the ticker.
 */
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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, UnitLine> ranking,
        List<Report> reports,
        Long deadLetters) {

    static ScreenMessage snapshot(int year, Totals county, List<Totals> areas, List<UnitRank> units,
            List<Warning> warnings, List<CurvePoint> curve, List<Report> reports, long deadLetters) {
        return new ScreenMessage("snapshot", year, county, areas, units, warnings, curve, null, null, reports,
                deadLetters);
    }

    /**
     * @param totals changed groups by {@code <dimension>/<key>}, e.g. {@code area/URBAN}
     * @param ranking changed units' rows by unit; a null row: the unit has no project left
     * @param warnings the county's list when it changed; else null
     * @param deadLetters the count of records set aside, when it changed; else null
     */
    static ScreenMessage update(Map<String, Totals> totals, Map<String, UnitLine> ranking, List<Warning> warnings,
            List<Report> reports, Long deadLetters) {
        return new ScreenMessage("update", null, null, null, null, warnings, null, totals, ranking, reports, deadLetters);
    }

    /**
     * This update and a {@code later} one as one update: the latest of every group, row and list
     * either carried, the latest reports ({@link LiveFeed#MAX_REPORTS_PER_UPDATE}), the latest count.
     */
    ScreenMessage followedBy(ScreenMessage later) {
        Map<String, Totals> mergedTotals = new LinkedHashMap<>(totals);
        mergedTotals.putAll(later.totals);
        Map<String, UnitLine> mergedRanking = new LinkedHashMap<>(ranking);
        mergedRanking.putAll(later.ranking);
        List<Report> mergedReports = new ArrayList<>(reports);
        mergedReports.addAll(later.reports);
        return update(mergedTotals, mergedRanking, later.warnings != null ? later.warnings : warnings,
                List.copyOf(mergedReports.subList(Math.max(0, mergedReports.size() - LiveFeed.MAX_REPORTS_PER_UPDATE),
                        mergedReports.size())),
                later.deadLetters != null ? later.deadLetters : deadLetters);
    }
}
