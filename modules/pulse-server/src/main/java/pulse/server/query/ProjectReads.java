package pulse.server.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import pulse.model.EventCodec;
import pulse.model.ProjectView;
import pulse.model.PulseJson;
import pulse.server.PulseClock;
import pulse.server.kafka.EventLog;
import pulse.server.kafka.StoreUnavailableException;
import pulse.server.kafka.TopologyStores;
import pulse.rules.RuleSettings;
import pulse.topology.ProjectEvaluator;
import pulse.topology.ProjectState;
import pulse.topology.ProjectStore;

/**
 * Reads of per-project state, which is partitioned across the instances. One project is read
 * where Kafka Streams says it lives (the active task's instance, else a standby's copy); a list is
 * gathered from every instance's own partitions. Running alone, everything is local.
 */
@Singleton
class ProjectReads {

    private static final String LOCAL = "local";

    private final TopologyStores streams;
    private final PeerClient peers;
    private final EventCodec codec;
    private final PulseClock clock;
    private final EventLog eventLog;
    private final ProcessedPosition processed;
    /** Views are derived from the state when read, as the topology derives them (they are not stored). */
    private final ProjectEvaluator evaluator;
    /** Which projects are in each group and light: a filtered list reads those only. */
    private final LiveTotals index;

    ProjectReads(TopologyStores streams, PeerClient peers, EventCodec codec, PulseClock clock, EventLog eventLog,
            RuleSettings rules, ProcessedPosition processed, LiveTotals index) {
        this.streams = streams;
        this.index = index;
        this.processed = processed;
        this.evaluator = new ProjectEvaluator(rules);
        this.eventLog = eventLog;
        this.peers = peers;
        this.codec = codec;
        this.clock = clock;
    }

    /** The project's view of {@code year}; null: of the year of today, else its nearest year ({@link #pick}). */
    Located<Optional<ProjectView>> project(String projectId, Integer year) {
        return atHolder(projectId, (partition, stale) -> local(projectId, year, partition, stale),
                (peer, partition, stale) -> peers.project(peer, projectId, partition, year, stale));
    }

    /** Every accepted event of the project, oldest first, each with its offset on {@code pulse.events}. */
    Located<List<JsonNode>> history(String projectId) {
        return atHolder(projectId, (partition, stale) -> localHistory(projectId, partition, stale),
                (peer, partition, stale) -> peers.history(peer, projectId, partition, stale));
    }

    /** Reads this instance's copy of a project's partition ({@code partition} null: any local one). */
    interface LocalRead<T> {
        T read(Integer partition, boolean stale);
    }

    /** Reads another instance's copy of the project's {@code partition}. */
    interface PeerRead<T> {
        T read(HostInfo peer, int partition, boolean stale);
    }

