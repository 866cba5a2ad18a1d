package pulse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pulse.model.Milestone;

class MilestoneOrderRuleTest {

    /** Reached: 开工 2022-03-18, 竣工 2022-10-30. */
    private static final Map<Milestone, LocalDate> REACHED = Map.of(
            Milestone.STARTED, LocalDate.of(2022, 3, 18), Milestone.COMPLETED, LocalDate.of(2022, 10, 30));

    @ParameterizedTest(name = "{0} on {1}: accepted {2}")
    @CsvSource({
        "APPROVED,        2022-03-01, true",
        "APPROVED,        2022-03-19, false",   // 立项 after 开工
        "STRUCTURE_DONE,  2022-08-01, true",
        "STRUCTURE_DONE,  2022-03-10, false",   // 主体完工 before 开工
        "STRUCTURE_DONE,  2022-11-01, false",   // 主体完工 after 竣工
        "IN_OPERATION,    2022-10-30, true",    // the same day as 竣工
        "IN_OPERATION,    2022-10-29, false",   // 投产 before 竣工
        "OPEN_TO_TRAFFIC, 2022-12-20, true",
        "OPEN_TO_TRAFFIC, 2022-09-01, false",   // 通车 before 竣工
        "STARTED,         2022-04-01, true",    // a corrected 开工 date, still before 竣工
        "STARTED,         2022-11-01, false",   // 开工 after 竣工
        "COMPLETED,       2022-03-01, false",   // 竣工 before 开工
    })
    void shouldAcceptOnlyMilestonesInTheirOrder(Milestone milestone, LocalDate date, boolean accepted) {
        var refusal = MilestoneOrderRule.refusal(milestone, date, REACHED);
        assertThat(refusal.isEmpty()).as(refusal.map(Object::toString).orElse("")).isEqualTo(accepted);
    }
}
