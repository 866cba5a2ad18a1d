package pulse.server.kafka;

import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import pulse.model.EventCodec;
import pulse.model.PulseEvent;
import pulse.topology.Topics;

/**
 * Writes accepted events to {@code pulse.events}. A write counts as done only when every in-sync
 * replica has it ({@code acks=all}); the idempotent producer keeps its own retries from adding a
 * second copy. A plain producer, not a micronaut-kafka {@code @KafkaClient}: on this path, the one
 * every write takes, the client's per-send work (its interceptor and reactive plumbing) cost about
 * an eighth of the HTTP ingest's throughput in the benchmark.
 */
@Context
@KafkaBacked
public class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec;

    EventPublisher(KafkaCluster cluster, EventCodec codec) {
        this.codec = codec;
        Map<String, Object> config = cluster.clientConfig();
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.CLIENT_ID_CONFIG, "pulse-ingest"));
        this.producer = new KafkaProducer<>(config,
                new StringSerializer(), new ByteArraySerializer());
    }

    private static final byte[] CHECKED = {'1'};

    /** Completes when Kafka acknowledged the event, or fails with Kafka's reason. */
    public CompletableFuture<RecordMetadata> publish(PulseEvent event) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.EVENTS.name(), event.projectId(),
                codec.encode(event));
        record.headers().add(Topics.CHECKED_HEADER, CHECKED);
        producer.send(record,
                (metadata, error) -> {
                    if (error != null) {
                        acknowledged.completeExceptionally(error);
                    } else {
                        acknowledged.complete(metadata);
                    }
                });
        return acknowledged;
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
