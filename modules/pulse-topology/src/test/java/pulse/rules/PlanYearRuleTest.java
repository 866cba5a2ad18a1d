package pulse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanYearRuleTest {

    @ParameterizedTest(name = "first plan year 2022, report for {0}: accepted {1}")
    @CsvSource({
        "2021-12, false",   // before the plan years: that is investedBeforeYear
        "2022-01, true",
        "2022-12, true",
        "2023-01, true",    // a later year, with or without its plan
    })
    void shouldAcceptReportsFromTheFirstPlanYearOn(YearMonth period, boolean accepted) {
        assertThat(PlanYearRule.reportRefusal(2022, period).isEmpty()).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "first plan year 2022, plan for {0}: accepted {1}")
    @CsvSource({"2021, false", "2022, true", "2023, true", "2030, true"})
    void shouldAcceptPlansFromTheFirstPlanYearOn(int year, boolean accepted) {
        assertThat(PlanYearRule.planRefusal(2022, year).isEmpty()).isEqualTo(accepted);
    }
}
