package pulse.server.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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

    private final String bootstrapServers;
    private final EmbeddedBroker embedded;

    private KafkaCluster(String bootstrapServers, EmbeddedBroker embedded) {
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
    }

    public static KafkaCluster connect(KafkaSettings settings) {
        KafkaCluster cluster;
        if (settings.bootstrapServers().isBlank()) {
            Path logDir = settings.dataDir().resolve("kafka");
            EmbeddedBroker broker = EmbeddedBroker.start(logDir, settings.embeddedHost(), settings.embeddedPort(),
                    settings.embeddedControllerPort(), Map.of());
            cluster = new KafkaCluster(broker.bootstrapServers(), broker);
        } else {
            cluster = new KafkaCluster(settings.bootstrapServers().strip(), null);
            LOG.info("Using the Kafka cluster at {}", cluster.bootstrapServers);
        }
        try {
            cluster.createTopics(settings);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public String bootstrapServers() {
        return bootstrapServers;
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
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
        for (String compacted : List.of(Topics.TOTALS.name(), Topics.PROJECTS.name())) {
            topics.add(new NewTopic(compacted, Optional.of(settings.partitions()), replication)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                    LOG.info("Created topic {} with {} partitions", topic.name(), settings.partitions());
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

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
