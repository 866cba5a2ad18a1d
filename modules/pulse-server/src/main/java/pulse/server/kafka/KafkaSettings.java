package pulse.server.kafka;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Where Kafka is and how Pulse's topics and streams are set up ({@code pulse.*} in application.yml;
 * Kafka Streams' fixed settings are {@code kafka.streams.default.*}).
 */
@Singleton
public record KafkaSettings(
        @Value("${pulse.bootstrap-servers:}") String bootstrapServers,
        @Value("${pulse.data-dir:./data}") String dataFolder,
        @Value("${pulse.application-id:pulse}") String applicationId,
        @Value("${pulse.embedded.host:localhost}") String embeddedHost,
        @Value("${pulse.embedded.port:9092}") int embeddedPort,
        @Value("${pulse.embedded.controller-port:9093}") int embeddedControllerPort,
        @Value("${pulse.topics.partitions:6}") int partitions,
        @Value("${pulse.topics.replication-factor:-1}") int replicationFactor,
        @Value("${pulse.streams.num-standby-replicas:-1}") int standbyReplicasSetting,
        @Value("${pulse.streams.num-stream-threads:0}") int streamThreadsSetting,
        @Value("${pulse.streams.day-check-seconds:1}") long dayCheckSeconds,
        @Value("${pulse.advertised-address:}") String advertisedAddress,
        @Value("${pulse.kafka-client-config:}") String clientConfigFile) {

    /** Standby replicas of the state: 1 on a cluster (fail-over in seconds), 0 on the embedded broker, unless set. */
    public int standbyReplicas() {
        if (standbyReplicasSetting >= 0) {
            return standbyReplicasSetting;
        }
        return embedded() ? 0 : 1;
    }

    /** True when no cluster is named: the server starts its own single-node broker. */
    public boolean embedded() {
        return bootstrapServers.isBlank();
    }

    /**
     * Stream threads: as set, else one per core up to the partitions (a thread beyond them would
     * have no task). One thread was the bottleneck of a 2-core machine: CPU-bound while the
     * other core had room.
     */
    public int streamThreads() {
        if (streamThreadsSetting > 0) {
            return streamThreadsSetting;
        }
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), partitions));
    }

    /** True when this server is one of several: reads are routed to the instance that holds the key. */
    public boolean routed() {
        return !advertisedAddress.isBlank();
    }

    /** The folder holding the embedded broker's log and the Streams state. */
    public Path dataDir() {
        return Path.of(dataFolder);
    }
}
