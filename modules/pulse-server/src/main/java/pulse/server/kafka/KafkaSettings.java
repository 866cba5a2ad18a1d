package pulse.server.kafka;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Where Kafka is and how Pulse's topics and streams are set up ({@code pulse.*} in application.yml). */
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
        @Value("${pulse.streams.processing-guarantee:exactly_once_v2}") String processingGuarantee,
        @Value("${pulse.streams.commit-interval-ms:100}") long commitIntervalMs,
        @Value("${pulse.streams.num-standby-replicas:0}") int standbyReplicas,
        @Value("${pulse.streams.day-check-seconds:1}") long dayCheckSeconds) {

    /** The folder holding the embedded broker's log and the Streams state. */
    public Path dataDir() {
        return Path.of(dataFolder);
    }
}
