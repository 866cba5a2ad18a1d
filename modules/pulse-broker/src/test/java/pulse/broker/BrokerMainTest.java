package pulse.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerMainTest {

    @Test
    void shouldTurnKafkaVariablesIntoPropertiesAndAdvertiseItsOwnAddress() {
        Properties props = BrokerMain.fromEnvironment(Map.of(
                "KAFKA_NODE_ID", "2",
                "KAFKA_CONTROLLER_QUORUM_VOTERS", "1@broker1:9093,2@broker2:9093,3@broker3:9093",
                "KAFKA_MIN_INSYNC_REPLICAS", "2",
                "KAFKA_CLUSTER_ID", "not-a-property",
                "PATH", "/usr/bin"), "172.18.0.3");

        assertThat(props).containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@broker1:9093,2@broker2:9093,3@broker3:9093")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("advertised.listeners", "PLAINTEXT://172.18.0.3:9092")
                .doesNotContainKey("cluster.id")
                .doesNotContainKey("path");
    }
}
