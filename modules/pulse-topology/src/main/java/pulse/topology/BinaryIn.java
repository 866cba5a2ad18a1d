package pulse.topology;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.common.utils.ByteUtils;
import pulse.model.Text;

/** Reads what {@link BinaryOut} wrote, in the same order. */
final class BinaryIn {

    private final ByteBuffer in;

    BinaryIn(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    byte format() {
        return in.get();
    }

    int integer() {
        return ByteUtils.readVarint(in);
    }

    long number() {
        return ByteUtils.readVarlong(in);
    }

    boolean bool() {
        return in.get() != 0;
    }

    String string() {
        int length = integer() - 1;
        if (length < 0) {
            return null;
        }
        String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return value;
    }

    /** A text {@link BinaryOut#text} wrote. */
    Text text() {
        String key = string();
        int count = size();
        java.util.List<Object> args = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(bool() ? text() : string());
        }
        return new Text(key, args);
    }

    <E extends Enum<E>> E name(Class<E> type) {
        String name = string();
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Without a BigInteger: every amount of every state and summary read is one. */
    BigDecimal decimal() {
        int scale = integer() - 1;
        return scale < 0 ? null : BigDecimal.valueOf(number(), scale);
    }

    LocalDate date() {
        return bool() ? LocalDate.ofEpochDay(number()) : null;
    }

    Instant instant() {
        return bool() ? Instant.ofEpochSecond(number(), integer()) : null;
    }

    /** A list {@link BinaryOut#list} wrote (null for null), each element read by {@code element}. */
    <T> java.util.List<T> list(java.util.function.Supplier<T> element) {
        int size = size();
        if (size < 0) {
            return null;
        }
        java.util.List<T> values = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(element.get());
        }
        return values;
    }

    /** The size written before a collection; -1 for null. */
    int size() {
        return integer() - 1;
    }
}
