package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.utils.ByteUtils;
import org.junit.jupiter.api.Test;
import pulse.model.Messages;
import pulse.model.Milestone;
import pulse.model.Text;

/** The numbers are written byte for byte as Kafka's varints, which the states and summaries already stored use; texts read back as written. */
class BinaryOutTest {

    private static final long[] VALUES = {0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 16_383, 16_384, 2_000_000,
            Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 40, -(1L << 40), Long.MAX_VALUE, Long.MIN_VALUE};

    @Test
    void shouldWriteIntegersAndLongsAsKafkasVarints() {
        for (long value : VALUES) {
            int integer = (int) value;
            assertThat(written(BinaryOut.start((byte) 7).integer(integer))).as("int %d", integer)
                    .isEqualTo(kafka(buffer -> ByteUtils.writeVarint(integer, buffer)));
            assertThat(written(BinaryOut.start((byte) 7).number(value))).as("long %d", value)
                    .isEqualTo(kafka(buffer -> ByteUtils.writeVarlong(value, buffer)));
        }
    }

    @Test
    void shouldReadBackEveryDecimalWithItsScaleAndRefuseOneTooLongForALong() {
        for (String amount : new String[] {"0", "0.00", "1000.10", "-12.5000", "0.0001", "99999999.99", "-0.01",
                "922337203685477.5807", "1E+3"}) {
            BigDecimal value = new BigDecimal(amount);
            BinaryIn in = new BinaryIn(BinaryOut.start((byte) 7).decimal(value).decimal(null).toByteArray());
            in.format();

            BigDecimal read = in.decimal();
            assertThat(read).as(amount).isEqualByComparingTo(value);
            assertThat(read.scale()).as("the scale of %s", amount).isEqualTo(Math.max(0, value.scale()));
            assertThat(in.decimal()).isNull();
        }
        assertThatThrownBy(() -> BinaryOut.start((byte) 7).decimal(new BigDecimal("92233720368547758.08")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldReadBackATextWithTextsAmongItsArguments() {
        Text late = Text.of("reason.milestoneLate", "2022-03-15", Messages.name(Milestone.STARTED),
                Text.of("reason.late.months", 3));
        BinaryOut out = BinaryOut.start((byte) 7).text(late);

        BinaryIn in = new BinaryIn(out.toByteArray());
        in.format();
        Text read = in.text();

        assertThat(read).isEqualTo(late);
        assertThat(read.in(Messages.ZH)).isEqualTo("计划2022-03-15开工，已逾期3个月未开工");
    }

    @Test
    void shouldRefuseATextArgumentItCannotReadBack() {
        Text choices = Text.of("reason.suspended", Messages.choices(Milestone.class));

        assertThatThrownBy(() -> BinaryOut.start((byte) 7).text(choices))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason.suspended");
    }

    private static byte[] kafka(java.util.function.Consumer<ByteBuffer> write) {
        ByteBuffer buffer = ByteBuffer.allocate(10);
        write.accept(buffer);
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Test
    void shouldGrowPastItsFirstBufferAndReadBackWhatItWrote() {
        String text = "县".repeat(400);   // 1,200 bytes of UTF-8: more than the first buffer
        byte[] bytes = BinaryOut.start((byte) 7).string(text).bool(true).number(-5).toByteArray();
        BinaryIn in = new BinaryIn(bytes);
        assertThat(in.format()).isEqualTo((byte) 7);
        assertThat(in.string()).isEqualTo(text);
        assertThat(in.bool()).isTrue();
        assertThat(in.number()).isEqualTo(-5);
    }

    @Test
    void shouldWriteStringsAsTheSameUtf8AsTheJdk() {
        String[] strings = {"", "TZ-2024-017", "café", "城关镇重点项目", "项目😀一", "a\uD800b", "\uDC00", "end\uD83D"};
        for (String string : strings) {
            byte[] jdk = string.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] bytes = written(BinaryOut.start((byte) 7).string(string));
            BinaryIn in = new BinaryIn(bytes);
            assertThat(in.integer()).as("length of %s", string).isEqualTo(jdk.length + 1);
            assertThat(Arrays.copyOfRange(bytes, bytes.length - jdk.length, bytes.length)).as(string).isEqualTo(jdk);
        }
    }

    @Test
    void shouldLeaveWhatItHandedOutAloneWhenItWritesTheNextRecord() {
        byte[] first = BinaryOut.start((byte) 7).string("县".repeat(30_000)).toByteArray();
        byte[] second = BinaryOut.start((byte) 8).string("next").toByteArray();

        BinaryIn in = new BinaryIn(first);
        assertThat(in.format()).isEqualTo((byte) 7);
        assertThat(in.string()).isEqualTo("县".repeat(30_000));
        assertThat(second).hasSize(6).startsWith(8);
    }

    /** The bytes after the format byte. */
    private static byte[] written(BinaryOut out) {
        byte[] all = out.toByteArray();
        return Arrays.copyOfRange(all, 1, all.length);
    }
}
