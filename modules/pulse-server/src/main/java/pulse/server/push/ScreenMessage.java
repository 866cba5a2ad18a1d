package pulse.server.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pulse.model.CurvePoint;
import pulse.model.Totals;
import pulse.model.Warning;

/**
 * What the push channel sends: a snapshot first, then updates holding only what changed of what
 * a screen shows. A snapshot has the county's and the work areas' totals, every unit's ranking row
 * ({@link UnitLine}, in rank order), the county's first {@value CountyWarnings#SHOWN} warnings, the
 * curve and the latest reports. An update's {@code totals} are the county's and the work areas'
 * that moved (keyed {@code county/全县}, {@code area/URBAN}), {@code ranking} the units' rows that
 * moved, {@code warnings} the county's list when it moved, {@code reports} the latest for the ticker.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreenMessage(
        String kind,
        Integer year,
        Totals county,
        List<Totals> areas,
        List<Warning> warnings,
        List<CurvePoint> curve,
        Map<String, Totals> totals,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, UnitLine> ranking,
        List<Report> reports,
        Long deadLetters) {

    /**
     * @param ranking every unit's row, best first: a row, not the unit's totals (about 45 bytes, not
     *        400), so that a thousand screens connecting at once after a restart are sent a few MB, not
     *        hundreds; a screen filtered on a unit reads that unit's totals itself
     */
    static ScreenMessage snapshot(int year, Totals county, List<Totals> areas, Map<String, UnitLine> ranking,
            List<Warning> warnings, List<CurvePoint> curve, List<Report> reports, long deadLetters) {
        return new ScreenMessage("snapshot", year, county, areas, warnings, curve, null, ranking, reports,
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
        return new ScreenMessage("update", null, null, null, warnings, null, totals, ranking, reports, deadLetters);
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
