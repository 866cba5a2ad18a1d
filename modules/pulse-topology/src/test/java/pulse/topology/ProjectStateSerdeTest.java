package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pulse.topology.TestEvents.annualPlan;
import static pulse.topology.TestEvents.bytes;
import static pulse.topology.TestEvents.event;
import static pulse.topology.TestEvents.investment;
import static pulse.topology.TestEvents.issueRaised;
import static pulse.topology.TestEvents.milestone;
import static pulse.topology.TestEvents.registration;
import static pulse.topology.TestEvents.suspension;
import static pulse.topology.TestEvents.withMonthlyPlan;
import static pulse.topology.TestEvents.withPlannedMilestones;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.rules.RuleSettings;

class ProjectStateSerdeTest {

    private final EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
    private final ProjectStateSerde serde = new ProjectStateSerde();

    /**
     * A project with something in every field: two plan years (one by month), milestones planned
     * and reached, reports with cents, a month confirmed as unusual, a suspension, one blocker open
     * and one resolved, published fingerprints and the offsets of its events.
     */
    private ProjectState state() {
        ProjectState state = ProjectState.empty("P1");
        int offset = 17;
        for (ObjectNode event : events()) {
            state = state.apply(codec.decode(bytes(event))).withEventAt(2, offset);
            offset += 3;
        }
        return state.withPublished(new TreeMap<>(Map.of(2022, 0x1234_5678_9abc_def0L, 2023, -42L)));
    }

    private static List<ObjectNode> events() {
        ObjectNode confirmed = investment("P1", "2022-03", "4000.00");
        confirmed.put("confirm", true).put("reason", "设备一次到货");
        ObjectNode resolved = event("IssueResolved", "P1");
        resolved.put("issueId", "I-1").put("kind", "LAND").put("text", "已批复");
        return List.of(withPlannedMilestones(withMonthlyPlan(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"),
                        500, 500, 500, 500, 500, 500, 1000, 1000, 1000, 1000, 1000, 1000), Map.of("STARTED", "2022-03-15")),
                annualPlan("P1", 2023, "1200.50"), investment("P1", "2022-01", "1000.10"), investment("P1", "2022-02", "0.01"),
                confirmed, milestone("P1", "STARTED", "2022-03-20"), issueRaised("P1", "I-1", "县自然资源局", "2022-06-30"),
                resolved, issueRaised("P1", "I-2", null, null), suspension("ProjectSuspended", "P1", "汛期停工"));
    }

    /** A state shares with the one before it the maps an event does not change: none of them may move under it. */
    @Test
    void shouldLeaveEveryStateBeforeAnEventAsItWas() {
        ObjectNode resolvedUnknown = event("IssueResolved", "P1");
        resolvedUnknown.put("issueId", "I-9").put("kind", "LAND").put("text", "没有这个问题");
        List<ObjectNode> events = new ArrayList<>(events());
        events.addAll(List.of(resolvedUnknown, investment("P1", "2022-03", "3000.00")));
        List<ProjectState> states = new ArrayList<>(List.of(ProjectState.empty("P1")));
        List<byte[]> written = new ArrayList<>(List.of(serde.encode(states.get(0))));
        for (ObjectNode event : events) {
            ProjectState next = states.get(states.size() - 1).apply(codec.decode(bytes(event)));
            states.add(next);
            written.add(serde.encode(next));
        }
        for (int i = 0; i < states.size(); i++) {
            assertThat(serde.encode(states.get(i))).as("state after %d events", i).isEqualTo(written.get(i));
        }
        ProjectState last = states.get(states.size() - 1);
        assertThat(last.months()).containsEntry("2022-03", new java.math.BigDecimal("3000.00"));
        assertThat(last.confirmed()).as("a later report not confirmed").doesNotContainKey("2022-03");
        assertThat(states.get(states.size() - 2).confirmed()).containsKey("2022-03");
        assertThat(last.resolvedIssues()).as("an unknown blocker resolved changes nothing").containsOnlyKeys("I-1");
    }

    @Test
    void shouldGiveBackTheSameStateItWrote() {
        ProjectState state = state();
        assertThat(state.resolvedIssues()).containsKey("I-1");
        assertThat(state.openIssues()).containsKey("I-2");
        assertThat(state.confirmed()).containsKey("2022-03");

        byte[] bytes = serde.serializer().serialize("projects", state);

        assertThat(serde.deserializer().deserialize("projects", bytes)).isEqualTo(state);
    }

    @Test
    void shouldBeSmallerThanSmile() {
        ProjectState state = state();
        byte[] binary = serde.serializer().serialize("projects", state);
        byte[] smile = new SmileSerde<>(ProjectState.class).serializer().serialize("projects", state);

        System.out.printf("A project's state: %d bytes; as Smile: %d bytes%n", binary.length, smile.length);
        assertThat(binary.length).isLessThan(smile.length);
    }

    @Test
    void shouldStillReadStatesThatEarlierVersionsWroteAsSmileOrJson() {
        ProjectState state = state();
        byte[] smile = new SmileSerde<>(ProjectState.class).serializer().serialize("projects", state);
        byte[] json = new JsonSerde<>(ProjectState.class).serializer().serialize("projects", state);

        assertThat(serde.deserializer().deserialize("projects", smile)).isEqualTo(state);
        assertThat(serde.deserializer().deserialize("projects", json)).isEqualTo(state);
    }

    @Test
    void shouldKeepAnUnregisteredProjectsEarlyReports() {
        ProjectState early = ProjectState.empty("P9").apply(codec.decode(bytes(investment("P9", "2022-01", "5.00"))));

        ProjectState read = serde.deserializer().deserialize("projects", serde.serializer().serialize("projects", early));

        assertThat(read).isEqualTo(early);
        assertThat(read.registered()).isFalse();
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

        ProjectState read = serde.deserializer().deserialize("projects", before.getBytes(java.nio.charset.StandardCharsets.UTF_8));

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
        assertThatThrownBy(() -> serde.deserializer().deserialize("projects", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("projects");
    }
}
