package pulse.server.kafka;

import io.micronaut.context.annotation.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.Collection;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import pulse.topology.OpenProjectStores;
import pulse.topology.ProjectState;
import pulse.topology.ProjectStore;

/**
 * Pulse's running topology as the server reads it: its state, its stores (or, plainly, that they
 * cannot be read right now) and where each key lives. Micronaut's Kafka Streams support builds,
 * starts and closes it ({@link TopologyFactory}).
 */
@Context
@KafkaBacked
public class TopologyStores {

    private final KafkaStreams streams;
    private final OpenProjectStores openProjects;
    private final KafkaSettings settings;

    TopologyStores(KafkaStreams streams, OpenProjectStores openProjects, KafkaSettings settings, MeterRegistry meters) {
        this.streams = streams;
        this.openProjects = openProjects;
        this.settings = settings;
        // Kafka Streams' own metrics (process, poll and commit ratios and latencies, lag, per thread and
        // task) on /prometheus beside Pulse's: what an operator needs to see where the time goes.
        new KafkaStreamsMetrics(streams).bindTo(meters);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Stops processing on this instance ({@link KafkaStreams#pause}): its stream threads keep their
     * partitions, stores and group membership, and commit what they had done; events go on being
     * accepted and kept on {@code pulse.events}, and are processed once {@link #resume}d.
     */
    public void pause() {
        streams.pause();
    }

    public void resume() {
        streams.resume();
    }

    public boolean isPaused() {
        return streams.isPaused();
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /**
     * A local store to read, limited to one partition when {@code partition} is not null;
     * {@link StoreUnavailableException} while starting, rebalancing or restoring. A {@code stale}
     * read also accepts a standby's copy, and a store that is restoring or rebalancing.
     */
    private <T> T store(String name, QueryableStoreType<T> type, Integer partition, boolean stale) {
        KafkaStreams.State state = streams.state();
        boolean readable = state == KafkaStreams.State.RUNNING || (stale && state == KafkaStreams.State.REBALANCING);
        if (!readable) {
            throw new StoreUnavailableException("Kafka Streams is " + state);
        }
        StoreQueryParameters<T> query = StoreQueryParameters.fromNameAndType(name, type);
        if (partition != null) {
            query = query.withPartition(partition);
        }
        if (stale) {
            query = query.enableStaleStores();
        }
        try {
            return streams.store(query);
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store " + name + " is not queryable here: " + e.getMessage());
        }
    }

    /**
     * Reads a local store ({@link #store}) with
     * {@code read}: a store handed out can still go away while it is read (its task moves to another
     * thread, a failed thread is replaced), and that too is a {@link StoreUnavailableException}, not an error.
     */
    public <T, R> R read(String name, QueryableStoreType<T> type, Integer partition, boolean stale,
            java.util.function.Function<T, R> read) {
        T store = store(name, type, partition, stale);
        try {
            return read.apply(store);
        } catch (InvalidStateStoreException e) {
            throw new StoreUnavailableException("store " + name + " went away while read: " + e.getMessage());
        }
    }

    /**
     * One project's state from the projects store of {@code partition} (null: any local one); null
     * when it holds no such project. An active read of a partition this instance is processing goes
     * straight to the store its task opened ({@link OpenProjectStores}); any other through {@link #read}.
     */
    public ProjectState project(String projectId, Integer partition, boolean stale) {
        if (partition != null && !stale && streams.state() == KafkaStreams.State.RUNNING) {
            ReadOnlyKeyValueStore<String, ProjectState> open = openProjects.of(partition);
            if (open != null) {
                try {
                    return open.get(projectId);
                } catch (InvalidStateStoreException e) {
                    // its task is closing: Kafka Streams says where the partition is now
                }
            }
        }
        return read(ProjectStore.NAME, QueryableStoreTypes.<String, ProjectState>keyValueStore(), partition,
                stale, store -> store.get(projectId));
    }

    /** The projects stores this instance's tasks are processing, and how far each has processed. */
    public OpenProjectStores openProjects() {
        return openProjects;
    }

    /** Which instance holds {@code key} of {@code store}, and which keep a standby copy. */
    public KeyQueryMetadata metadataFor(String store, String key) {
        return streams.queryMetadataForKey(store, key, new StringSerializer());
    }

    /**
     * The partition of {@code pulse.events}, and so of the projects store, that holds {@code key}
     * when the producer chose it the default way (murmur2 of the key, as Pulse's own writes do).
     */
    public int partitionOf(String key) {
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % settings.partitions();
    }

    /** Every instance of this application, this one included. */
    public Collection<StreamsMetadata> instances() {
        return streams.metadataForAllStreamsClients();
    }

    /** This instance's address as the others know it; empty when it runs alone. */
    public Optional<HostInfo> self() {
        return settings.routed() ? Optional.of(HostInfo.buildFromEndpoint(settings.advertisedAddress())) : Optional.empty();
    }

}
