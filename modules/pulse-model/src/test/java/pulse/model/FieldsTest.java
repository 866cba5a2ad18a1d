package pulse.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FieldsTest {

    /** What an id is, as a pattern: the oracle for the loop that checks it. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    @Test
    void shouldTakeAsAnIdWhatThePatternOfAnIdMatches() {
        Random random = new Random(2022);
        String alphabet = "aZ09_.-/ 项é\t";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder id = new StringBuilder();
            int length = random.nextInt(70);
            for (int at = 0; at < length; at++) {
                id.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : alphabet.charAt(random.nextInt(7)));
            }
            assertThat(Fields.isId(id.toString())).as(id.toString()).isEqualTo(ID.matcher(id).matches());
        }
        assertThat(Fields.isId("TZ-2022-001")).isTrue();
        assertThat(Fields.isId("-TZ")).isFalse();
        assertThat(Fields.isId("A".repeat(65))).isFalse();
    }
}
