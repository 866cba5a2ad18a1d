package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static pulse.topology.TestEvents.bytes;
import static pulse.topology.TestEvents.investment;
import static pulse.topology.TestEvents.registration;
import static pulse.topology.TestEvents.withPlannedMilestones;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pulse.model.Light;
import pulse.rules.RuleSettings;

/**
 * The processor alone, on a mock context with the projects store: what it forwards for each record
 * (a summary that moved, nothing when nothing shown moved, a refusal with its reason and source),
 * what it stores, and its day check, its punctuator fired by hand.
 */
class ProjectProcessorTest {

    private final MutableClock clock = new MutableClock(LocalDate.parse("2022-03-20"));
    private final MockProcessorContext<String, byte[]> context = new MockProcessorContext<>();
    private final ProjectProcessor processor = new ProjectProcessor(clock, new ProjectEvaluator(RuleSettings.DEFAULTS),
            Duration.ofMinutes(1), new OpenProjectStores());
    private KeyValueStore<String, ProjectState> store;
    private long offset;

    @BeforeEach
    void initProcessorOnAMockContext() {
        store = Stores.keyValueStoreBuilder(InPlaceStore.supplier(ProjectStore.NAME), Serdes.String(),
                new ProjectStateSerde()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        processor.init(context);
    }

    private void process(String key, byte[] value) {
        context.setRecordMetadata(Topics.EVENTS.name(), 0, offset++);
        processor.process(new Record<>(key, value, clock.millis()));
    }

    private List<Record<String, byte[]>> forwarded() {
        List<Record<String, byte[]>> sent = context.forwarded().stream()
                .map(forward -> new Record<String, byte[]>(forward.record().key(), forward.record().value(),
                        forward.record().timestamp(), forward.record().headers())).toList();
        context.resetForwards();
        return sent;
    }

    private static ProjectSummary summary(Record<String, byte[]> sent) {
        return new ProjectSummarySerde().deserializer().deserialize(Topics.PROJECTS.name(), sent.value());
    }

    @Test
    void shouldForwardTheSummaryOfTheYearARegistrationEntersAndStoreTheStateWithItsOffset() {
        process("P1", bytes(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00")));

        List<Record<String, byte[]>> outcomes = forwarded();
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).key()).isEqualTo("2022/P1");
        assertThat(outcomes.get(0).headers().toArray()).as("nothing that would route it to the dead letters").isEmpty();
        assertThat(summary(outcomes.get(0)).unitId()).isEqualTo("县住建局");
        assertThat(store.get("P1").registered()).isTrue();
        assertThat(store.get("P1").eventOffsets()).containsExactly(0L);
    }

    @Test
    void shouldForwardNothingWhenAnAcceptedEventChangesNothingTheSummaryShows() {
        process("P1", bytes(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00")));
        process("P1", bytes(investment("P1", "2022-02", "100.00")));
        forwarded();

        // The same figure again, as a correction: accepted and kept, but no summary moved
        process("P1", bytes(investment("P1", "2022-02", "100.00").put("reason", "重报")));

        assertThat(forwarded()).isEmpty();
        assertThat(store.get("P1").eventOffsets()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void shouldRefuseAnUnreadableRecordWithItsReasonAndSourceAndLeaveTheStoreAlone() {
        process("P1", "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(context.forwarded()).hasSize(1);
        var refused = context.forwarded().get(0).record();
        assertThat(refused.key()).isEqualTo("P1");
        assertThat(new String(refused.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(new String(refused.headers().lastHeader(Topics.SOURCE_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("pulse.events-0@0");
        assertThat(refused.headers().lastHeader(Topics.REASON_HEADER)).isNotNull();
        assertThat(store.get("P1")).isNull();
    }

    @Test
    void shouldReevaluateEveryProjectOnceADayWhenItsPunctuatorFires() {
        process("P1", bytes(withPlannedMilestones(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"),
                Map.of("STARTED", "2022-03-15"))));
        process("P1", bytes(investment("P1", "2022-02", "1500.00")));
        assertThat(summary(forwarded().get(1)).light()).isEqualTo(Light.YELLOW);
        var dayCheck = context.scheduledPunctuators().get(0);
        assertThat(dayCheck.getInterval()).isEqualTo(Duration.ofMinutes(1));

        // The same day: nothing to do
        dayCheck.getPunctuator().punctuate(clock.millis());
        assertThat(forwarded()).isEmpty();

        // Three months late, with no event at all: red
        clock.setToday(LocalDate.parse("2022-06-15"));
        dayCheck.getPunctuator().punctuate(clock.millis());
        List<Record<String, byte[]>> outcomes = forwarded();
        assertThat(outcomes).hasSize(1);
        assertThat(summary(outcomes.get(0)).light()).isEqualTo(Light.RED);
    }
}
