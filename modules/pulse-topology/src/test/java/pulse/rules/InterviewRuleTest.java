package pulse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pulse.model.Grade;
import pulse.model.Light;
import pulse.model.PeriodSnapshot.Interview;
import pulse.model.UnitRank;
import pulse.model.Warning;
import pulse.model.WorkArea;

class InterviewRuleTest {

    private static UnitRank unit(int rank, String unit, Grade grade, String achievement) {
        return new UnitRank(rank, unit, grade, achievement == null ? null : new BigDecimal(achievement), null);
    }

    private static Warning red(String projectId, String unit) {
        return new Warning(projectId, "项目" + projectId, unit, "玉泉镇", WorkArea.URBAN, Light.RED,
                new BigDecimal("-40"), List.of(), List.of());
    }

    @ParameterizedTest(name = "graded {0}: called in {1}")
    @CsvSource({
        "EXCELLENT, false",
        "GOOD,      false",
        "FAIR,      false",
        "POOR,      true",     // 落实不力
        "FAILING,   true",     // 落实较差
    })
    void shouldCallInUnitsGradedPoorOrWorse(Grade grade, boolean calledIn) {
        List<Interview> interviews = InterviewRule.interviews(List.of(unit(1, "县住建局", grade, "0.5")), List.of(),
                List.of(), RuleSettings.DEFAULTS);
        assertThat(interviews).hasSize(calledIn ? 1 : 0);
    }

    @ParameterizedTest(name = "red now, red before: {0}; called in {1}")
    @CsvSource({
        "'P1',    true",      // red in this period and the one before
        "'P2',    false",     // another project was red before
        "'',      false",     // nothing red before (or that period was not closed)
    })
    void shouldCallInAUnitWithAProjectRedInTwoConsecutivePeriods(String redBefore, boolean calledIn) {
        Set<String> before = redBefore.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(redBefore.split(",")));
        List<Interview> interviews = InterviewRule.interviews(List.of(unit(1, "县住建局", Grade.EXCELLENT, "1.2")),
                List.of(red("P1", "县住建局")), List.of(before), RuleSettings.DEFAULTS);
        assertThat(interviews).hasSize(calledIn ? 1 : 0);
        interviews.forEach(i -> assertThat(i.reasons()).containsExactly("项目「项目P1」（P1）连续2期红灯"));
    }

    @Test
    void shouldNotCountAStreakWhenThePreviousPeriodIsMissing() {
        assertThat(InterviewRule.interviews(List.of(), List.of(red("P1", "县住建局")), new ArrayList<>(),
                RuleSettings.DEFAULTS)).isEmpty();
    }

    @Test
    void shouldListTheWorstRankedFirstWithEveryReason() {
        List<UnitRank> ranking = List.of(unit(1, "甲", Grade.EXCELLENT, "1.1"), unit(2, "乙", Grade.POOR, "0.65"),
                unit(3, "丙", Grade.FAILING, "0.3"));

        List<Interview> interviews = InterviewRule.interviews(ranking, List.of(red("P9", "乙")), List.of(Set.of("P9")),
                RuleSettings.DEFAULTS);

        assertThat(interviews).extracting(Interview::unitId).containsExactly("丙", "乙");
        assertThat(interviews.get(0).reasons()).containsExactly("综合评定为落实较差（完成序时进度的30.0%）");
        assertThat(interviews.get(1).reasons())
                .containsExactly("综合评定为落实不力（完成序时进度的65.0%）", "项目「项目P9」（P9）连续2期红灯");
    }
}
