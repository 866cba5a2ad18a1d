package pulse.topology;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The projects store of each partition this instance's tasks are processing, as their processor
 * opened it, so that a read of one project goes straight to the store of its key's partition.
 * Through Kafka Streams' interactive queries every read looks through every thread's tasks for
 * the store first, which took twice as long as the read itself. A store is here from when its task
 * starts processing (after restoring) until the task closes; a reader that finds none, or one
 * closing under it, asks Kafka Streams instead. Standby copies are never here.
 *
 * <p>It also keeps how far each task has processed its partition of {@code pulse.events}, so that
 * the write path can wait until an event written before it asked has been applied ({@link
 * #awaitProcessed}), woken by the task itself rather than by asking Kafka again and again.
 */
public final class OpenProjectStores {

    private final Map<Integer, ReadOnlyKeyValueStore<String, ProjectState>> byPartition = new ConcurrentHashMap<>();
    private final Map<Integer, Progress> progress = new ConcurrentHashMap<>();

    /**
     * How far one partition's task has processed: the offset after the last record it processed
     * since it opened, or -1 when it has processed none since (what it processed before, possibly
     * on another instance, is in the committed offset, not here).
     */
    static final class Progress {

        private long next = -1;

        synchronized void opened() {
            next = -1;
        }

        /** Called on the stream thread after each record; wakes the readers waiting for it. */
        synchronized void processed(long offset) {
            next = offset + 1;
            notifyAll();
        }

        synchronized long next() {
            return next;
        }

        synchronized boolean await(long end, long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (next < end) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    Progress progress(int partition) {
        return progress.computeIfAbsent(partition, p -> new Progress());
    }

    void opened(int partition, ReadOnlyKeyValueStore<String, ProjectState> store) {
        byPartition.put(partition, store);
    }

    void closed(int partition, ReadOnlyKeyValueStore<String, ProjectState> store) {
        byPartition.remove(partition, store);
    }

    /**
     * The offset after the last record of {@code partition} that this instance's task processed
     * since it opened; -1 when it processed none (or the partition is not processed here).
     */
    public long processedUpTo(int partition) {
        return progress(partition).next();
    }

    /**
     * Waits until this instance's task has processed {@code partition} up to {@code end} (exclusive),
     * at most {@code timeout}; whether it did.
     */
    public boolean awaitProcessed(int partition, long end, Duration timeout) throws InterruptedException {
        return progress(partition).await(end, timeout.toNanos());
    }

    /** The store of {@code partition} while a task of this instance processes it, else null. */
    public ReadOnlyKeyValueStore<String, ProjectState> of(int partition) {
        return byPartition.get(partition);
    }
}
