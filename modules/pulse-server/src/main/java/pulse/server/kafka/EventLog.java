package pulse.server.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import pulse.rules.RuleSettings;
import pulse.topology.LogFold;
import pulse.topology.Topics;

/**
 * Reads {@code pulse.events}, the system of record, by position: where it ends now, and every
 * record between two positions. A recount of a closed period and the changes since a close read
 * here, each with a short-lived consumer of its own (no group, nothing committed).
 */
@Singleton
public class EventLog {

    /** Receives the records of one read, in offset order within each partition. */
    public interface Reader {
        void accept(ConsumerRecord<String, byte[]> record);
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final KafkaCluster cluster;
    private final RuleSettings settings;
    /** The audit trail's consumer, opened by the first read; guarded by this. */
    private KafkaConsumer<String, byte[]> trail;

    EventLog(KafkaCluster cluster, RuleSettings settings) {
        this.cluster = cluster;
        this.settings = settings;
    }

    /**
     * Per partition, the offset below which every committed event lies. An event acknowledged to a
     * writer ({@code acks=all}) is below it; one not yet committed is not.
     */
    public Map<Integer, Long> end() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<Integer, Long> end = new TreeMap<>();
            consumer.endOffsets(partitions(consumer), TIMEOUT).forEach((partition, offset) -> end.put(partition.partition(), offset));
            return end;
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("cannot read where pulse.events ends: " + e.getMessage(), e);
        }
    }

    /** Every record from {@code from} (inclusive; a partition missing there: its beginning) up to {@code to} (exclusive). */
    public void read(Map<Integer, Long> from, Map<Integer, Long> to, Reader reader) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions(consumer)) {
                long start = from.getOrDefault(partition.partition(), 0L);
                long stop = to.getOrDefault(partition.partition(), 0L);
                if (stop > start) {
                    remaining.put(partition, stop);
                }
            }
            consumer.assign(remaining.keySet());
            for (TopicPartition partition : remaining.keySet()) {
                consumer.seek(partition, from.getOrDefault(partition.partition(), 0L));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaUnavailableException("pulse.events was not read up to " + to + " within "
                            + TIMEOUT.toSeconds() + " s", null);
                }
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    deadline = System.nanoTime() + TIMEOUT.toNanos();   // the deadline is for a stall, not for a long read
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long stop = remaining.get(partition);
                    if (stop != null && record.offset() < stop) {
                        reader.accept(record);
                    }
                }
                for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                    if (consumer.position(partition) >= remaining.get(partition)) {
                        remaining.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("cannot read pulse.events: " + e.getMessage(), e);
        }
    }

    /**
     * The records at {@code offsets} (ascending) of one partition, in that order: a project's audit
     * trail, whose offsets its state keeps. Reads forward from one record to the next when they are
     * close, and seeks when they are not. The reads take turns on one consumer kept between them:
     * opening one (its metadata, a connection) was about half of a history read.
     */
    public List<ConsumerRecord<String, byte[]>> at(int partition, List<Long> offsets) {
        if (offsets.isEmpty()) {
            return new ArrayList<>();
        }
        synchronized (this) {
            if (trail == null) {
                trail = consumer(SMALL_FETCHES);
            }
            try {
                return readAt(trail, new TopicPartition(Topics.EVENTS.name(), partition), offsets);
            } catch (KafkaException e) {
                trail.close(Duration.ZERO);   // the next read starts afresh
                trail = null;
                throw new KafkaUnavailableException("cannot read pulse.events: " + e.getMessage(), e);
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAt(KafkaConsumer<String, byte[]> consumer,
            TopicPartition partition, List<Long> offsets) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>(offsets.size());
        consumer.assign(List.of(partition));
        int next = 0;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (next < offsets.size()) {
            long wanted = offsets.get(next);
            long position = consumer.position(partition);
            if (wanted < position || wanted - position > SEEK_BEYOND) {
                consumer.seek(partition, wanted);
            }
            var records = consumer.poll(Duration.ofMillis(200));
            if (records.isEmpty() && System.nanoTime() > deadline) {
                throw new KafkaUnavailableException(partition + " was not read at " + wanted
                        + " within " + TIMEOUT.toSeconds() + " s", null);
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                while (next < offsets.size() && offsets.get(next) < record.offset()) {
                    next++;   // not there any more: an operator shortened the retention Pulse asks for
                }
                if (next < offsets.size() && offsets.get(next) == record.offset()) {
                    found.add(record);
                    next++;
                }
            }
        }
        return found;
    }

    /** Closes the audit trail's consumer. */
    @PreDestroy
    synchronized void close() {
        if (trail != null) {
            trail.close(Duration.ZERO);
            trail = null;
        }
    }

    /**
     * An audit trail's fetches: a project's events lie thousands of records apart, and each seek
     * fetched Kafka's default megabyte (about 3,000 events) to use one. 32 KB is about 100 events,
     * at least one producer batch (16 KB).
     */
    private static final Map<String, Object> SMALL_FETCHES = Map.of(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024);

    /** Records between two of a project's events that are cheaper to read past than to seek over: about one fetch. */
    private static final long SEEK_BEYOND = 100;

    /** The county recounted from every committed record below {@code position} ({@link LogFold}). */
    public LogFold recount(Map<Integer, Long> position) {
        LogFold fold = new LogFold(settings);
        read(Map.of(), position, record -> fold.accept(record.key(), record.value(), record.timestamp(),
                record.headers().lastHeader(Topics.CHECKED_HEADER) != null));
        return fold;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return consumer(Map.of());
    }

    private KafkaConsumer<String, byte[]> consumer(Map<String, Object> fetches) {
        Map<String, Object> config = cluster.clientConfig();
        config.putAll(fetches);
        config.putAll(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.CLIENT_ID_CONFIG, "pulse-event-log"));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.EVENTS.name(), TIMEOUT)
                .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        return partitions;
    }
}
