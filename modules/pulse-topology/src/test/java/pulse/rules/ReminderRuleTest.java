package pulse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReminderRuleTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2022-07-06, NONE",        // more than three days before the 10th
        "2022-07-07, DUE_SOON",
        "2022-07-09, DUE_SOON",
        "2022-07-10, DUE_TODAY",
        "2022-07-11, NONE",        // after the deadline the bulletin lists the late ones; no more reminders
        "2022-07-31, NONE",
    })
    void shouldRemindFromThreeDaysBeforeTheDeadlineAndOnIt(LocalDate today, String expected) {
        assertThat(ReminderRule.due(today, RuleSettings.DEFAULTS).map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }

    @Test
    void shouldNameTheUnitTheMonthTheDeadlineAndTheProjects() {
        String text = ReminderRule.text(ReminderRule.Kind.DUE_TODAY, YearMonth.of(2022, 6), LocalDate.of(2022, 7, 10),
                "县水务局", List.of("张西河灌区续建配套", "石佛寺供水工程"));
        assertThat(text).isEqualTo("【重点项目报送提醒】县水务局：2022年6月投资完成情况今天（2022-07-10）是报送截止日，"
                + "以下2个项目尚未报送：张西河灌区续建配套、石佛寺供水工程。请及时报送。");
    }
}
