package pulse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulse.server.kafka.KafkaCluster;
import pulse.server.kafka.KafkaSettings;
import pulse.server.kafka.TopicFollower;

/** Following a topic's tail on a real broker: the latest records, and none of what fell behind them. */
class TopicFollowerTest {

    private static final String TOPIC = "tail-followed";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @Test
    void shouldReadOnlyTheLastRecordsAtTheStartAndSkipWhatFellBehindThemAfterwards(@TempDir Path dataDir) throws Exception {
        try (KafkaCluster cluster = KafkaCluster.connect(embedded(dataDir));
                Admin admin = Admin.create(cluster.clientConfig());
                KafkaProducer<String, byte[]> producer = transactional(cluster)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            producer.initTransactions();
            // Given 1,000 records of a kilobyte
            write(producer, 1_000);

            // When a follower follows the topic's tail of 5
            List<Long> read = new CopyOnWriteArrayList<>();
            try (TopicFollower follower = new TopicFollower(cluster, "tail-test",
                    List.of(TopicFollower.Follow.tail(TOPIC, 5, record -> read.add(record.offset()))), () -> { })) {
                follower.awaitCaughtUp(Duration.ofSeconds(30));

                // Then it read what the last 5 offsets hold, in order (the transaction's marker takes offset 1,000)
                assertThat(read).containsExactly(996L, 997L, 998L, 999L);

                // And when 4,000 more become readable at once (one transaction: many fetches' worth)
                read.clear();
                write(producer, 4_000);
                follower.awaitRead(PARTITION, 5_002, Duration.ofSeconds(30));

                // Then it read the last of them (1,001 to 5,000; the marker at 5,001), in order, and skipped most of those before
                assertThat(read).endsWith(4_997L, 4_998L, 4_999L, 5_000L);
                assertThat(read).isSorted().doesNotHaveDuplicates();
                assertThat(read.size()).isLessThan(1_000);
            }
        }
    }

    @Test
    void shouldReadASteadilyWrittenTailNowAndThenNotEveryRecord(@TempDir Path dataDir) throws Exception {
        try (KafkaCluster cluster = KafkaCluster.connect(embedded(dataDir));
                Admin admin = Admin.create(cluster.clientConfig());
                KafkaProducer<String, byte[]> producer = transactional(cluster)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            producer.initTransactions();
            List<Long> read = new CopyOnWriteArrayList<>();
            try (TopicFollower follower = new TopicFollower(cluster, "tail-test",
                    List.of(TopicFollower.Follow.tail(TOPIC, 5, record -> read.add(record.offset()))), () -> { })) {
                follower.awaitCaughtUp(Duration.ofSeconds(30));

                // When 2,000 small records are written steadily, 25 at a time, for about a second
                // (a follower reading every fetch keeps up with that, and so reads every one)
                long end = 0;
                for (int i = 0; i < 80; i++) {
                    write(producer, 25, 100);
                    end += 26;   // each transaction's marker takes an offset
                    Thread.sleep(12);
                }
                follower.awaitRead(PARTITION, end, Duration.ofSeconds(30));

                // Then it read the newest, in order, and fewer than half of them: its tail now and then
                assertThat(read).endsWith(end - 5, end - 4, end - 3, end - 2).isSorted().doesNotHaveDuplicates();
                assertThat(read.size()).isLessThan(1_000);
            }
        }
    }

    private static void write(KafkaProducer<String, byte[]> producer, int records) {
        write(producer, records, 1024);
    }

    private static void write(KafkaProducer<String, byte[]> producer, int records, int bytes) {
        producer.beginTransaction();
        LongStream.range(0, records).forEach(i -> producer.send(new ProducerRecord<>(TOPIC, 0, "k" + i, new byte[bytes])));
        producer.commitTransaction();
    }

    private static KafkaProducer<String, byte[]> transactional(KafkaCluster cluster) {
        Map<String, Object> config = cluster.clientConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tail-test-writer");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaSettings embedded(Path dataDir) {
        return new KafkaSettings("", dataDir.toString(), "pulse", "localhost", PulseServer.freePort(),
                PulseServer.freePort(), 1, 1, 0, 1, 1, "", "");
    }
}
