package pulse.server.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows topics on every partition, on a thread of its own, reading only committed records, with
 * no consumer group: each instance reads everything. Each topic is read from its start, or only
 * its tail (its last few records); the follower knows when it has read what the topics held when
 * it started ({@link #awaitCaughtUp}), and how far it has read ({@link #awaitRead}). Everything in Pulse that
 * follows a topic does it through here: the tables of accounts, periods, reminders and logins, and
 * the push channel's reader.
 */
public final class TopicFollower implements AutoCloseable {

    /** Receives each record, in order within its partition, on the follower's thread. */
    public interface Listener {
        void accept(ConsumerRecord<String, byte[]> record);
    }

    /**
     * One topic to follow: every record from its start ({@code last} = -1), or only its tail, the
     * last {@code last} records on each partition (0: only what comes next).
     */
    public record Follow(String topic, int last, Listener listener) {

        public static Follow fromStart(String topic, Listener listener) {
            return new Follow(topic, -1, listener);
        }

        /**
         * The last {@code last} records of each partition, at the start and then about every
         * {@link #TAIL_EVERY} once caught up: a partition that fell further behind is moved up to
         * them, the records between are never fetched. For a reader that shows only the latest (the
         * screen's ticker reads its dozen reports from {@code pulse.events}: reading all of it
         * fetched every event a second time, a twelfth of the server's CPU as it took reports).
         */
        public static Follow tail(String topic, int last, Listener listener) {
            return new Follow(topic, last, listener);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** How often a followed tail is read once caught up: the screens get an update at most this often. */
    static final Duration TAIL_EVERY = Duration.ofMillis(100);
    /** How long the end offsets of the tails are waited for before reading on from where they are. */
    private static final Duration TAIL_ENDS_WAIT = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Listener> listeners = new HashMap<>();
    private final List<Follow> follows;
    private final Runnable afterEachPoll;
    private final Thread thread;
    private final Map<TopicPartition, Long> position = new HashMap<>();
    /** The tail-followed partitions, once assigned, and how many of their last records are read. */
    private final Map<TopicPartition, Integer> tails = new HashMap<>();
    private Map<TopicPartition, Long> startEnds;
    /** Where the tails are read up to this time; null while they are paused until {@link #tailsDueAt}. */
    private Map<TopicPartition, Long> tailEnds = Map.of();
    private long tailsDueAt;
    private volatile boolean caughtUp;
    private volatile boolean running = true;
    private final long startedAt = System.nanoTime();
    private long recordsRead;

    /** Starts following at once; {@code afterEachPoll} runs on the follower's thread after each poll's records. */
    public TopicFollower(KafkaCluster cluster, String clientId, List<Follow> follows, Runnable afterEachPoll) {
        this.follows = follows;
        this.afterEachPoll = afterEachPoll;
        follows.forEach(follow -> listeners.put(follow.topic(), follow.listener()));
        Map<String, Object> config = cluster.clientConfig();
        config.putAll(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, clientId));
        config.putAll(KafkaCluster.fetchesBelowHumongous());
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            start();
            while (running) {
                var records = consumer.poll(POLL);
                if (!caughtUp) {
                    recordsRead += records.count();   // for the log line once caught up
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        listeners.get(record.topic()).accept(record);
                    } catch (RuntimeException e) {
                        LOG.warn("Ignored a record of {}-{} at offset {} that could not be taken: {}", record.topic(),
                                record.partition(), record.offset(), e.toString());
                    }
                }
                afterEachPoll.run();
                skipToTails();
                readTailsNowAndThen();
                advance();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Stopped following {}", listeners.keySet(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void start() {
        Map<TopicPartition, Integer> last = new HashMap<>();
        for (Follow follow : follows) {
            partitions(follow.topic()).forEach(partition -> last.put(partition, follow.last()));
        }
        consumer.assign(last.keySet());
        last.forEach((partition, records) -> {
            if (records >= 0) {
                tails.put(partition, records);
            }
        });
        Map<TopicPartition, Long> ends = consumer.endOffsets(last.keySet());
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(last.keySet());
        last.forEach((partition, records) -> consumer.seek(partition, records < 0 ? beginnings.get(partition)
                : Math.max(beginnings.get(partition), ends.get(partition) - records)));
        synchronized (this) {
            startEnds = new HashMap<>(ends);
        }
    }

    /** Asks for a topic's partitions until its metadata is there (a topic just created may take a moment). */
    private List<TopicPartition> partitions(String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        while (running) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            if (!partitions.isEmpty()) {
                return partitions;
            }
            sleep(100);
        }
        return partitions;
    }

    /**
     * Moves each tail-followed partition up to its last records when it is further behind (its lag
     * as the last fetch told it, no request to the broker); what was fetched beyond them is dropped.
     */
    private void skipToTails() {
        for (Map.Entry<TopicPartition, Integer> tail : tails.entrySet()) {
            TopicPartition partition = tail.getKey();
            int last = tail.getValue();
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent() && lag.getAsLong() > last) {
                consumer.seek(partition, consumer.position(partition) + lag.getAsLong() - last);
            }
        }
    }

    /**
     * Once caught up, the tails are paused between reads: every {@link #TAIL_EVERY} each moves up
     * to its last records as they end now, is read up to that end and paused again. (A tail
     * followed by every fetch brought every record of a busy topic, only to skip past it.)
     */
    private void readTailsNowAndThen() {
        if (tails.isEmpty() || !caughtUp) {
            return;
        }
        if (tailEnds == null) {
            if (System.nanoTime() - tailsDueAt >= 0) {
                tailEnds = seekToLastRecords();
                consumer.resume(tails.keySet());
            }
        } else if (tailEnds.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
            consumer.pause(tails.keySet());
            tailEnds = null;
            tailsDueAt = System.nanoTime() + TAIL_EVERY.toNanos();
        }
    }

    /** Moves each tail to its last records as it ends now; where the ends cannot be had in time, the tails read on from where they are. */
    private Map<TopicPartition, Long> seekToLastRecords() {
        Map<TopicPartition, Long> ends;
        try {
            ends = consumer.endOffsets(tails.keySet(), TAIL_ENDS_WAIT);
        } catch (TimeoutException e) {
            return Map.of();
        }
        ends.forEach((partition, end) -> {
            long from = end - tails.get(partition);
            if (consumer.position(partition) < from) {
                consumer.seek(partition, from);
            }
        });
        return ends;
    }

    private synchronized void advance() {
        for (TopicPartition partition : consumer.assignment()) {
            position.put(partition, consumer.position(partition));
        }
        if (!caughtUp && startEnds != null
                && startEnds.entrySet().stream().allMatch(end -> position.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
            caughtUp = true;
            LOG.info("Read {} up to where it ended at start: {} records in {} ms", listeners.keySet(), recordsRead,
                    (System.nanoTime() - startedAt) / 1_000_000);
        }
        notifyAll();
    }

    /** True once everything the topics held when the follower started has been read. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    /** Waits until {@link #isCaughtUp()}; {@link KafkaUnavailableException} after {@code timeout}. */
    public synchronized void awaitCaughtUp(Duration timeout) {
        await(timeout, () -> caughtUp, "what " + listeners.keySet() + " held at start");
    }

    /** Waits until the follower has read below {@code offset} of {@code partition}. */
    public synchronized void awaitRead(TopicPartition partition, long offset, Duration timeout) {
        await(timeout, () -> position.getOrDefault(partition, 0L) >= offset, partition + " up to " + offset);
    }

    private void await(Duration timeout, java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !running) {
                throw new KafkaUnavailableException(what + " was not read from Kafka within " + timeout.toSeconds() + " s", null);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaUnavailableException("interrupted while reading " + what, e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
