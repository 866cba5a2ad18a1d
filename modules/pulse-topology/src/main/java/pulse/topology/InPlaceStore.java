package pulse.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.ProcessorContext;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An in-memory key-value store, as Kafka Streams' own, that writes a new value into the array the
 * key's value already has when it fits, instead of making the map's entry point at a new array.
 *
 * <p>Why: in Kafka Streams' store every put of a project's state gave the map's entry, long
 * promoted to the collector's old generation, a reference to a new array in the young one. G1 then
 * scans every such entry's card at its next young pause: 33,000–53,000 cards, about half of every
 * pause, while `/api/totals` waited (docs/benchmarks.md, the fifteenth pass). Copying bytes into an
 * old array writes no reference and marks no card. A value that outgrows its array gets a new one
 * with room to grow (a state gains a few bytes per event), so that happens once in many puts.
 *
 * <p>Readers on other threads get a copy, made under the store's lock as the writer writes under it.
 * It keeps no {@link Position}: Pulse reads its stores directly or through interactive queries,
 * never with position bounds.
 */
public final class InPlaceStore implements KeyValueStore<Bytes, byte[]> {

    /** One key's value: its bytes at the start of an array that may be longer. */
    private static final class Slot {
        private byte[] bytes;
        private int length;

        Slot(byte[] value) {
            set(value);
        }

        void set(byte[] value) {
            if (bytes == null || value.length > bytes.length) {
                bytes = new byte[value.length + value.length / 4 + 16];
            }
            System.arraycopy(value, 0, bytes, 0, value.length);
            length = value.length;
        }

        byte[] value() {
            return Arrays.copyOf(bytes, length);
        }
    }

    private final String name;
    private final NavigableMap<Bytes, Slot> map = new TreeMap<>();
    private final Position position = Position.emptyPosition();
    private volatile boolean open;

    public InPlaceStore(String name) {
        this.name = name;
    }

    /** Builds one store per task, under {@code name}, for {@link org.apache.kafka.streams.state.Stores#keyValueStoreBuilder}. */
    public static KeyValueBytesStoreSupplier supplier(String name) {
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new InPlaceStore(name);
            }

            @Override
            public String metricsScope() {
                return "in-place";
            }
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> put(Bytes.wrap(key), value));
        open = true;
    }

    /** The API before {@link StateStoreContext}: Kafka Streams calls the one above. */
    @Override
    @Deprecated
    public void init(ProcessorContext context, StateStore root) {
        throw new UnsupportedOperationException("init with a StateStoreContext");
    }

    @Override
    public synchronized byte[] get(Bytes key) {
        Slot slot = map.get(key);
        return slot == null ? null : slot.value();
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        if (value == null) {
            map.remove(key);
            return;
        }
        Slot slot = map.get(key);
        if (slot == null) {
            map.put(key, new Slot(value));
        } else {
            slot.set(value);
        }
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] before = get(key);
        if (before == null) {
            put(key, value);
        }
        return before;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        Slot slot = map.remove(key);
        return slot == null ? null : slot.value();
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return over(bounded(from, to), false);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return over(bounded(from, to), true);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> all() {
        return over(map, false);
    }

    @Override
    public synchronized KeyValueIterator<Bytes, byte[]> reverseAll() {
        return over(map, true);
    }

    @Override
    public synchronized <S extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, S serializer) {
        Bytes from = Bytes.wrap(serializer.serialize(null, prefix));
        Bytes to = Bytes.increment(from);
        return over(map.subMap(from, true, to, false), false);
    }

    /** Keys from {@code from} to {@code to}, either null for no bound; none when {@code from} is after {@code to}. */
    private NavigableMap<Bytes, Slot> bounded(Bytes from, Bytes to) {
        if (from != null && to != null) {
            return from.compareTo(to) > 0 ? new TreeMap<>() : map.subMap(from, true, to, true);
        }
        if (from != null) {
            return map.tailMap(from, true);
        }
        return to != null ? map.headMap(to, true) : map;
    }

    /** The keys as they are now; each value as it is when the iterator reaches it (a key deleted by then is skipped). */
    private KeyValueIterator<Bytes, byte[]> over(NavigableMap<Bytes, Slot> keys, boolean reverse) {
        return new Keys(new ArrayList<>(reverse ? keys.descendingKeySet() : keys.navigableKeySet()));
    }

    private final class Keys implements KeyValueIterator<Bytes, byte[]> {
        private final List<Bytes> keys;
        private int at;
        private KeyValue<Bytes, byte[]> next;

        Keys(List<Bytes> keys) {
            this.keys = keys;
        }

        @Override
        public boolean hasNext() {
            while (next == null && at < keys.size()) {
                Bytes key = keys.get(at++);
                byte[] value = get(key);
                if (value != null) {
                    next = KeyValue.pair(key, value);
                }
            }
            return next != null;
        }

        @Override
        public KeyValue<Bytes, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            KeyValue<Bytes, byte[]> current = next;
            next = null;
            return current;
        }

        @Override
        public Bytes peekNextKey() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return next.key;
        }

        @Override
        public void close() {}
    }

    @Override
    public synchronized long approximateNumEntries() {
        return map.size();
    }

    @Override
    public Position getPosition() {
        return position;
    }

    @Override
    public void flush() {}

    @Override
    public synchronized void close() {
        map.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }
}
