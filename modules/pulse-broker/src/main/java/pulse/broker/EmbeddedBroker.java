package pulse.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka node that is both controller and broker (KRaft), running inside this JVM and keeping
 * its log under a folder of ours, so that a restart on the same folder finds every record again.
 *
 * <p>It is real Kafka, not a fake: the same {@link KafkaRaftServer} that {@code kafka-server-start}
 * runs. Clients, Kafka's console tools and other programs can connect to {@link #bootstrapServers()}.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code logDir} on first use, starts the node and waits until it answers.
     *
     * @param port the client port (9092 by default in Pulse)
     * @param controllerPort the KRaft controller port, only used by this node itself
     */
    public static EmbeddedBroker start(Path logDir, String host, int port, int controllerPort, Map<String, String> overrides) {
        return start(logDir, host, port, controllerPort, overrides, Map.of());
    }

    /**
     * As {@link #start(Path, String, int, int, Map)}, for a node whose listener needs credentials
     * (e.g. SASL): {@code clientConfig} is what a client needs besides the bootstrap servers.
     */
    public static EmbeddedBroker start(Path logDir, String host, int port, int controllerPort, Map<String, String> overrides,
            Map<String, Object> clientConfig) {
        Properties props = config(logDir, host, port, controllerPort);
        props.putAll(overrides);
        KafkaRaftServer server = startNode(props, Uuid.randomUuid().toString());
        String bootstrap = host + ":" + port;
        EmbeddedBroker broker = new EmbeddedBroker(server, bootstrap);
        try {
            broker.awaitReady(Duration.ofSeconds(60), clientConfig);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("Embedded Kafka broker (KRaft) ready at {} with its log in {}", bootstrap, logDir.toAbsolutePath());
        return broker;
    }

    /**
     * Formats the node's log folder on first use (with {@code clusterId}; nodes of one cluster must
     * share it) and starts the node. Returns once it started, not once the cluster answers.
     */
    static KafkaRaftServer startNode(Properties props, String clusterId) {
        KafkaConfig config = new KafkaConfig(props, false);
        String logDir = props.getProperty("metadata.log.dir", props.getProperty("log.dirs").split(",")[0]);
        formatIfNew(Path.of(logDir), Integer.parseInt(props.getProperty("node.id")), clusterId);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return server;
    }

    static Properties config(Path logDir, String host, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic has one replica, and Kafka Streams' exactly-once works.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose, with their settings, by whoever owns them.
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    private static void formatIfNew(Path logDir, int nodeId, String clusterId) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .run();
            LOG.info("Formatted a new Kafka log folder {}", logDir.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the Kafka log folder " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log folder " + logDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout, Map<String, Object> clientConfig) {
        Properties props = new Properties();
        props.putAll(clientConfig);
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Embedded Kafka broker at " + bootstrapServers
                                + " did not answer within " + timeout, e);
                    }
                }
            }
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
