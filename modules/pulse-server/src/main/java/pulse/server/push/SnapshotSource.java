package pulse.server.push;

import jakarta.inject.Singleton;
import java.util.List;
import pulse.server.query.QueryService;
import pulse.topology.Dimension;

/** Everything the screen shows, read from the stores, for a screen that connects. */
@Singleton
class SnapshotSource {

    private final QueryService query;

    SnapshotSource(QueryService query) {
        this.query = query;
    }

    ScreenMessage snapshot(List<Report> recentReports) {
        return ScreenMessage.snapshot(query.county(), query.totals(Dimension.AREA), query.unitRanking(),
                query.warnings(), query.curve(Dimension.COUNTY, Dimension.COUNTY_KEY), recentReports);
    }
}
