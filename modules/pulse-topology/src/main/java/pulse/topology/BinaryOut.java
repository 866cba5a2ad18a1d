package pulse.topology;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.utils.ByteUtils;

/**
 * Writes Pulse's own binary records ({@link ProjectSummarySerde}, {@link ProjectStateSerde}): numbers
 * as Kafka's variable-length integers, every nullable value with its absence marked, enums by name
 * (so that reordering an enum changes nothing stored). {@link BinaryIn} reads it back.
 */
final class BinaryOut {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private final DataOutputStream out = new DataOutputStream(bytes);

    BinaryOut(byte format) {
        write(() -> out.writeByte(format));
    }

    private interface Write {
        void run() throws IOException;
    }

    private BinaryOut write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);   // a ByteArrayOutputStream does not
        }
        return this;
    }

    BinaryOut integer(int value) {
        return write(() -> ByteUtils.writeVarint(value, out));
    }

    BinaryOut number(long value) {
        return write(() -> ByteUtils.writeVarlong(value, out));
    }

    BinaryOut bool(boolean value) {
        return write(() -> out.writeBoolean(value));
    }

    /** Length + 1 (0 for null), then UTF-8. */
    BinaryOut string(String value) {
        if (value == null) {
            return integer(0);
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        integer(utf8.length + 1);
        return write(() -> out.write(utf8));
    }

    BinaryOut name(Enum<?> value) {
        return string(value == null ? null : value.name());
    }

    /** Scale + 1 (0 for null), then the unscaled value: Pulse's amounts and rates fit a long unscaled. */
    BinaryOut decimal(BigDecimal value) {
        if (value == null) {
            return integer(0);
        }
        BigDecimal exact = value.scale() < 0 ? value.setScale(0) : value;
        integer(exact.scale() + 1);
        return number(exact.unscaledValue().longValueExact());
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
        return bytes.toByteArray();
    }
}
