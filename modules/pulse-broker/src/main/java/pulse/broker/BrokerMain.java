package pulse.broker;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Kafka node (KRaft, broker and controller) as its own process, for docker/ and the
 * system tests. Configured from the environment: every {@code KAFKA_<NAME>} variable becomes the
 * property {@code <name>} ({@code KAFKA_MIN_INSYNC_REPLICAS=2} → {@code min.insync.replicas=2}),
 * except {@code KAFKA_CLUSTER_ID}, which every node of one cluster must share.
 *
 * <p>Unset, the advertised listener is this host's own address on port 9092, so containers and the
 * host that runs them can all reach it.
 */
public final class BrokerMain {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerMain.class);

    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        Properties props = fromEnvironment(System.getenv(), java.net.InetAddress.getLocalHost().getHostAddress());
        String clusterId = System.getenv().getOrDefault("KAFKA_CLUSTER_ID", Uuid.randomUuid().toString());
        KafkaRaftServer server = EmbeddedBroker.startNode(props, clusterId);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
        LOG.info("Kafka node {} started, advertising {}", props.get("node.id"), props.get("advertised.listeners"));
        server.awaitShutdown();
    }

    static Properties fromEnvironment(Map<String, String> env, String ownAddress) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("listeners", "PLAINTEXT://0.0.0.0:9092,CONTROLLER://0.0.0.0:9093");
        props.put("advertised.listeners", "PLAINTEXT://" + ownAddress + ":9092");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.quorum.voters", "1@localhost:9093");
        props.put("log.dirs", "/data/kafka");
        props.put("auto.create.topics.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !name.equals("KAFKA_CLUSTER_ID") && !name.equals("KAFKA_OPTS")
                    && !name.equals("KAFKA_HEAP_OPTS")) {
                props.put(name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return props;
    }
}
