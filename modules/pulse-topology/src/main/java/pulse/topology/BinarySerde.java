package pulse.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde of Pulse's own binary form ({@link BinaryOut}, {@link BinaryIn}): a format byte, then
 * what {@link #write} writes. Null passes through for tombstones. Bytes that start otherwise were
 * written by an earlier version in another form, and {@link #earlier} reads them.
 */
abstract class BinarySerde<T> implements Serde<T> {

    private final byte format;
    private final String what;

    /** @param what what a value is, for errors ("a project's state") */
    BinarySerde(byte format, String what) {
        this.format = format;
        this.what = what;
    }

    abstract void write(T value, BinaryOut out);

    /** Reads what {@link #write} wrote, after the format byte. */
    abstract T read(BinaryIn in);

    /** A value an earlier version wrote: {@code bytes} does not start with this form's format byte. */
    abstract T earlier(String topic, byte[] bytes);

    final byte[] encode(T value) {
        BinaryOut out = BinaryOut.start(format);
        write(value, out);
        return out.toByteArray();
    }

    @Override
    public final Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public final Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0 || bytes[0] != format) {
                return earlier(topic, bytes);
            }
            try {
                BinaryIn in = new BinaryIn(bytes);
                in.format();
                return read(in);
            } catch (RuntimeException e) {
                throw new SerializationException("Cannot read " + what + " from " + topic, e);
            }
        };
    }

    /** The format byte this form starts with, for an error about another. */
    final byte format() {
        return format;
    }
}
