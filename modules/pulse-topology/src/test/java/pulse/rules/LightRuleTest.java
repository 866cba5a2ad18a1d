package pulse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pulse.model.Light;
import pulse.model.Messages;
import pulse.model.Text;
import pulse.model.Milestone;
import pulse.model.ProjectStatus;

class LightRuleTest {

    private static final RuleSettings RULES = RuleSettings.DEFAULTS;

    @ParameterizedTest(name = "deviation {0} points: {1}")
    @CsvSource({
        "5.00, GREEN",
        "0.00, GREEN",
        "-10.00, GREEN",
        "-10.01, YELLOW",
        "-30.00, YELLOW",
        "-30.01, RED",
        "-100.00, RED",
    })
    void shouldLightInvestmentByDeviation(BigDecimal points, Light expected) {
        Optional<Finding> finding = LightRule.investment(new BigDecimal("0.2000"), new BigDecimal("0.5000"), points, RULES);
        assertThat(finding.map(Finding::light).orElse(Light.GREEN)).isEqualTo(expected);
    }

    @Test
    void shouldSayHowFarBehindInWords() {
        Finding finding = LightRule.investment(new BigDecimal("0.2703"), new BigDecimal("0.5000"),
                new BigDecimal("-22.97"), RULES).orElseThrow();
        assertThat(finding.reason().in(Messages.ZH)).isEqualTo("投资完成率27.03%，时序进度50%，落后22.97个百分点");
        assertThat(finding.reason().in(Messages.EN)).isEqualTo("completed 27.03% against a target of 50%, 22.97 points behind");
    }

    @ParameterizedTest(name = "planned 2022-03-15, today {0}: {1}")
    @CsvSource({
        "2022-03-15, GREEN",   // due today, not late yet
        "2022-03-16, YELLOW",
        "2022-04-15, YELLOW",  // one month
        "2022-06-14, YELLOW",  // two months and 30 days
        "2022-06-15, RED",     // three months
        "2022-12-31, RED",
    })
    void shouldLightAMissedStartYellowThenRedFromThreeMonths(LocalDate today, Light expected) {
        Optional<Finding> finding = LightRule.milestone(Milestone.STARTED, LocalDate.parse("2022-03-15"), false, today, RULES);
        assertThat(finding.map(Finding::light).orElse(Light.GREEN)).isEqualTo(expected);
    }

    @Test
    void shouldNotLightAMilestoneThatWasReached() {
        assertThat(LightRule.milestone(Milestone.COMPLETED, LocalDate.parse("2022-01-01"), true,
                LocalDate.parse("2022-12-01"), RULES)).isEmpty();
        assertThat(LightRule.milestone(Milestone.STARTED, LocalDate.parse("2022-03-15"), false,
                LocalDate.parse("2022-07-01"), RULES).orElseThrow().reason().in(Messages.ZH))
                .isEqualTo("计划2022-03-15开工，已逾期3个月未开工");
    }

    @ParameterizedTest(name = "today {0}, reported {1}, {2}: {3}")
    @CsvSource({
        "2022-06-10, '', UNDER_CONSTRUCTION, GREEN",          // due by the 10th: not late yet
        "2022-06-11, '', UNDER_CONSTRUCTION, YELLOW",
        "2022-06-11, 2022-05, UNDER_CONSTRUCTION, GREEN",
        "2022-06-11, '', PREPARING, YELLOW",
        "2022-06-11, '', SUSPENDED, GREEN",                  // suspension has its own finding
        "2022-06-11, '', COMPLETED, GREEN",
        "2022-01-20, '', UNDER_CONSTRUCTION, GREEN",         // last month is before the first plan year
        "2023-01-20, '', UNDER_CONSTRUCTION, YELLOW",        // December's report is still due in January
        "2023-02-20, '', UNDER_CONSTRUCTION, YELLOW",        // and the new year's months are due too
    })
    void shouldLightSilenceAfterTheDueDay(LocalDate today, String reported, ProjectStatus status, Light expected) {
        Set<String> periods = reported.isEmpty() ? Set.of() : Set.of(reported);
        Optional<Finding> finding = LightRule.silence(2022, periods, status, today, RULES);
        assertThat(finding.map(Finding::light).orElse(Light.GREEN)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "plan year 2023, planned {0}, finished {1}, on {2}: {3}")
    @CsvSource({
        "true,  false, 2023-03-01, NONE",
        "false, true,  2023-03-01, NONE",      // a finished project needs no new plan
        "false, false, 2022-12-31, NONE",      // the year has not begun
        "false, false, 2023-01-01, GREEN",     // listed with its reason, not yet late
        "false, false, 2023-01-31, GREEN",
        "false, false, 2023-02-01, YELLOW",    // from February on (the setting's default)
        "false, false, 2024-01-15, YELLOW",    // a past year that never got its plan
    })
    void shouldListAnUnfinishedProjectWithoutAPlanForTheYear(boolean planned, boolean finished, LocalDate today,
            String expected) {
        Optional<Finding> finding = LightRule.noPlan(2023, planned, finished, today, RULES);
        assertThat(finding.map(f -> f.light().name()).orElse("NONE")).isEqualTo(expected);
        finding.ifPresent(f -> assertThat(f.reason().in(Messages.ZH)).isEqualTo("尚无2023年度投资计划"));
    }

    @ParameterizedTest(name = "due {0}, today {1}: {2}")
    @CsvSource({
        "'',         2022-06-30, NONE",      // no due date: never late
        "2022-06-30, 2022-06-30, NONE",      // due today: not late yet
        "2022-06-30, 2022-07-01, YELLOW",
        "2022-06-30, 2022-07-30, YELLOW",    // 30 days late
        "2022-06-30, 2022-07-31, RED",       // more than 30 days (the setting's default)
    })
    void shouldLightAnOpenIssuePastItsDueDate(String due, LocalDate today, String expected) {
        LocalDate dueDate = due.isEmpty() ? null : LocalDate.parse(due);
        Optional<Finding> finding = LightRule.overdueIssue("LAND-7", "临时用地未批复", "县自然资源局", dueDate, today, RULES);
        assertThat(finding.map(f -> f.light().name()).orElse("NONE")).isEqualTo(expected);
        finding.ifPresent(f -> assertThat(f.reason().in(Messages.ZH)).startsWith("问题「临时用地未批复」（LAND-7）已超过办结时限")
                .contains("责任单位县自然资源局", "时限2022-06-30"));
    }

    @Test
    void shouldTakeTheWorstFindingAsTheLight() {
        assertThat(LightRule.worst(List.of())).isEqualTo(Light.GREEN);
        assertThat(LightRule.worst(List.of(new Finding(Light.YELLOW, Text.of("reason.noPlan", 2022)),
                new Finding(Light.RED, Text.of("reason.noPlan", 2023)), new Finding(Light.YELLOW, Text.of("reason.noPlan", 2024))))).isEqualTo(Light.RED);
        assertThat(LightRule.suspension("征地未完成").orElseThrow())
                .isEqualTo(new Finding(Light.YELLOW, Text.of("reason.suspended", "征地未完成")));
    }
}
