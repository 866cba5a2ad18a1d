package pulse.server.push;

import pulse.model.UnitRank;
import pulse.model.Warning;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pulse.model.WorkArea;
import pulse.server.operations.DeadLetters;
import pulse.server.query.QueryService;
import pulse.model.Warning;
import pulse.topology.Dimension;
import pulse.topology.GroupKey;

/**
 * The snapshot read from the topology's stores. Its red and yellow projects are those the screen
 * can show: the screen lists the {@value #SHOWN} furthest behind, of the county or of the work area
 * or unit it is filtered on. A province has thousands of them, and sending every one to every
 * screen ran a server with 1,000 screens out of memory.
 */
@Singleton
class StoreSnapshots implements SnapshotSource {

    private final QueryService query;
    private final DeadLetters deadLetters;

    StoreSnapshots(QueryService query, DeadLetters deadLetters) {
        this.query = query;
        this.deadLetters = deadLetters;
    }

    static final int SHOWN = 8;

    /** Of warnings sorted worst first: the first {@value #SHOWN} overall, of each unit and of each work area. */
    static List<Warning> shown(List<Warning> worstFirst) {
        Map<String, Integer> perUnit = new HashMap<>();
        Map<WorkArea, Integer> perArea = new EnumMap<>(WorkArea.class);
        List<Warning> shown = new ArrayList<>();
        for (Warning warning : worstFirst) {
            int ofUnit = perUnit.merge(warning.unitId(), 1, Integer::sum);
            int ofArea = perArea.merge(warning.area(), 1, Integer::sum);
            if (shown.size() < SHOWN || ofUnit <= SHOWN || ofArea <= SHOWN) {
                shown.add(warning);
            }
        }
        return shown;
    }

    @Override
    public ScreenMessage snapshot(int year, List<Report> recentReports) {
        return ScreenMessage.snapshot(year, query.county(year), query.totals(year, Dimension.AREA),
                query.unitRanking(year), shown(query.warnings(year)), query.curve(GroupKey.county(year)),
                recentReports, deadLetters.count());
    }
}
