package pulse.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

    @Test
    void everyMessageIsInBothLanguagesAndRendersWithArguments() {
        Set<String> zh = new TreeSet<>(Collections.list(Messages.bundle(Messages.ZH).getKeys()));
        Set<String> en = new TreeSet<>(Collections.list(Messages.bundle(Messages.EN).getKeys()));

        assertThat(zh).isEqualTo(en).isNotEmpty();
        for (String key : zh) {
            Text text = Text.of(key, "A0", "A1", "A2", "A3", "A4");
            assertThat(text.in(Messages.ZH)).as(key).isNotBlank().doesNotContain("{0}");
            assertThat(text.in(Messages.EN)).as(key).isNotBlank().doesNotContain("{0}");
            // A Chinese message is written in Chinese: some CJK character besides the arguments and the unit 万元
            // (but for the one that shows a reason an earlier version wrote out: it is all argument)
            if (!key.equals("reason.asWritten")) {
                assertThat(text.in(Messages.ZH).replace("万元", "")).as(key).containsPattern("\\p{IsHan}");
            }
        }
    }

    @Test
    void everyMilestoneAndGradeHasANameInBothLanguages() {
        for (Enum<?> value : java.util.stream.Stream.concat(java.util.Arrays.stream(Milestone.values()),
                java.util.Arrays.stream(Grade.values())).toList()) {
            assertThat(Messages.name(value).in(Messages.ZH)).isEqualTo(Messages.label(value));
            assertThat(Messages.name(value).in(Messages.EN)).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        }
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"-, zh", "zh-CN, zh", "en, en", "en-US;q=0.9, en", "fr, zh",
            "'en;q=0.5, zh;q=0.9', zh", "'zh;q=0.5, en;q=0.9', en", "not a header!!, zh"})
    void shouldPickTheLanguageOfTheRequestAndChineseWhenNoneIsSaid(String header, String language) {
        assertThat(Messages.of(header).getLanguage()).isEqualTo(language);
    }

    @Test
    void shouldSayWhatIsWrongInChineseByDefaultAndInEnglishWhenAsked() {
        FieldError error = new FieldError("amount", "\"八十\"", Text.of("field.money.from", BigDecimal.ZERO, new BigDecimal("100000000")));

        assertThat(error.message(Messages.ZH)).isEqualTo("amount：填写的是 \"八十\"，应为以万元为单位、最多两位小数的数字，0至100000000");
        assertThat(error.message(Locale.ENGLISH)).isEqualTo(
                "amount was \"八十\"; expected a JSON number of 万元 with at most two decimals, from 0 to 100000000");
    }

    @Test
    void shouldListTheChoicesOfAnEnumWithTheirChineseNames() {
        Text text = Text.of("field.oneOf", Messages.choices(Level.class));

        assertThat(text.in(Messages.ZH)).isEqualTo("以下之一：PROVINCE（省级）、CITY（市级）、COUNTY（县级）");
        assertThat(text.in(Messages.EN)).isEqualTo("one of PROVINCE, CITY, COUNTY");
    }
}
