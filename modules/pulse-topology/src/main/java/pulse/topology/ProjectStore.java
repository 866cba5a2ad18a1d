package pulse.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The projects store: each project's {@link ProjectState} under its id, kept by {@link
 * ProjectProcessor} with a changelog topic (compacted, in {@link Topics#SMALL_SEGMENTS}). Its name is
 * what the server's reads ask Kafka Streams for.
 *
 * <p>In memory, not in RocksDB: a state is about 210 bytes (32 MB of heap for 100,000 projects with
 * the map's entries), and every event reads it and writes it, as every write over HTTP reads it to
 * check the event. In RocksDB, those reads took half of the HTTP ingest's worker time and a fifth of
 * the stream threads' at 100,000 projects (docs/benchmarks.md, the fourteenth pass). The price:
 * an instance restores its partitions from the changelog at every start. Kept by {@link InPlaceStore},
 * which writes a project's new state over its old one, so that no event leaves the collector an
 * old-generation card to scan.
 */
public final class ProjectStore {

    public static final String NAME = "projects";

    private ProjectStore() {}

    static StoreBuilder<KeyValueStore<String, ProjectState>> builder() {
        return Stores.keyValueStoreBuilder(InPlaceStore.supplier(NAME), Serdes.String(), new ProjectStateSerde())
                .withLoggingEnabled(Topics.SMALL_SEGMENTS);
    }
}
