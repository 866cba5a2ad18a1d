package pulse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pulse.model.Light;
import pulse.model.Milestone;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.ProjectView.MilestoneView;

class CarryForwardRuleTest {

    private static ProjectView view(String total, String sinceStart, boolean completed) {
        Map<Milestone, MilestoneView> milestones = completed
                ? Map.of(Milestone.COMPLETED, new MilestoneView(null, java.time.LocalDate.of(2022, 11, 1), false)) : Map.of();
        BigDecimal zero = BigDecimal.ZERO;
        return new ProjectView("P1", "项目P1", null, "玉泉镇", "县住建局", null, new BigDecimal(total), 2022, zero, null,
                zero, ProjectStatus.UNDER_CONSTRUCTION, null, zero, new BigDecimal(sinceStart), zero, zero, zero, zero,
                Map.of(), milestones, List.of(), List.of(), null, Light.GREEN, List.of(), 2022, true, Map.of(), List.of());
    }

    @ParameterizedTest(name = "total {0}, since start {1}, completed {2}, planned already {3}: proposed {4}")
    @CsvSource({
        "18000.00, 6500.50,  false, false, 11499.50",
        "18000.00, 18000.00, false, false, 0.00",      // all spent, not finished: a plan of nothing, to be edited
        "18000.00, 19000.00, false, false, 0.00",      // spent more than planned: never below zero
        "18000.00, 6500.50,  true,  false, NONE",      // finished: leaves the list
        "18000.00, 6500.50,  false, true,  NONE",      // the office set its plan already
    })
    void shouldProposeTheRemainingInvestmentForUnfinishedProjectsWithoutAPlan(String total, String sinceStart,
            boolean completed, boolean plannedAlready, String expected) {
        List<CarryForwardRule.Proposal> proposals = CarryForwardRule.propose(List.of(view(total, sinceStart, completed)),
                plannedAlready ? Set.of("P1") : Set.of(), 2023);

        assertThat(proposals.stream().map(p -> p.annualPlan().toPlainString()).findFirst().orElse("NONE"))
                .isEqualTo(expected);
        proposals.forEach(p -> assertThat(p.year()).isEqualTo(2023));
    }
}
