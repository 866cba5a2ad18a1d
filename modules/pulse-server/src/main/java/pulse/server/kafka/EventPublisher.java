package pulse.server.kafka;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.messaging.annotation.MessageHeader;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import pulse.topology.Topics;

/**
 * Writes accepted events to {@code pulse.events}, a micronaut-kafka client on Pulse's connection
 * ({@link MicronautKafkaConnection}). A write counts as done only when every in-sync replica has it
 * ({@code acks=all}); the idempotent producer keeps its own retries from adding a second copy. Each
 * record carries {@link Topics#CHECKED_HEADER}: its figure was checked on the way in.
 */
@KafkaClient(id = "pulse-ingest", acks = KafkaClient.Acknowledge.ALL, properties = {
        @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"),
        @Property(name = ProducerConfig.LINGER_MS_CONFIG, value = "2"),
        @Property(name = ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, value = "15000"),
        @Property(name = ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, value = "30000")})
public interface EventPublisher {

    /** Completes when Kafka acknowledged the event (its JSON, {@code EventCodec.encode}), or fails with Kafka's reason. */
    @Topic(Topics.EVENTS_NAME)
    @MessageHeader(name = Topics.CHECKED_HEADER, value = "1")
    CompletableFuture<RecordMetadata> publish(@KafkaKey String projectId, byte[] event);
}
