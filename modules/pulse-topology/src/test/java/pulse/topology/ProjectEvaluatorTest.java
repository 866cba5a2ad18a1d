package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static pulse.topology.TestEvents.annualPlan;
import static pulse.topology.TestEvents.bytes;
import static pulse.topology.TestEvents.investment;
import static pulse.topology.TestEvents.milestone;
import static pulse.topology.TestEvents.registration;
import static pulse.topology.TestEvents.withPlannedMilestones;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.rules.RuleSettings;

/**
 * The evaluator alone, on states built from events: which plan years a project is in, the view a
 * read asks for, its status and light with the reasons, and the summary that agrees with the view,
 * which is what its {@link Tally} counts.
 */
class ProjectEvaluatorTest {

    private static final LocalDate TODAY = LocalDate.parse("2022-06-30");
    private final EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
    private final ProjectEvaluator evaluator = new ProjectEvaluator(RuleSettings.DEFAULTS);

    private ProjectState state(ObjectNode... events) {
        ProjectState state = ProjectState.empty("P1");
        for (ObjectNode event : events) {
            state = state.apply(codec.decode(bytes(event)));
        }
        return state;
    }

    private static ObjectNode registered() {
        return withPlannedMilestones(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"), Map.of("STARTED", "2022-03-15"));
    }

    @Test
    void shouldBeInEachYearItHasAPlanForAndAnswerTheYearOfTodayWhenNoneIsAsked() {
        ProjectState state = state(registered(), annualPlan("P1", 2023, "1200.00"));

        assertThat(evaluator.views(state, TODAY)).containsOnlyKeys(2022, 2023);
        assertThat(evaluator.summaries(state, TODAY)).containsOnlyKeys(2022, 2023);
        assertThat(evaluator.viewFor(state, null, TODAY).year()).isEqualTo(2022);
        assertThat(evaluator.viewFor(state, 2023, TODAY).annualPlan()).isEqualByComparingTo("1200.00");
    }

    @Test
    void shouldLightALateStartRedWithItsReasonAndGreenOnceStarted() {
        ProjectState late = state(registered(), investment("P1", "2022-02", "1500.00"));
        ProjectView view = evaluator.viewIn(late, 2022, TODAY);
        assertThat(view.status()).isEqualTo(ProjectStatus.PREPARING);
        assertThat(view.light()).isEqualTo(Light.RED);
        assertThat(view.reasons()).anySatisfy(reason -> assertThat(reason).contains("2022-03-15", "未开工"));

        ProjectState started = late.apply(codec.decode(bytes(milestone("P1", "STARTED", "2022-03-18"))))
                .apply(codec.decode(bytes(investment("P1", "2022-05", "3000.00"))));
        ProjectView now = evaluator.viewIn(started, 2022, TODAY);
        assertThat(now.status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThat(now.light()).isEqualTo(Light.GREEN);
        assertThat(now.completedThisYear()).isEqualByComparingTo("4500.00");
    }

    @Test
    void shouldSummariseWhatTheViewShowsAndCountItOnceInTheTally() {
        ProjectState state = state(registered(), milestone("P1", "STARTED", "2022-03-18"),
                investment("P1", "2022-04", "1000.10"), investment("P1", "2022-05", "0.01"));
        ProjectView view = evaluator.viewIn(state, 2022, TODAY);
        ProjectSummary summary = evaluator.summary(state, 2022, TODAY);

        assertThat(summary.light()).isEqualTo(view.light());
        assertThat(summary.completedThisYear()).isEqualByComparingTo(view.completedThisYear());
        assertThat(summary.tally().projects()).isEqualTo(1);
        assertThat(summary.tally()).isEqualTo(Tally.of(view));
        // A tally taken off what it was added to leaves nothing, to the cent
        Tally.Running sums = new Tally.Running();
        sums.add(summary.tally(), 1);
        sums.add(summary.tally(), -1);
        assertThat(sums.snapshot().isZero()).isTrue();
        assertThat(view.completedThisYear()).isEqualByComparingTo(new BigDecimal("1000.11"));
    }
}
