package pulse.server.push;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pulse.server.operations.DeadLetters;
import pulse.server.query.ProjectFilter;
import pulse.server.query.QueryService;
import pulse.server.web.Listing;
import pulse.topology.Dimension;
import pulse.topology.GroupKey;
import pulse.topology.ProjectSummary;

/**
 * The snapshot read from the topology's stores. Of the red and yellow projects it carries the
 * county's first {@value CountyWarnings#SHOWN}, the ones the screen lists, and reads only those: a
 * province has thousands, and a screen filtered on a unit or a work area asks for that list itself.
 */
@Singleton
class StoreSnapshots implements SnapshotSource {

    private final QueryService query;
    private final DeadLetters deadLetters;

    StoreSnapshots(QueryService query, DeadLetters deadLetters) {
        this.query = query;
        this.deadLetters = deadLetters;
    }

    @Override
    public ScreenMessage snapshot(int year, List<Report> recentReports) {
        Listing<pulse.model.Warning> warnings = query.warningList(ProjectFilter.all(year));
        Map<String, UnitLine> ranking = new LinkedHashMap<>();
        query.unitRanking(year).forEach(rank -> ranking.put(rank.unitId(), UnitLine.of(rank)));
        return ScreenMessage.snapshot(year, query.county(year), query.totals(year, Dimension.AREA),
                ranking, List.copyOf(warnings.page(String.valueOf(CountyWarnings.SHOWN), null).rows()),
                query.curve(GroupKey.county(year)), recentReports, deadLetters.count());
    }

    @Override
    public CountyWarnings.Shown shown(int year, String projectId) {
        try {
            return query.locatedProject(projectId, year).value()
                    .map(view -> new CountyWarnings.Shown(view.name(), view.unitId(), view.township(), view.area(),
                            ProjectSummary.asWritten(view.reasons(), view.reasonsEn())))
                    .orElse(null);
        } catch (RuntimeException e) {   // no holder now, or a peer that did not answer: never the reader's end
            return null;   // shown by its place until its next summary says more
        }
    }
}
