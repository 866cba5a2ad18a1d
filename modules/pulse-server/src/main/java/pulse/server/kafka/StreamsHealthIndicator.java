package pulse.server.kafka;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Health is DOWN until the topology is RUNNING: before then no figure can be served. A paused
 * topology is UP (it serves its figures and takes reports), and says so in the details.
 */
@Singleton
class StreamsHealthIndicator implements HealthIndicator {

    private final TopologyStores streams;
    private final KafkaCluster cluster;

    StreamsHealthIndicator(TopologyStores streams, KafkaCluster cluster) {
        this.streams = streams;
        this.cluster = cluster;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        HealthStatus status = streams.isRunning() ? HealthStatus.UP : HealthStatus.DOWN;
        return Publishers.just(HealthResult.builder("kafkaStreams", status)
                .details(Map.of("state", streams.state().name(), "paused", streams.isPaused(),
                        "bootstrapServers", cluster.bootstrapServers(),
                        "embeddedBroker", cluster.isEmbedded()))
                .build());
    }
}
