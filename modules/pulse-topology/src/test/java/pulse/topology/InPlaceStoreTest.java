package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/** The store answers as Kafka Streams' in-memory store does, whatever the sizes of the values written into one key. */
class InPlaceStoreTest {

    private final InPlaceStore store = new InPlaceStore("projects");

    @Test
    void shouldGiveBackTheLatestValueWhetherItGrewShrankOrKeptItsSize() {
        store.put(key("a"), value("0123456789"));
        store.put(key("a"), value("abcdefghij"));
        assertThat(store.get(key("a"))).isEqualTo(value("abcdefghij"));

        store.put(key("a"), value("abc"));
        assertThat(store.get(key("a"))).isEqualTo(value("abc"));

        String long_ = "x".repeat(1_000);
        store.put(key("a"), value(long_));
        assertThat(store.get(key("a"))).isEqualTo(value(long_));
        assertThat(store.get(key("b"))).isNull();
    }

    @Test
    void shouldNotLetAValueGivenOrReturnedChangeWhatItHolds() {
        byte[] written = value("abc");
        store.put(key("a"), written);
        written[0] = 'z';
        byte[] read = store.get(key("a"));
        read[1] = 'z';

        assertThat(store.get(key("a"))).isEqualTo(value("abc"));
    }

    @Test
    void shouldDeleteOnNullAndOnDelete() {
        store.put(key("a"), value("1"));
        store.put(key("b"), value("2"));

        store.put(key("a"), null);
        assertThat(store.delete(key("b"))).isEqualTo(value("2"));

        assertThat(store.get(key("a"))).isNull();
        assertThat(store.get(key("b"))).isNull();
        assertThat(store.approximateNumEntries()).isZero();
    }

    @Test
    void shouldPutIfAbsentOnly() {
        assertThat(store.putIfAbsent(key("a"), value("1"))).isNull();
        assertThat(store.putIfAbsent(key("a"), value("2"))).isEqualTo(value("1"));
        assertThat(store.get(key("a"))).isEqualTo(value("1"));
    }

    @Test
    void shouldIterateInKeyOrderForwardAndBackwardWithinBounds() {
        store.putAll(List.of(KeyValue.pair(key("c"), value("3")), KeyValue.pair(key("a"), value("1")),
                KeyValue.pair(key("d"), value("4")), KeyValue.pair(key("b"), value("2"))));

        assertThat(keys(store.all())).containsExactly("a", "b", "c", "d");
        assertThat(keys(store.reverseAll())).containsExactly("d", "c", "b", "a");
        assertThat(keys(store.range(key("b"), key("c")))).containsExactly("b", "c");
        assertThat(keys(store.reverseRange(key("b"), key("d")))).containsExactly("d", "c", "b");
        assertThat(keys(store.range(null, key("b")))).containsExactly("a", "b");
        assertThat(keys(store.range(key("c"), null))).containsExactly("c", "d");
        assertThat(keys(store.range(key("d"), key("a")))).isEmpty();
    }

    @Test
    void shouldScanAPrefix() {
        store.put(key("2022/P1"), value("1"));
        store.put(key("2022/P2"), value("2"));
        store.put(key("2023/P1"), value("3"));

        assertThat(keys(store.prefixScan("2022/", new StringSerializer()))).containsExactly("2022/P1", "2022/P2");
    }

    @Test
    void shouldGiveAnIteratorEachValueAsItIsWhenReachedAndSkipKeysDeletedMeanwhile() {
        store.put(key("a"), value("1"));
        store.put(key("b"), value("2"));
        store.put(key("c"), value("3"));

        try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
            assertThat(all.peekNextKey()).isEqualTo(key("a"));
            store.delete(key("b"));
            store.put(key("c"), value("33"));

            assertThat(all.next().value).isEqualTo(value("1"));
            KeyValue<Bytes, byte[]> last = all.next();
            assertThat(last.key).isEqualTo(key("c"));
            assertThat(last.value).isEqualTo(value("33"));
            assertThat(all.hasNext()).isFalse();
            assertThatThrownBy(all::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    private static List<String> keys(KeyValueIterator<Bytes, byte[]> iterator) {
        List<String> keys = new ArrayList<>();
        try (iterator) {
            iterator.forEachRemaining(entry -> keys.add(new String(entry.key.get(), StandardCharsets.UTF_8)));
        }
        return keys;
    }

    private static Bytes key(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] value(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
