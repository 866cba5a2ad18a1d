package pulse.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import pulse.topology.ProjectSummary;
import pulse.topology.Topics;

/**
 * When each marker report's summary became readable on {@code pulse.projects} to a reader of
 * committed records, as the server's reader of that topic sees it: the live latency's first part
 * (the topology processed the report and committed its transaction), the rest being the server's
 * push. It reads only the partition the marker's key goes to, from its end, so it costs the
 * measured machine little.
 */
final class CommitWatch implements AutoCloseable {

    /** marker value (whole 万元, its completed investment this year) → nanoTime it was first readable */
    final Map<Long, Long> committedAt = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    CommitWatch(String bootstrap, String key, int partitions) {
        TopicPartition partition = new TopicPartition(Topics.PROJECTS.name(),
                Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions);
        Deserializer<ProjectSummary> summaries = Topics.PROJECTS.valueSerde().deserializer();
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        if (key.equals(record.key()) && record.value() != null) {
                            long seen = System.nanoTime();
                            ProjectSummary summary = summaries.deserialize(record.topic(), record.value());
                            committedAt.putIfAbsent(summary.completedThisYear().longValue(), seen);
                        }
                    }
                }
            }
        }, "commit-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
