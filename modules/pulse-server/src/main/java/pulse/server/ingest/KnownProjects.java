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
    private final ProcessedPosition processed;
    private final Map<String, Known> justRegistered = new ConcurrentHashMap<>();

    /** What the write path checks a report against: the project's unit and its first plan year. */
    record Known(String unitId, int startYear) {}

    KnownProjects(QueryService query, ProcessedPosition processed) {
        this.query = query;
        this.processed = processed;
    }

    void registered(String projectId, String unitId, int startYear) {
        justRegistered.put(projectId, new Known(unitId, startYear));
    }

    /** A view of the projects for one request: each is looked up (perhaps on another instance) at most once. */
    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {

        private final Map<String, Optional<ProjectView>> views = new HashMap<>();
        private final Map<String, Optional<ProjectView>> yearViews = new HashMap<>();

        private Lookup() {}

        Optional<Known> find(String projectId) {
            Known recent = justRegistered.get(projectId);
            if (recent != null) {
                return Optional.of(recent);
            }
            Optional<ProjectView> view = view(projectId);
            if (view.isEmpty()) {
                // Perhaps registered but not processed yet: look again once the topology caught up.
                processed.awaitCaughtUp(projectId);
                view = query.project(projectId);
                views.put(projectId, view);
            }
            return view.map(found -> new Known(found.unitId(), found.startYear()));
        }

        /** The milestones the project has reached, with their dates. */
        java.util.Map<pulse.model.Milestone, java.time.LocalDate> reached(String projectId) {
            java.util.Map<pulse.model.Milestone, java.time.LocalDate> reached = new java.util.EnumMap<>(pulse.model.Milestone.class);
            view(projectId).ifPresent(view -> view.milestones().forEach((milestone, dates) -> {
                if (dates.reached() != null) {
                    reached.put(milestone, dates.reached());
                }
            }));
            return reached;
        }

        /** The figure reported before for that month, if any. */
        Optional<java.math.BigDecimal> reportedBefore(String projectId, String period) {
            return view(projectId).map(view -> view.months().get(period));
        }

        /** The project in {@code year} (its registration's or a plan's year), as the read side has it. */
        Optional<ProjectView> viewIn(String projectId, int year) {
            // The view already read for this project is usually this year's: no second read of the store.
            Optional<ProjectView> read = views.get(projectId);
            if (read != null && read.isPresent() && read.get().year() == year) {
                return read;
            }
            return yearViews.computeIfAbsent(projectId + "/" + year, key -> query.locatedProject(projectId, year).value());
        }

        /** The project as the read side has it now (any year's view holds every month and milestone). */
        Optional<ProjectView> view(String projectId) {
            return views.computeIfAbsent(projectId, query::project);
        }
    }
}
