package pulse.server.ingest;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import pulse.model.ProjectView;
import pulse.server.query.QueryService;

/**
 * What the write path needs to know of registered projects: their unit and what they reported.
 * The projects store is the truth; registrations this server has just had acknowledged are
 * remembered too, so that a unit can report right after registering, before the topology has
 * caught up.
 */
@Singleton
class KnownProjects {

    private final QueryService query;
    private final Map<String, String> justRegistered = new ConcurrentHashMap<>();

    KnownProjects(QueryService query) {
        this.query = query;
    }

    void registered(String projectId, String unitId) {
        justRegistered.put(projectId, unitId);
    }

    /** A view of the projects for one request: each is looked up (perhaps on another instance) at most once. */
    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {

        private final Map<String, Optional<ProjectView>> views = new HashMap<>();

        private Lookup() {}

        Optional<String> unitOf(String projectId) {
            String recent = justRegistered.get(projectId);
            if (recent != null) {
                return Optional.of(recent);
            }
            return view(projectId).map(ProjectView::unitId);
        }

        /** The figure reported before for that month, if any. */
        Optional<java.math.BigDecimal> reportedBefore(String projectId, String period) {
            return view(projectId).map(view -> view.months().get(period));
        }

        private Optional<ProjectView> view(String projectId) {
            return views.computeIfAbsent(projectId, query::project);
        }
    }
}
