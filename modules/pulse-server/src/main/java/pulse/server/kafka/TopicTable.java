package pulse.server.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A small topic of one partition that every instance reads whole ({@link TopicFollower}) and keeps
 * in memory: the accounts, the closed periods, the reminders sent (compacted), the audit of logins
 * (kept 400 days). Kafka is where it lives, so it survives restarts and every instance agrees on it.
 * The constructor returns once everything already on the topic was read; a write returns once this
 * instance has read it back, so it is visible here at once (and on the other instances within a poll).
 */
public final class TopicTable implements AutoCloseable {

    /** Receives every record of the topic in order (with the time it was written), on the table's reading thread. */
    public interface Listener {
        void apply(String key, byte[] value, long timestamp);
    }

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String topic;
    private final TopicPartition partition;
    private final KafkaProducer<String, byte[]> producer;
    private final TopicFollower follower;

    public TopicTable(KafkaCluster cluster, String topic, String clientId, Listener listener) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        Map<String, Object> producerConfig = cluster.clientConfig();
        producerConfig.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, clientId, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaCluster.MAX_RECORD_BYTES,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip"));
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        follower = new TopicFollower(cluster, clientId, List.of(TopicFollower.Follow.fromStart(topic,
                record -> listener.apply(record.key(), record.value(), record.timestamp()))), () -> { });
        follower.awaitCaughtUp(WAIT);
    }

    /** Writes {@code value} under {@code key} (null: deletes it) and returns its offset once read back here. */
    public long write(String key, byte[] value) {
        try {
            long offset = producer.send(new ProducerRecord<>(topic, 0, key, value))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS).offset();
            follower.awaitRead(partition, offset + 1, WAIT);
            return offset;
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not take the write of " + key + " to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while writing " + key + " to " + topic, e);
        }
    }

    @Override
    public void close() {
        follower.close();
        producer.close(Duration.ofSeconds(5));
    }
}