    /**
     * Reads where Kafka Streams says the project lives: the active task's instance, else a standby's
     * copy (stale). Running alone, everything is local.
     */
    private <T> Located<T> atHolder(String projectId, LocalRead<T> local, PeerRead<T> peer) {
        Optional<HostInfo> self = streams.self();
        if (self.isEmpty()) {
            return new Located<>(local.read(streams.partitionOf(projectId), false), LOCAL);
        }
        KeyQueryMetadata metadata = streams.metadataFor(ProjectStore.NAME, projectId);
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            throw new StoreUnavailableException("no instance holds project " + projectId + " right now");
        }
        List<HostInfo> holders = new ArrayList<>();
        holders.add(metadata.activeHost());
        holders.addAll(metadata.standbyHosts());
        StoreUnavailableException lastFailure = null;
        for (HostInfo holder : holders) {
            boolean stale = !holder.equals(metadata.activeHost());
            try {
                T value = holder.equals(self.get())
                        ? local.read(metadata.partition(), stale)
                        : peer.read(holder, metadata.partition(), stale);
                return new Located<>(value, holder.host() + ":" + holder.port());
            } catch (StoreUnavailableException e) {
                lastFailure = e;
            }
        }
        throw lastFailure != null ? lastFailure : new StoreUnavailableException("no instance holds " + projectId);
    }

    List<ProjectView> projects(ProjectFilter filter) {
        Optional<HostInfo> self = streams.self();
        if (self.isEmpty()) {
            return localProjects(filter);
        }
        List<ProjectView> views = new ArrayList<>();
        for (StreamsMetadata instance : streams.instances()) {
            if (instance.stateStoreNames().contains(ProjectStore.NAME)) {
                views.addAll(instance.hostInfo().equals(self.get())
                        ? localProjects(filter) : peers.projects(instance.hostInfo(), filter));
            }
        }
        return views;
    }

    /** This instance's copy of one project: {@code partition} null means any local partition. */
    Optional<ProjectView> local(String projectId, Integer year, Integer partition, boolean stale) {
        ProjectState state = state(projectId, partition, stale);
        return state == null ? Optional.empty() : Optional.ofNullable(evaluator.viewFor(state, year, clock.today()));
    }

    /** The project's state as the topology holds it, from whichever instance holds it. */
    Optional<ProjectState> state(String projectId) {
        return atHolder(projectId, (partition, stale) -> Optional.ofNullable(state(projectId, partition, stale)),
                (peer, partition, stale) -> peers.state(peer, projectId, partition, stale)).value();
    }

    /**
     * The project's state once the instance processing its partition has processed everything
     * written there before this call: only that instance can tell, so a standby's copy is no answer.
     */
    Optional<ProjectState> stateOnceCaughtUp(String projectId) {
        return atHolder(projectId,
                (partition, stale) -> Optional.ofNullable(stateOnceCaughtUp(projectId, activeOnly(projectId, stale, partition))),
                (peer, partition, stale) -> peers.stateOnceCaughtUp(activeOnly(projectId, stale, peer), projectId, partition))
                .value();
    }

    /** {@code holder} when it is the project's active instance; a standby cannot tell what is processed. */
    private static <T> T activeOnly(String projectId, boolean stale, T holder) {
        if (stale) {
            throw new StoreUnavailableException("only the instance processing " + projectId + " can tell whether it is registered");
        }
        return holder;
    }

    /** This instance's copy of the project's state, once its partition is processed here as far as it was written. */
    ProjectState stateOnceCaughtUp(String projectId, Integer partition) {
        processed.awaitCaughtUp(projectId);
        return state(projectId, partition, false);
    }

    /**
     * The project's state from the store of {@code partition}; running alone and not finding it
     * there, from every local one (a producer that partitioned pulse.events its own way, or a topic
     * with another number of partitions than configured), so a project is never missed.
     */
    ProjectState state(String projectId, Integer partition, boolean stale) {
        boolean alone = streams.self().isEmpty();
        ProjectState state = null;
        try {
            state = streams.project(projectId, partition, stale);
        } catch (StoreUnavailableException e) {
            if (!alone || partition == null) {
                throw e;
            }
        }
        if (state == null && alone && partition != null) {
            state = streams.project(projectId, null, stale);
        }
        return state;
    }

    /** One project's history: the offsets from this instance's copy of its state, the events from {@code pulse.events}. */
    List<JsonNode> localHistory(String projectId, Integer partition, boolean stale) {
        ProjectState state = state(projectId, partition, stale);
        List<JsonNode> events = new ArrayList<>();
        if (state == null) {
            return events;
        }
        for (ConsumerRecord<String, byte[]> record : eventLog.at(state.eventPartition(), state.eventOffsets())) {
            ObjectNode event = PulseJson.mapper().createObjectNode();
            event.put("offset", record.offset());
            event.setAll((ObjectNode) codec.parse(record.value(), "history"));
            events.add(event);
        }
        return events;
    }

    /**
     * The projects of this instance's active partitions that match: those the index lists for the
     * filter's groups and light, read by key, or every project when it names none of them.
     */
    List<ProjectView> localProjects(ProjectFilter filter) {
        LocalDate today = clock.today();
        // With no group or light named every project is a candidate: one pass over the store then
        // costs less than a read by key of each.
        Optional<List<String>> candidates = filter.namesAGroupOrLight() ? index.candidates(filter) : Optional.empty();
        return streams.read(ProjectStore.NAME, QueryableStoreTypes.<String, ProjectState>keyValueStore(), null,
                false, store -> {
                    List<ProjectView> views = new ArrayList<>();
                    if (candidates.isPresent()) {
                        for (String projectId : candidates.get()) {
                            add(candidate(projectId, store), filter, today, views);
                        }
                        return views;
                    }
                    try (KeyValueIterator<String, ProjectState> all = store.all()) {
                        while (all.hasNext()) {
                            add(all.next().value, filter, today, views);
                        }
                    }
                    return views;
                });
    }

    /**
     * A candidate's state from the store of its key's partition when this instance processes it
     * (one read, where asking every local store would be one per partition); from every local
     * store when running alone and not found there (a producer that partitioned its own way); null
     * when another instance holds it (that one lists it).
     */
    private ProjectState candidate(String projectId, ReadOnlyKeyValueStore<String, ProjectState> local) {
        ReadOnlyKeyValueStore<String, ProjectState> own = streams.openProjects().of(streams.partitionOf(projectId));
        boolean alone = streams.self().isEmpty();
        ProjectState state = own == null ? null : own.get(projectId);
        return state == null && alone ? local.get(projectId) : state;
    }

    private void add(ProjectState state, ProjectFilter filter, LocalDate today, List<ProjectView> views) {
        ProjectView view = state == null ? null : evaluator.viewIn(state, filter.year(), today);
        if (view != null && filter.matches(view)) {
            views.add(view);
        }
    }
}
