package pulse.server.kafka;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.configuration.kafka.streams.event.BeforeKafkaStreamStart;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanPreDestroyEvent;
import io.micronaut.context.event.BeanPreDestroyEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.KStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.rules.RuleSettings;
import pulse.topology.OpenProjectStores;
import pulse.topology.PulseTopology;

/**
 * Pulse's topology for Micronaut's Kafka Streams support (micronaut-kafka-streams), which builds it,
 * starts it with the context and closes it with the context. Its fixed settings are
 * {@code kafka.streams.default.*} in application.yml, its connection Pulse's
 * ({@link MicronautKafkaConnection}); this adds what follows from the data folder, the machine and
 * the instance's place in a cluster.
 */
@Factory
@KafkaBacked
class TopologyFactory implements ApplicationEventListener<BeforeKafkaStreamStart>,
        BeanPreDestroyEventListener<KafkaCluster> {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyFactory.class);

    /** What micronaut-kafka-streams started, each with its builder (and so its {@code close-timeout}). */
    private final KafkaStreamsFactory streamsFactory;

    TopologyFactory(KafkaStreamsFactory streamsFactory) {
        this.streamsFactory = streamsFactory;
    }

    @Singleton
    OpenProjectStores openProjectStores() {
        return new OpenProjectStores();
    }

    @Singleton
    KStream<String, ?> pulseTopology(ConfiguredStreamBuilder builder, KafkaSettings settings,
            Clock clock, RuleSettings rules, OpenProjectStores open) {
        Properties config = builder.getConfiguration();   // the connection is in it (MicronautKafkaConnection)
        config.put(StreamsConfig.STATE_DIR_CONFIG, settings.dataDir().resolve("streams").toAbsolutePath().toString());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.streamThreads());
        if (settings.routed()) {
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.advertisedAddress());
        }
        // Static membership: a restarted server takes its partitions back at once instead of
        // waiting for its old self's session to time out.
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId(settings.dataDir()));
        // The main consumer only: the restore consumer reads a changelog once, at start, as fast as it can.
        KafkaCluster.fetchesBelowHumongous().forEach((name, value) -> config.put(StreamsConfig.mainConsumerPrefix(name), value));
        // Its interceptor runs the stream threads below the threads that answer requests.
        config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG), StreamThreadPriority.class.getName());
        return PulseTopology.define(builder, clock, rules, Duration.ofSeconds(settings.dayCheckSeconds()), open);
    }

    /** The state's changes in the log: they say when reads open and close. */
    @Override
    public void onApplicationEvent(BeforeKafkaStreamStart event) {
        event.getKafkaStreams().setStateListener((now, before) -> LOG.info("Kafka Streams {} -> {}", before, now));
    }

    /**
     * Closes Kafka Streams before the connection goes (the embedded broker stops with it): Micronaut
     * orders its shutdown by what each bean's constructor takes, and micronaut-kafka-streams' factory,
     * which would close it otherwise, takes no broker. Stream threads whose broker has gone wait out
     * the whole close timeout. The factory's close then finds nothing left to do.
     */
    @Override
    public KafkaCluster onPreDestroy(BeanPreDestroyEvent<KafkaCluster> event) {
        streamsFactory.getStreams().forEach((streams, builder) -> streams.close(builder.getCloseTimeout()));
        return event.getBean();
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
}
