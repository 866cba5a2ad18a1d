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
import pulse.model.ProjectView;
import pulse.rules.RuleSettings;

class ProjectSummarySerdeTest {

    private final EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
    private final ProjectSummarySerde serde = new ProjectSummarySerde();

    /** A late project (red, with reasons in both languages) that reported cents in two months. */
    private ProjectView view() {
        ProjectState state = ProjectState.empty("P1")
                .apply(codec.decode(bytes(withPlannedMilestones(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"),
                        Map.of("STARTED", "2022-03-15")))))
                .apply(codec.decode(bytes(investment("P1", "2022-01", "1000.10"))))
                .apply(codec.decode(bytes(investment("P1", "2022-02", "0.01"))))
                .apply(codec.decode(bytes(milestone("P1", "STARTED", "2022-03-20"))));
        return new ProjectEvaluator(RuleSettings.DEFAULTS).viewIn(state, 2022, LocalDate.parse("2022-06-30"));
    }

    @Test
    void shouldGiveBackTheSameSummaryItWrote() {
        ProjectSummary summary = ProjectSummary.of(view());
        byte[] bytes = serde.serializer().serialize("pulse.projects", summary);

        ProjectSummary read = serde.deserializer().deserialize("pulse.projects", bytes);

        assertThat(read).isEqualTo(summary);
        assertThat(read.light()).isEqualTo(Light.RED);
        assertThat(read.reasons()).isNotEmpty().isEqualTo(view().reasons());
        assertThat(read.tally().completedThisYear()).isEqualByComparingTo("1000.11");
        assertThat(read.tally().started()).isEqualTo(1);
    }

    @Test
    void shouldBeSmallerThanTheViewAsJson() {
        ProjectView view = view();
        byte[] summary = serde.serializer().serialize("pulse.projects", ProjectSummary.of(view));
        byte[] json = new JsonSerde<>(ProjectView.class).serializer().serialize("pulse.projects", view);

        System.out.printf("A red project's summary: %d bytes; its view as JSON: %d bytes%n", summary.length, json.length);
        assertThat(summary.length).isLessThan(json.length / 2);
    }

    @Test
    void shouldStillReadAViewThatAnEarlierVersionWroteAsJson() {
        ProjectView view = view();
        byte[] json = new JsonSerde<>(ProjectView.class).serializer().serialize("pulse.projects", view);

        assertThat(serde.deserializer().deserialize("pulse.projects", json)).isEqualTo(ProjectSummary.of(view));
    }

    @Test
    void shouldPassTombstonesThroughAndRefuseAFormatItDoesNotKnow() {
        assertThat(serde.serializer().serialize("pulse.projects", null)).isNull();
        assertThat(serde.deserializer().deserialize("pulse.projects", null)).isNull();
        assertThatThrownBy(() -> serde.deserializer().deserialize("pulse.projects", new byte[] {9, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
    }
}
