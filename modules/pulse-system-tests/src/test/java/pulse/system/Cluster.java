package pulse.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * Three Kafka nodes (replication factor 3, min.insync.replicas 2) and Pulse servers, each in its
 * own container on one Docker network, from the images this build made (never pulled).
 */
final class Cluster implements AutoCloseable {

    static final String TAG = System.getProperty("pulse.image.tag", "test");
    static final DockerImageName BROKER = DockerImageName.parse("pulse-broker:" + TAG);
    static final DockerImageName SERVER = DockerImageName.parse("pulse-server:" + TAG);
    private static final String CLUSTER_ID = "slfdm6YPWeWzGN0JIz60aw";
    private static final String VOTERS = "1@broker1:9093,2@broker2:9093,3@broker3:9093";

    final Network network = Network.newNetwork();
    // Read by the report writer's thread while the test starts and stops containers.
    final Map<Integer, GenericContainer<?>> brokers = new ConcurrentSkipListMap<>();
    final Map<String, GenericContainer<?>> servers = new ConcurrentSkipListMap<>();

    static boolean imagesPresent() {
        try {
            var docker = DockerClientFactory.instance().client();
            docker.inspectImageCmd(BROKER.asCanonicalNameString()).exec();
            docker.inspectImageCmd(SERVER.asCanonicalNameString()).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void startBrokers() {
        for (int node = 1; node <= 3; node++) {
            brokers.put(node, broker(node));
        }
        Startables.deepStart(brokers.values()).join();
    }

    GenericContainer<?> broker(int node) {
        return new GenericContainer<>(BROKER)
                .withNetwork(network)
                .withNetworkAliases("broker" + node)
                .withEnv("KAFKA_NODE_ID", String.valueOf(node))
                .withEnv("KAFKA_CLUSTER_ID", CLUSTER_ID)
                .withEnv("KAFKA_CONTROLLER_QUORUM_VOTERS", VOTERS)
                .withEnv("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "2")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                .withEnv("KAFKA_HEAP_OPTS", "-Xmx384m")
                .withEnv("JAVA_TOOL_OPTIONS", QuickStart.joined(""))
                .withLogConsumer(ContainerLogs.toFile("broker" + node))
                .waitingFor(Wait.forLogMessage(".*Kafka node " + node + " started.*", 1)
                        .withStartupTimeout(Duration.ofMinutes(3)));
    }

    /** Restarts a killed node in a new container on the same network name (its log starts empty and is replicated back). */
    void restartBroker(int node) {
        GenericContainer<?> broker = broker(node);
        brokers.put(node, broker);
        broker.start();
    }

    /** A Kafka bootstrap address the test itself can use: the nodes advertise their bridge addresses. */
    String bootstrapFromHost() {
        return brokers.values().stream().filter(GenericContainer::isRunning)
                .map(broker -> broker.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next()
                        .getIpAddress() + ":9092")
                .collect(Collectors.joining(","));
    }

    static final String ADMIN_PASSWORD = "admin-password-of-the-system-tests";

    private GenericContainer<?> server(String name) {
        return new GenericContainer<>(SERVER)
                .withNetwork(network)
                .withNetworkAliases(name)
                .withEnv("KAFKA_BOOTSTRAP_SERVERS", "broker1:9092,broker2:9092,broker3:9092")
                .withEnv("PULSE_ADVERTISED_ADDRESS", name + ":8080")
                .withEnv("PULSE_TODAY", "2022-06-30")
                .withEnv("PULSE_STANDBY_REPLICAS", "1")
                .withEnv("PULSE_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .withEnv("PULSE_JWT_SECRET", "a-secret-shared-by-the-servers-of-the-system-tests")
                .withEnv("JAVA_OPTS", QuickStart.joined("-Xmx384m"))
                .withExposedPorts(8080)
                .withLogConsumer(ContainerLogs.toFile(name))
                .waitingFor(Wait.forHttp("/health").forPort(8080).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
    }

    /**
     * Starts those of {@code names} that are not running, side by side, and returns once each is
     * healthy: a test says what it needs instead of counting on what the one before left.
     */
    void ensureServers(String... names) {
        Map<String, GenericContainer<?>> starting = new java.util.LinkedHashMap<>();
        for (String name : names) {
            GenericContainer<?> server = servers.get(name);
            if (server == null || !server.isRunning()) {
                starting.put(name, server(name));
            }
        }
        Startables.deepStart(starting.values()).join();
        servers.putAll(starting);
    }

    /** Stops every running server but {@code kept} (a clean stop). */
    void stopServersOtherThan(String kept) {
        servers.forEach((name, server) -> {
            if (!name.equals(kept) && server.isRunning()) {
                server.stop();
            }
        });
    }

    /** {@code docker kill}: the process gets no chance to leave its group or close anything. */
    void kill(GenericContainer<?> container) {
        DockerClientFactory.instance().client().killContainerCmd(container.getContainerId()).exec();
        container.stop();
    }

    String url(String server) {
        GenericContainer<?> container = servers.get(server);
        return "http://" + container.getHost() + ":" + container.getMappedPort(8080);
    }

    List<String> runningServers() {
        List<String> running = new ArrayList<>();
        servers.forEach((name, container) -> {
            if (container.isRunning()) {
                running.add(name);
            }
        });
        return running;
    }

    @Override
    public void close() {
        servers.values().forEach(GenericContainer::stop);
        brokers.values().forEach(GenericContainer::stop);
        network.close();
    }
}
