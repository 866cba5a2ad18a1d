package pulse.server.ingest;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import pulse.server.query.QueryService;

/**
 * Which unit a registered project belongs to, for the write path. The projects store is the
 * truth; registrations this server has just had acknowledged are remembered too, so that a unit
 * can report right after registering, before the topology has caught up.
 */
@Singleton
class KnownProjects {

    private final QueryService query;
    private final Map<String, String> justRegistered = new ConcurrentHashMap<>();

    KnownProjects(QueryService query) {
        this.query = query;
    }

    Optional<String> unitOf(String projectId) {
        String recent = justRegistered.get(projectId);
        if (recent != null) {
            return Optional.of(recent);
        }
        return query.project(projectId).map(view -> view.unitId());
    }

    /** The figure reported before for that month, if any. */
    Optional<java.math.BigDecimal> reportedBefore(String projectId, String period) {
        return query.project(projectId).map(view -> view.months().get(period));
    }

    void registered(String projectId, String unitId) {
        justRegistered.put(projectId, unitId);
    }
}
