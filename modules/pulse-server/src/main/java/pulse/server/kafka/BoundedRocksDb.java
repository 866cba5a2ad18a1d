package pulse.server.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory RocksDB takes outside the Java heap: every store of every task shares one block
 * cache, and its memtables are charged to that same cache, so the total stays at
 * {@code pulse.streams.rocksdb-memory-mb} however many partitions an instance holds. Left to its
 * defaults, each store takes its own 50 MB block cache and up to three 16 MB memtables.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    /** The key of the budget in bytes among the Streams properties. */
    static final String MEMORY_BYTES = "pulse.rocksdb.memory.bytes";
    /** Memtables may take up to this share of the budget; index and filter blocks are cached with high priority. */
    private static final double WRITE_BUFFER_SHARE = 0.5;
    private static final double HIGH_PRIORITY_SHARE = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    private static synchronized void share(long bytes) {
        if (cache == null) {
            cache = new LRUCache(bytes, -1, false, HIGH_PRIORITY_SHARE);
            writeBuffers = new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache);
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        share(Long.parseLong(String.valueOf(configs.get(MEMORY_BYTES))));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store: they live as long as the server
    }
}
