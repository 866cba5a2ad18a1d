package pulse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetRuleTest {

    private static final List<BigDecimal> MONTHLY = List.of(0, 0, 500, 800, 1000, 1200, 1200, 1200, 1000, 1000, 800, 300)
            .stream().map(BigDecimal::valueOf).toList();

    @ParameterizedTest(name = "{0} in plan year 2022: {1} months elapsed")
    @CsvSource({
        "2021-12-31, 0",   // before the plan year
        "2022-01-01, 0",
        "2022-01-30, 0",
        "2022-01-31, 1",   // a month counts from its last day
        "2022-02-28, 2",
        "2022-06-29, 5",
        "2022-06-30, 6",
        "2022-07-01, 6",
        "2022-12-30, 11",
        "2022-12-31, 12",
        "2023-01-01, 12",  // after the plan year
    })
    void shouldCountElapsedMonthsAtMonthAndYearBoundaries(LocalDate today, int elapsed) {
        assertThat(TargetRule.monthsElapsed(2022, today)).isEqualTo(elapsed);
    }

    @ParameterizedTest(name = "{0}: without a monthly plan {1}, with one {2}")
    @CsvSource({
        "2022-01-15, 0.0000, 0.0000",
        "2022-03-31, 2250.0000, 500.0000",
        "2022-06-30, 4500.0000, 3500.0000",
        "2022-12-31, 9000.0000, 9000.0000",
    })
    void shouldTargetElapsedShareOfPlanOrTheMonthlyPlan(LocalDate today, BigDecimal proportional, BigDecimal monthly) {
        BigDecimal annual = new BigDecimal("9000.00");
        assertThat(TargetRule.targetAmount(annual, null, 2022, today)).isEqualByComparingTo(proportional);
        assertThat(TargetRule.targetAmount(annual, MONTHLY, 2022, today)).isEqualByComparingTo(monthly);
    }

    @ParameterizedTest(name = "{0} / {1} = {2}; against {3}: {4} points")
    @CsvSource({
        "1250.00, 9000.00, 0.1389, 0.5000, -36.11",
        "4500.00, 9000.00, 0.5000, 0.5000, 0.00",
        "0.00, 9000.00, 0.0000, 0.0000, 0.00",
        "100.00, 0.00, 0.0000, 0.0000, 0.00",
    })
    void shouldDeriveRatesAndDeviationInPoints(BigDecimal part, BigDecimal whole, BigDecimal rate,
            BigDecimal target, BigDecimal points) {
        assertThat(TargetRule.rate(part, whole)).isEqualTo(rate);
        assertThat(TargetRule.deviationPoints(rate, target)).isEqualTo(points);
    }
}
