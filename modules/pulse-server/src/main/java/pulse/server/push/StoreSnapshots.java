package pulse.server.push;

import jakarta.inject.Singleton;
import java.util.List;
import pulse.server.operations.DeadLetters;
import pulse.server.query.QueryService;
import pulse.topology.Dimension;

/** The snapshot read from the topology's stores. */
@Singleton
class StoreSnapshots implements SnapshotSource {

    private final QueryService query;
    private final DeadLetters deadLetters;

    StoreSnapshots(QueryService query, DeadLetters deadLetters) {
        this.query = query;
        this.deadLetters = deadLetters;
    }

    @Override
    public ScreenMessage snapshot(List<Report> recentReports) {
        return ScreenMessage.snapshot(query.county(), query.totals(Dimension.AREA), query.unitRanking(),
                query.warnings(), query.curve(Dimension.COUNTY, Dimension.COUNTY_KEY), recentReports,
                deadLetters.count());
    }
}
