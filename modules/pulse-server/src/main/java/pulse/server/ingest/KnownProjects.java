package pulse.server.ingest;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import pulse.model.ProjectView;
import pulse.model.Payload.ProjectRegistered;
import pulse.model.PulseEvent;
import pulse.rules.RuleSettings;
import pulse.server.PulseClock;
import pulse.topology.ProjectEvaluator;
import pulse.topology.ProjectState;

/**
 * The projects as the write path checks events against them: their state from the
 * {@link ProjectDirectory}, and registrations this server has just had acknowledged, so that a
 * unit can report right after registering, before the topology has caught up.
 */
@Singleton
class KnownProjects {

    private final ProjectDirectory directory;
    private final ProjectEvaluator evaluator;
    private final PulseClock clock;
    /** Acknowledged here and not yet read back from the directory; dropped once it has them. */
    private final Map<String, ProjectState> justRegistered = new ConcurrentHashMap<>();

    KnownProjects(ProjectDirectory directory, RuleSettings rules, PulseClock clock) {
        this.directory = directory;
        this.evaluator = new ProjectEvaluator(rules);
        this.clock = clock;
    }

    void registered(PulseEvent registration) {
        justRegistered.put(registration.projectId(), ProjectState.empty(registration.projectId()).apply(registration));
    }

    /** The projects for one request: each is read at most once, and the request's own events count as they are checked. */
    Lookup lookup() {
        return new Lookup();
    }

    final class Lookup {

        /** As read without waiting, before this request. */
        private final Map<String, Optional<ProjectState>> peeked = new HashMap<>();
        /** As read once the topology had caught up, for projects it did not know at first. */
        private final Map<String, Optional<ProjectState>> awaited = new HashMap<>();
        /** With this request's events checked so far. */
        private final Map<String, Checked> current = new HashMap<>();

        private Lookup() {}

        /** The registered project as this request's earlier events left it; empty when it is not registered. */
        Optional<ProjectState> find(String projectId) {
            Checked here = current.get(projectId);
            return here != null ? Optional.of(here.state()).filter(ProjectState::registered) : before(projectId, true);
        }

        /** An event of this request passed the checks: later ones see the project with it. */
        void accepted(PulseEvent event) {
            String projectId = event.projectId();
            Checked here = current.get(projectId);
            if (here == null) {
                // A registration needs no earlier state, and does not wait for one.
                here = new Checked(before(projectId, !(event.payload() instanceof ProjectRegistered))
                        .orElseGet(() -> ProjectState.empty(projectId)));
                current.put(projectId, here);
            }
            here.events.add(event);
        }

        /** The project's view in {@code year} (null: of the year of today, else its nearest) as it was before this request. */
        Optional<ProjectView> viewBefore(String projectId, Integer year) {
            return before(projectId, false).map(state -> evaluator.viewFor(state, year, clock.today()));
        }

        /**
         * The project before this request; when it is not known yet and {@code wait}, as read once
         * the topology has processed what was written for it before.
         */
        private Optional<ProjectState> before(String projectId, boolean wait) {
            Optional<ProjectState> now = peeked.computeIfAbsent(projectId, this::peek);
            return now.isPresent() || !wait ? now : awaited.computeIfAbsent(projectId, directory::findOnceCaughtUp);
        }

        /**
         * A project as this request found it and the events of this request accepted for it since,
         * applied only when a later event of the same project asks: a batch names most projects
         * once, and folding each event into a copy of its state was 7% of what the write path allocated.
         */
        private static final class Checked {
            private ProjectState state;
            private final List<PulseEvent> events = new ArrayList<>(2);

            Checked(ProjectState before) {
                this.state = before;
            }

            ProjectState state() {
                for (PulseEvent event : events) {
                    state = state.apply(event);
                }
                events.clear();
                return state;
            }
        }

        private Optional<ProjectState> peek(String projectId) {
            Optional<ProjectState> state = directory.peek(projectId);
            if (state.isPresent()) {
                justRegistered.remove(projectId);
                return state;
            }
            return Optional.ofNullable(justRegistered.get(projectId));
        }
    }
}
