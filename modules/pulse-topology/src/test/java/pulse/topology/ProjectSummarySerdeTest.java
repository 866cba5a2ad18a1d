package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pulse.topology.TestEvents.bytes;
import static pulse.topology.TestEvents.investment;
import static pulse.topology.TestEvents.milestone;
import static pulse.topology.TestEvents.registration;
import static pulse.topology.TestEvents.withPlannedMilestones;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.Light;
import pulse.model.Messages;
import pulse.model.ProjectView;
import pulse.rules.RuleSettings;

class ProjectSummarySerdeTest {

    private final EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
    private final ProjectSummarySerde serde = new ProjectSummarySerde();

    private static final LocalDate TODAY = LocalDate.parse("2022-06-30");
    private final ProjectEvaluator evaluator = new ProjectEvaluator(RuleSettings.DEFAULTS);

    /** A late project (red, with reasons) that reported cents in two months. */
    private ProjectState state() {
        return ProjectState.empty("P1")
                .apply(codec.decode(bytes(withPlannedMilestones(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"),
                        Map.of("STARTED", "2022-03-15")))))
                .apply(codec.decode(bytes(investment("P1", "2022-01", "1000.10"))))
                .apply(codec.decode(bytes(investment("P1", "2022-02", "0.01"))))
                .apply(codec.decode(bytes(milestone("P1", "STARTED", "2022-03-20"))));
    }

    private ProjectView view() {
        return evaluator.viewIn(state(), 2022, TODAY);
    }

    @Test
    void shouldGiveBackTheSameSummaryItWroteWithItsReasonsInBothLanguages() {
        ProjectSummary summary = evaluator.summary(state(), 2022, TODAY);
        byte[] bytes = serde.serializer().serialize("pulse.projects", summary);

        ProjectSummary read = serde.deserializer().deserialize("pulse.projects", bytes);

        assertThat(read).isEqualTo(summary);
        assertThat(read.light()).isEqualTo(Light.RED);
        assertThat(read.reasons(Messages.ZH)).isNotEmpty().isEqualTo(view().reasons());
        assertThat(read.reasons(Messages.EN)).isNotEmpty().isEqualTo(view().reasonsEn());
        assertThat(read.tally().completedThisYear()).isEqualByComparingTo("1000.11");
        assertThat(read.tally().started()).isEqualTo(1);
    }

    @Test
    void shouldSummariseAsTheViewDoesWithoutMakingTheView() {
        ProjectView view = view();
        ProjectSummary fromView = ProjectSummary.of(view);

        ProjectSummary summary = evaluator.summary(state(), 2022, TODAY);

        assertThat(summary).usingRecursiveComparison().ignoringFields("reasons").isEqualTo(fromView);
        assertThat(summary.tally()).isEqualTo(fromView.tally());
        assertThat(summary.reasons(Messages.ZH)).isEqualTo(view.reasons());
        assertThat(summary.reasons(Messages.EN)).isEqualTo(view.reasonsEn());
        assertThat(evaluator.summaries(state(), TODAY)).containsOnlyKeys(evaluator.views(state(), TODAY).keySet());
    }

    @Test
    void shouldStillReadASummaryWithItsReasonsWrittenOut() {
        ProjectView view = view();
        ProjectSummary summary = evaluator.summary(state(), 2022, TODAY);
        BinaryOut formatOne = BinaryOut.start((byte) 1);
        formatOne.string(summary.projectId()).integer(summary.year()).string(summary.name()).string(summary.unitId())
                .string(summary.township()).name(summary.area()).name(summary.level()).name(summary.status())
                .name(summary.light()).decimal(summary.deviationPoints()).decimal(summary.completedThisYear())
                .list(view.reasons(), formatOne::string).list(view.reasonsEn(), formatOne::string);
        summary.tally().writeTo(formatOne);

        ProjectSummary read = serde.deserializer().deserialize("pulse.projects", formatOne.toByteArray());

        assertThat(read).usingRecursiveComparison().ignoringFields("reasons").isEqualTo(summary);
        assertThat(read.reasons(Messages.ZH)).isEqualTo(view.reasons());
        assertThat(read.reasons(Messages.EN)).isEqualTo(view.reasonsEn());
    }

    @Test
    void shouldBeSmallerThanTheViewAsJson() {
        ProjectView view = view();
        byte[] summary = serde.serializer().serialize("pulse.projects", evaluator.summary(state(), 2022, TODAY));
        byte[] json = new JsonSerde<>(ProjectView.class).serializer().serialize("pulse.projects", view);

        System.out.printf("A red project's summary: %d bytes; its view as JSON: %d bytes%n", summary.length, json.length);
        assertThat(summary.length).isLessThan(json.length / 2);
    }

    @Test
    void shouldStillReadAViewThatAnEarlierVersionWroteAsJson() {
        ProjectView view = view();
        byte[] json = new JsonSerde<>(ProjectView.class).serializer().serialize("pulse.projects", view);

        ProjectSummary read = serde.deserializer().deserialize("pulse.projects", json);

        assertThat(read).isEqualTo(ProjectSummary.of(view));
        assertThat(read.reasons(Messages.EN)).isEqualTo(view.reasonsEn());
    }

    @Test
    void shouldPassTombstonesThroughAndRefuseAFormatItDoesNotKnow() {
        assertThat(serde.serializer().serialize("pulse.projects", null)).isNull();
        assertThat(serde.deserializer().deserialize("pulse.projects", null)).isNull();
        assertThatThrownBy(() -> serde.deserializer().deserialize("pulse.projects", new byte[] {9, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
    }
}
