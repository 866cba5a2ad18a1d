package pulse.server.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Properties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pulse.broker.EmbeddedBroker;
import pulse.topology.Topics;

/**
 * The Kafka that Pulse talks to: an external cluster when {@code KAFKA_BOOTSTRAP_SERVERS} is set,
 * else a single-node broker started here with its log under the data folder. Either way Pulse's
 * topics exist once this is built.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    /** The largest record Pulse writes: a province's closed period, compressed. */
    public static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

    private final String bootstrapServers;
    private final Map<String, Object> security;
    private final EmbeddedBroker embedded;

    private KafkaCluster(String bootstrapServers, Map<String, Object> security, EmbeddedBroker embedded) {
        this.bootstrapServers = bootstrapServers;
        this.security = Map.copyOf(security);
        this.embedded = embedded;
    }

    public static KafkaCluster connect(KafkaSettings settings) {
        KafkaCluster cluster;
        if (settings.bootstrapServers().isBlank()) {
            Path logDir = settings.dataDir().resolve("kafka");
            EmbeddedBroker broker = EmbeddedBroker.start(logDir, settings.embeddedHost(), settings.embeddedPort(),
                    settings.embeddedControllerPort(), Map.of());
            cluster = new KafkaCluster(broker.bootstrapServers(), Map.of(), broker);
        } else {
            cluster = new KafkaCluster(settings.bootstrapServers().strip(), clientConfig(settings), null);
            LOG.info("Using the Kafka cluster at {}", cluster.bootstrapServers);
        }
        try {
            cluster.createTopics(settings);
            cluster.requireEventsKeptForever();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * What every client of Pulse's (producer, Streams, consumers, admin) needs to connect: the
     * bootstrap servers, plus the settings of the client configuration file when one is given
     * (e.g. {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}).
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(security);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /**
     * For a consumer that follows a topic as it is written: fetches whose answers stay well under
     * half of a G1 region (512 KB at the smallest region, 1 MB). A consumer reads each answer
     * into one array, up to 50 MB by default; G1 places an array of half a region or more outside
     * the young generation, and such an allocation, once the heap is filled to its threshold,
     * starts a concurrent marking cycle. Under load the stream threads' and the push reader's
     * answers of about a megabyte did so 46 times in a three-minute run of the benchmark.
     */
    public static Map<String, Object> fetchesBelowHumongous() {
        return Map.of(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 256 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 128 * 1024);
    }

    /** Reads {@code PULSE_KAFKA_CLIENT_CONFIG}, a Kafka client properties file, as Kafka's own tools take it. */
    private static Map<String, Object> clientConfig(KafkaSettings settings) {
        if (settings.clientConfigFile().isBlank()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(settings.clientConfigFile()))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the Kafka client configuration " + settings.clientConfigFile()
                    + " (PULSE_KAFKA_CLIENT_CONFIG): " + e.getMessage(), e);
        }
        Map<String, Object> config = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
        config.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        return config;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Creates Pulse's topics where they are missing; existing ones are left as they are. */
    private void createTopics(KafkaSettings settings) {
        Optional<Short> replication = settings.replicationFactor() > 0
                ? Optional.of((short) settings.replicationFactor()) : Optional.empty();
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(Topics.EVENTS.name(), Optional.of(settings.partitions()), replication)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1")));
        topics.add(new NewTopic(Topics.DEAD_LETTERS.name(), Optional.of(1), replication)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
        for (String table : List.of(Topics.ACCOUNTS.name(), Topics.PERIODS.name(), Topics.REMINDERS.name())) {
            topics.add(new NewTopic(table, Optional.of(1), replication)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_RECORD_BYTES))));
        }
        topics.add(new NewTopic(Topics.AUDIT.name(), Optional.of(1), replication)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(400).toMillis()))));
        Map<String, String> projects = new HashMap<>(Topics.SMALL_SEGMENTS);
        projects.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        topics.add(new NewTopic(Topics.PROJECTS.name(), Optional.of(settings.partitions()), replication).configs(projects));
        try (Admin admin = Admin.create(clientConfig())) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                    LOG.info("Created topic {} with {} partitions", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic.name() + " on "
                                + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /**
     * {@code pulse.events} is the system of record: every total is derived from it, a closed month is
     * recounted from it, the audit trail is read from it. A topic made by someone else with a finite
     * retention, or compacted, would lose events silently; Pulse refuses to start on it and says how
     * to fix it.
     */
    private void requireEventsKeptForever() {
        ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.EVENTS.name());
        try (Admin admin = Admin.create(clientConfig())) {
            Config config = admin.describeConfigs(List.of(events)).all().get().get(events);
            List<String> wrong = new ArrayList<>();
            for (String forever : List.of(TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG)) {
                String value = config.get(forever).value();
                if (!"-1".equals(value)) {
                    wrong.add(forever + "=" + value + " (expected -1)");
                }
            }
            String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                wrong.add(TopicConfig.CLEANUP_POLICY_CONFIG + "=" + policy + " (expected delete)");
            }
            if (!wrong.isEmpty()) {
                throw new IllegalStateException(Topics.EVENTS.name() + " on " + bootstrapServers + " would lose events: "
                        + String.join(", ", wrong) + ". It is Pulse's system of record and must keep every event. Fix it with"
                        + " kafka-configs.sh --bootstrap-server " + bootstrapServers + " --alter --entity-type topics"
                        + " --entity-name " + Topics.EVENTS.name()
                        + " --add-config retention.ms=-1,retention.bytes=-1,cleanup.policy=delete");
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the configuration of " + Topics.EVENTS.name() + " on "
                    + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the configuration of " + Topics.EVENTS.name(), e);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
