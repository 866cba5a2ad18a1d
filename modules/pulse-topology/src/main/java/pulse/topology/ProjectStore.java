package pulse.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The projects store: each project's {@link ProjectState} under its id, kept by {@link
 * ProjectProcessor} on local disk (RocksDB) with a changelog topic. Its name is what the server's
 * reads ask Kafka Streams for.
 */
public final class ProjectStore {

    public static final String NAME = "projects";

    private ProjectStore() {}

    static StoreBuilder<KeyValueStore<String, ProjectState>> builder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NAME), Serdes.String(), new ProjectStateSerde());
    }
}
