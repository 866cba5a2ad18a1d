package pulse.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The projects store of each partition this instance's tasks are processing, as their processor
 * opened it, so that a read of one project goes straight to the store of its key's partition.
 * Through Kafka Streams' interactive queries every read looks through every thread's tasks for
 * the store first, which took twice as long as the read itself. A store is here from when its task
 * starts processing (after restoring) until the task closes; a reader that finds none, or one
 * closing under it, asks Kafka Streams instead. Standby copies are never here.
 */
public final class OpenProjectStores {

    private final Map<Integer, ReadOnlyKeyValueStore<String, ProjectState>> byPartition = new ConcurrentHashMap<>();

    void opened(int partition, ReadOnlyKeyValueStore<String, ProjectState> store) {
        byPartition.put(partition, store);
    }

    void closed(int partition, ReadOnlyKeyValueStore<String, ProjectState> store) {
        byPartition.remove(partition, store);
    }

    /** The store of {@code partition} while a task of this instance processes it, else null. */
    public ReadOnlyKeyValueStore<String, ProjectState> of(int partition) {
        return byPartition.get(partition);
    }
}
