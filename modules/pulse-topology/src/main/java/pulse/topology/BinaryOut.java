package pulse.topology;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import pulse.model.Text;

/**
 * Writes Pulse's own binary records ({@link ProjectSummarySerde}, {@link ProjectStateSerde}): numbers
 * as Kafka's variable-length integers, every nullable value with its absence marked, enums by name
 * (so that reordering an enum changes nothing stored). {@link BinaryIn} reads it back.
 */
final class BinaryOut {

    /**
     * A plain growable array, not a DataOutputStream over a ByteArrayOutputStream, whose every
     * byte took a lock: this writes every project state and summary on the stream threads.
     */
    private byte[] bytes = new byte[INITIAL];
    private int size;

    private static final int INITIAL = 1024;
    /** A buffer grown past this by one large record is not kept for the next. */
    private static final int KEPT = 64 * 1024;

    /**
     * Each thread writes every record into the same buffer and copies out only what it wrote: a
     * stream thread writes a state and a summary for every event, and a fresh buffer for each was
     * a fifth of what it allocated.
     */
    private static final ThreadLocal<BinaryOut> SCRATCH = ThreadLocal.withInitial(BinaryOut::new);

    private BinaryOut() {}

    /** This thread's buffer, emptied, with {@code format} written first. Not reentrant: one record at a time. */
    static BinaryOut start(byte format) {
        BinaryOut out = SCRATCH.get();
        if (out.bytes.length > KEPT) {
            out.bytes = new byte[INITIAL];
        }
        out.size = 0;
        out.bytes[out.size++] = format;
        return out;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Zig-zag, then 7 bits a byte, low first: Kafka's variable-length int, as {@link BinaryIn} reads it. */
    BinaryOut integer(int value) {
        return unsigned(((value << 1) ^ (value >> 31)) & 0xFFFFFFFFL);
    }

    /** Kafka's variable-length long. */
    BinaryOut number(long value) {
        return unsigned((value << 1) ^ (value >> 63));
    }

    private BinaryOut unsigned(long value) {
        ensure(10);
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
        return this;
    }

    BinaryOut bool(boolean value) {
        ensure(1);
        bytes[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    /**
     * Length + 1 (0 for null), then UTF-8, encoded straight into the buffer (the same bytes as
     * {@link String#getBytes}, without an array for each string). A lone surrogate, which UTF-8
     * cannot carry, goes through {@code getBytes} to be replaced as it replaces it.
     */
    BinaryOut string(String value) {
        if (value == null) {
            return integer(0);
        }
        int length = utf8Length(value);
        if (length < 0) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            integer(utf8.length + 1);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
            return this;
        }
        integer(length + 1);
        ensure(length);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                int point = Character.toCodePoint(c, value.charAt(++i));
                bytes[size++] = (byte) (0xF0 | point >> 18);
                bytes[size++] = (byte) (0x80 | point >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | point >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | point & 0x3F);
            } else {
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return this;
    }

    /** The length of {@code value} in UTF-8; -1 when it holds a lone surrogate. */
    private static int utf8Length(String value) {
        int length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return -1;
                }
                length += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /**
     * A catalogue text: its key, the number of its arguments, then each one, a string (after a 0)
     * or a text of its own (after a 1). Reasons are kept so, and put into words when shown.
     */
    BinaryOut text(Text value) {
        string(value.key()).size(value.args());
        for (Object arg : value.args()) {
            if (arg instanceof Text inner) {
                bool(true).text(inner);
            } else if (arg instanceof String plain) {
                bool(false).string(plain);
            } else {
                throw new IllegalArgumentException("an argument of " + value.key() + " is neither a string nor a text: "
                        + arg.getClass().getName());
            }
        }
        return this;
    }

    BinaryOut name(Enum<?> value) {
        return string(value == null ? null : value.name());
    }

    /**
     * Scale + 1 (0 for null), then the unscaled value: Pulse's amounts and rates fit a long unscaled.
     * The unscaled value is read by moving the point, not through {@code unscaledValue()}, which makes
     * a {@code BigInteger} for every amount of every state and summary written.
     */
    BinaryOut decimal(BigDecimal value) {
        if (value == null) {
            return integer(0);
        }
        BigDecimal exact = value.scale() < 0 ? value.setScale(0) : value;
        integer(exact.scale() + 1);
        return number(exact.movePointRight(exact.scale()).longValueExact());
    }

    BinaryOut date(LocalDate value) {
        bool(value != null);
        return value == null ? this : number(value.toEpochDay());
    }

    BinaryOut instant(Instant value) {
        bool(value != null);
        return value == null ? this : number(value.getEpochSecond()).integer(value.getNano());
    }

    /** Size + 1 (0 for null): what comes before a collection's elements. */
    BinaryOut size(Collection<?> values) {
        return integer(values == null ? 0 : values.size() + 1);
    }

    BinaryOut size(Map<?, ?> values) {
        return integer(values == null ? 0 : values.size() + 1);
    }

    /** A list (null allowed): its size, then each element as {@code element} writes it. */
    <T> BinaryOut list(java.util.List<T> values, java.util.function.Consumer<T> element) {
        size(values);
        if (values != null) {
            values.forEach(element);
        }
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
