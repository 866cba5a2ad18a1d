package pulse.server.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small topic of one partition that every instance reads whole and keeps in memory: the
 * accounts, the closed periods, the reminders sent (compacted), the audit of logins (kept 400 days). Kafka is where it lives, so it survives
 * restarts and every instance agrees on it. The constructor returns once everything already on the
 * topic was read; a write returns once this instance has read it back, so it is visible here at
 * once (and on the other instances within a poll).
 */
public final class TopicTable implements AutoCloseable {

    /** Receives every record of the topic in order (with the time it was written), on the table's reading thread. */
    public interface Listener {
        void apply(String key, byte[] value, long timestamp);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicTable.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String topic;
    private final TopicPartition partition;
    private final Listener listener;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private volatile boolean running = true;
    private long readUpTo;

    public TopicTable(KafkaCluster cluster, String topic, String clientId, Listener listener) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.listener = listener;
        Map<String, Object> producerConfig = cluster.clientConfig();
        producerConfig.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, clientId, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaCluster.MAX_RECORD_BYTES,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip"));
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        Map<String, Object> consumerConfig = cluster.clientConfig();
        consumerConfig.putAll(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, clientId));
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        reader = new Thread(this::read, clientId);
        reader.setDaemon(true);
        reader.start();
        awaitRead(end);
    }

    /** Writes {@code value} under {@code key} (null: deletes it) and returns its offset once read back here. */
    public long write(String key, byte[] value) {
        try {
            long offset = producer.send(new ProducerRecord<>(topic, 0, key, value))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS).offset();
            awaitRead(offset + 1);
            return offset;
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not take the write of " + key + " to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while writing " + key + " to " + topic, e);
        }
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        listener.apply(record.key(), record.value(), record.timestamp());
                    } catch (RuntimeException e) {
                        LOG.warn("Ignored an unreadable record of {} at offset {}: {}", topic, record.offset(), e.toString());
                    }
                }
                synchronized (this) {
                    readUpTo = consumer.position(partition);
                    notifyAll();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Stopped reading {}", topic, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void awaitRead(long offset) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (readUpTo < offset) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !running) {
                throw new KafkaUnavailableException(topic + " was not read back from Kafka within " + WAIT.toSeconds()
                        + " s", null);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailableException("interrupted while reading " + topic, e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        producer.close(Duration.ofSeconds(5));
    }
}
