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
import pulse.rules.RuleSettings;

class SmileSerdeTest {

    private final EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
    private final SmileSerde<ProjectState> smile = new SmileSerde<>(ProjectState.class);

    /** A project with a plan, milestones planned and reached, reports with cents, and its published view's fingerprint. */
    private ProjectState state() {
        ProjectState state = ProjectState.empty("P1")
                .apply(codec.decode(bytes(withPlannedMilestones(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"),
                        Map.of("STARTED", "2022-03-15")))))
                .apply(codec.decode(bytes(investment("P1", "2022-01", "1000.10"))))
                .apply(codec.decode(bytes(investment("P1", "2022-02", "0.01"))))
                .apply(codec.decode(bytes(milestone("P1", "STARTED", "2022-03-20"))));
        return state.withPublished(new java.util.TreeMap<>(Map.of(2022, 0x1234_5678_9abc_def0L)));
    }

    @Test
    void shouldGiveBackTheSameStateItWrote() {
        ProjectState state = state();
        byte[] bytes = smile.serializer().serialize("projects", state);

        assertThat(bytes[0]).isEqualTo((byte) ':');   // Smile's header, not JSON text
        assertThat(smile.deserializer().deserialize("projects", bytes)).isEqualTo(state);
    }

    @Test
    void shouldStillReadStateThatAnEarlierVersionWroteAsJson() {
        ProjectState state = state();
        byte[] json = new JsonSerde<>(ProjectState.class).serializer().serialize("projects", state);

        assertThat(smile.deserializer().deserialize("projects", json)).isEqualTo(state);
    }

    /**
     * A project's state as the version before plan years wrote it: one plan in its registration, a
     * single view, blockers without owner or due date. It reads as a state whose plan year is the
     * registration's and that has published nothing yet, so the first evaluation publishes every view in full.
     */
    @Test
    void shouldReadAStateWrittenBeforePlanYearsAsOneYearsPlanWithNoViewsYet() {
        String before = """
                {"projectId":"P1","unitId":"县住建局","registration":{"name":"项目P1","area":"URBAN","township":"玉泉镇",
                 "level":"COUNTY","totalInvestment":18000.00,"year":2022,"annualPlan":9000.00,"plannedMilestones":{},
                 "investedBeforeYear":0.00},"months":{"2022-05":100.00},"reached":{},"suspendedReason":null,
                 "openIssues":{"L1":{"kind":"LAND","text":"临时用地未批复","raisedOn":"2022-05-01"}},
                 "lastReportAt":null,"view":{"projectId":"P1","year":2022,"light":"GREEN"}}""";

        ProjectState read = smile.deserializer().deserialize("projects", before.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(read.plans()).containsOnlyKeys(2022);
        assertThat(read.plans().get(2022).annualPlan()).isEqualByComparingTo("9000.00");
        assertThat(read.published()).isEmpty();
        assertThat(read.resolvedIssues()).isEmpty();
        var views = new ProjectEvaluator(RuleSettings.DEFAULTS).views(read, LocalDate.parse("2022-06-30"));
        assertThat(views.get(2022).completedThisYear()).isEqualByComparingTo("100.00");
        assertThat(views.get(2022).openIssues()).singleElement().satisfies(issue ->
                assertThat(issue.ownerUnit()).isEqualTo("县住建局"));
    }

    @Test
    void shouldNameTheTopicOfAValueItCannotRead() {
        assertThatThrownBy(() -> smile.deserializer().deserialize("projects", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("projects");
    }
}
