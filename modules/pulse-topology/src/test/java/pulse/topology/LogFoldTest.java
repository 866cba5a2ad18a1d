package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static pulse.topology.TestEvents.bytes;
import static pulse.topology.TestEvents.investment;
import static pulse.topology.TestEvents.milestone;
import static pulse.topology.TestEvents.registration;
import static pulse.topology.TestEvents.withMonthlyPlan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pulse.model.Grade;
import pulse.model.Light;
import pulse.model.PeriodSnapshot;
import pulse.model.PeriodSnapshot.ProjectRef;
import pulse.model.ProjectStatus;
import pulse.rules.RuleSettings;

/** A closed period recounted from the event log alone, without Kafka. */
class LogFoldTest {

    private static final Instant CLOSED = Instant.parse("2022-07-12T02:00:00Z");
    private final LogFold fold = new LogFold(pulse.rules.RuleSettings.DEFAULTS);
    private long time = Instant.parse("2022-01-01T00:00:00Z").toEpochMilli();

    /** An event as Pulse's write path publishes it (its figure checked there). */
    private void send(ObjectNode event) {
        fold.accept(event.get("projectId").asText(), bytes(event), time++, true);
    }

    private PeriodSnapshot june(List<Set<String>> redBefore) {
        return fold.snapshot(YearMonth.of(2022, 6), 1, CLOSED, "admin", null, Map.of(0, 42L), redBefore,
                RuleSettings.DEFAULTS);
    }

    @Test
    void shouldCountTheMonthsUpToThePeriodAndRankTheUnitsAsTheyStoodAtItsEnd() {
        // Given two units' projects, with reports for June and for July
        send(withMonthlyPlan(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"),
                100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100));
        send(registration("P2", "县水务局", "张西河乡", "RURAL", "1200.00"));
        for (int month = 1; month <= 7; month++) {
            send(investment("P1", String.format("2022-%02d", month), "100.00"));
        }
        send(investment("P2", "2022-05", "100.00"));
        send(milestone("P2", "STARTED", "2022-07-03"));

        PeriodSnapshot june = june(List.of());

        // Then July's report and milestone are not in June's figures
        assertThat(june.title()).isEqualTo("关于2022年1-6月全县重点项目推进情况的通报");
        assertThat(june.county().completedThisYear()).isEqualByComparingTo("700.00");
        assertThat(june.county().targetRate()).isEqualByComparingTo("0.5000");
        assertThat(june.projects()).extracting(PeriodSnapshot.ProjectLine::status)
                .containsExactly(ProjectStatus.PREPARING, ProjectStatus.PREPARING);
        assertThat(june.ranking()).extracting(r -> r.unitId() + " " + r.grade().zh)
                .containsExactly("县住建局 落实好", "县水务局 落实较差");
        assertThat(june.groups().get("unit")).hasSize(2);
        assertThat(june.groups().get("area")).extracting(t -> t.key()).containsExactly("RURAL", "URBAN");
        // and P2, which did not report June, is missing, overdue after the 10th of July
        assertThat(june.missing()).singleElement().satisfies(missing -> {
            assertThat(missing.unitId()).isEqualTo("县水务局");
            assertThat(missing.projects()).containsExactly(new ProjectRef("P2", "项目P2"));
            assertThat(missing.overdue()).isTrue();
        });
        assertThat(june.deadline()).hasToString("2022-07-10");
        assertThat(june.position()).containsEntry(0, 42L);
        assertThat(june.eventsRead()).isEqualTo(11);
        // and the unit graded 落实较差 is called in
        assertThat(june.interviews()).singleElement().satisfies(i -> assertThat(i.unitId()).isEqualTo("县水务局"));
    }

    @Test
    void shouldLeaveOutWhatTheTopologySetsAside() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"));
        send(investment("P1", "2021-12", "500.00"));                             // before the plan years
        fold.accept("P1", "not json".getBytes(), time++, false);                          // unreadable
        fold.accept("P9", bytes(investment("P1", "2022-03", "500.00")), time++, false); // key is not its project

        PeriodSnapshot june = june(List.of());

        assertThat(june.county().completedSinceStart()).isEqualByComparingTo("0.00");
        assertThat(june.eventsRead()).isEqualTo(4);
    }

    @Test
    void shouldCallInAUnitWhoseProjectWasRedInThePeriodBeforeToo() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"));
        send(registration("P2", "县住建局", "玉泉镇", "URBAN", "12000.00"));
        send(investment("P1", "2022-06", "1200.00"));   // the unit as a whole: 1,200 of 6,600 due

        PeriodSnapshot june = june(List.of(Set.of("P2")));

        assertThat(june.warnings()).extracting(w -> w.projectId() + " " + w.light()).contains("P2 RED");
        assertThat(june.ranking().get(0).grade()).isEqualTo(Grade.FAILING);
        assertThat(june.interviews()).singleElement().satisfies(i -> assertThat(i.reasons())
                .contains("项目「项目P2」（P2）连续2期红灯"));
        assertThat(LogFold.redProjects(june)).contains("P2").doesNotContain("P1");
        assertThat(june.warnings()).noneMatch(w -> w.light() == Light.GREEN);
        assertThat(june.county().annualPlan()).isEqualByComparingTo(new BigDecimal("13200.00"));
    }
}
