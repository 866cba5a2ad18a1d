package pulse.server.push;

import com.fasterxml.jackson.annotation.JsonInclude;
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
}
