package pulse.topology;

import org.apache.kafka.common.serialization.Serde;

/** A topic's name and the serdes of its keys and values, shared by main and test code. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
