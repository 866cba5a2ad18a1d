package pulse.server.kafka;

import io.micronaut.context.annotation.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.rules.RuleSettings;
import pulse.topology.OpenProjectStores;
import pulse.topology.ProjectState;
import pulse.topology.ProjectStore;
import pulse.topology.PulseTopology;

/**
 * Runs Pulse's topology for the life of the server and gives access to its state stores, or says
 * plainly that they cannot be read right now.
 */
@Context
public class StreamsRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final KafkaStreams streams;
    private final OpenProjectStores openProjects = new OpenProjectStores();

    private final KafkaSettings settings;

    StreamsRunner(KafkaCluster cluster, KafkaSettings settings, Clock clock, RuleSettings rules, MeterRegistry meters) {
        this.settings = settings;
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.putAll(cluster.clientConfig());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.dataDir().resolve("streams").toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
        if (settings.routed()) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.advertisedAddress());
        }
        props.put(StreamsConfig.producerPrefix("acks"), "all");
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        props.put(BoundedRocksDb.MEMORY_BYTES, settings.rocksDbMemoryMb() * 1024 * 1024);
        // Static membership: a restarted server takes its partitions back at once instead of
        // waiting for its old self's session to time out.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId(settings.dataDir()));
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 15_000);
        streams = new KafkaStreams(
                PulseTopology.build(clock, rules, Duration.ofSeconds(settings.dayCheckSeconds()), openProjects), props);
        // Kafka Streams' own metrics (process, poll and commit ratios and latencies, lag, per thread and
        // task) on /prometheus beside Pulse's: what an operator needs to see where the time goes.
        new KafkaStreamsMetrics(streams).bindTo(meters);
        streams.setStateListener((now, before) -> LOG.info("Kafka Streams {} -> {}", before, now));
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("A stream thread failed; replacing it", error);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        streams.start();
    }

    /** This server's identity in the consumer group, kept in its data folder so it survives restarts. */
    static String instanceId(Path dataDir) {
        Path file = dataDir.resolve("instance-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(dataDir);
            String id = "pulse-" + UUID.randomUUID();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + file, e);
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
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

    /** Stops processing; reads answer 503 from then on. Called when the server shuts down. */
    @PreDestroy
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
