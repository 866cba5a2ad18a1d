package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static pulse.topology.TestEvents.annualPlan;
import static pulse.topology.TestEvents.bytes;
import static pulse.topology.TestEvents.investment;
import static pulse.topology.TestEvents.issueRaised;
import static pulse.topology.TestEvents.milestone;
import static pulse.topology.TestEvents.registration;
import static pulse.topology.TestEvents.suspension;
import static pulse.topology.TestEvents.withMonthlyPlan;
import static pulse.topology.TestEvents.withPlannedMilestones;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pulse.model.Grade;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.ProjectView;
import pulse.model.Totals;
import pulse.rules.RuleSettings;

class PulseTopologyTest {

    private final MutableClock clock = new MutableClock(LocalDate.parse("2022-06-30"));
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> events;
    private TestOutputTopic<String, ProjectSummary> projectsSent;
    /** The totals as every instance keeps them: summed from what the topology sends on {@code pulse.projects}. */
    private final TotalsBook book = new TotalsBook();
    private Instant recordTime = Instant.parse("2022-06-30T00:00:00Z");

    @BeforeEach
    void startDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "pulse-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(PulseTopology.build(clock, RuleSettings.DEFAULTS, Duration.ofMinutes(1)), props);
        events = driver.createInputTopic(Topics.EVENTS.name(), Topics.EVENTS.keySerde().serializer(),
                Topics.EVENTS.valueSerde().serializer());
        projectsSent = driver.createOutputTopic(Topics.PROJECTS.name(), Topics.PROJECTS.keySerde().deserializer(),
                Topics.PROJECTS.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    /** An event as Pulse's write path publishes it: its figure was checked there ({@link Topics#CHECKED_HEADER}). */
    private void send(ObjectNode event) {
        recordTime = recordTime.plusSeconds(1);
        Headers checked = new RecordHeaders().add(Topics.CHECKED_HEADER, new byte[] {'1'});
        events.pipeInput(new TestRecord<>(event.get("projectId").asText(), bytes(event), checked, recordTime));
    }

    /** A record a trusted producer wrote straight to {@code pulse.events}. */
    private void sendStraight(ObjectNode event) {
        recordTime = recordTime.plusSeconds(1);
        events.pipeInput(event.get("projectId").asText(), bytes(event), recordTime);
    }

    /** The project's view of this year. */
    private ProjectView project(String id) {
        return project(id, clock.today().getYear());
    }

    private ProjectView project(String id, int year) {
        KeyValueStore<String, ProjectState> store = driver.getKeyValueStore(ProjectStore.NAME);
        ProjectState state = store.get(id);
        return state == null ? null : new ProjectEvaluator(RuleSettings.DEFAULTS).viewIn(state, year, clock.today());
    }

    /** A group's totals of this year. */
    private Totals totals(Dimension dimension, String key) {
        return totals(clock.today().getYear(), dimension, key);
    }

    private Totals totals(int year, Dimension dimension, String key) {
        projectsSent.readKeyValuesToList().forEach(record -> book.apply(record.key, record.value));
        Tally tally = book.get(new GroupKey(year, dimension, key));
        return tally == null ? null : tally.toTotals(key, dimension == Dimension.UNIT, RuleSettings.DEFAULTS);
    }

    /** The day changes: the topology re-evaluates every project on its next check. */
    private void moveTo(String date) {
        clock.setToday(LocalDate.parse(date));
        driver.advanceWallClockTime(Duration.ofMinutes(1));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void shouldKeepProjectAndGroupTotalsFromRegistrationsAndReports() {
        // Given two projects of one unit and one of another
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        send(registration("P2", "县住建局", "玉泉镇", "URBAN", "1000.00"));
        send(registration("P3", "县水务局", "张西河乡", "RURAL", "2000.00"));
        // When they report
        send(investment("P1", "2022-01", "1000.00"));
        send(investment("P1", "2022-02", "250.50"));
        send(investment("P2", "2022-03", "100.25"));
        send(investment("P3", "2022-05", "999.99"));

        // Then each project, each group and the county add up to the cent
        assertThat(project("P1").completedThisYear()).isEqualByComparingTo("1250.50");
        Totals unit = totals(Dimension.UNIT, "县住建局");
        assertThat(unit.projects()).isEqualTo(2);
        assertThat(unit.annualPlan()).isEqualTo(money("10000.00"));
        assertThat(unit.completedThisYear()).isEqualTo(money("1350.75"));
        assertThat(unit.completionRate()).isEqualTo(money("0.1351"));
        assertThat(unit.targetRate()).isEqualTo(money("0.5000"));
        assertThat(unit.deviationPoints()).isEqualTo(money("-36.49"));
        assertThat(unit.grade()).isEqualTo(Grade.FAILING);
        Totals county = totals(Dimension.COUNTY, Dimension.COUNTY_KEY);
        assertThat(county.projects()).isEqualTo(3);
        assertThat(county.completedThisYear()).isEqualTo(money("2350.74"));
        assertThat(county.totalInvestment()).isEqualTo(money("24000.00"));
        assertThat(county.grade()).isNull();
        assertThat(totals(Dimension.AREA, "RURAL").completedThisYear()).isEqualTo(money("999.99"));
        assertThat(totals(Dimension.TOWNSHIP, "玉泉镇").projects()).isEqualTo(2);
        assertThat(totals(Dimension.LEVEL, "COUNTY").projects()).isEqualTo(3);
    }

    @Test
    void shouldReplaceEarlierReportForSamePeriod() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        send(investment("P1", "2022-05", "1250.00"));

        send(investment("P1", "2022-05", "1200.00").put("reason", "更正"));

        assertThat(project("P1").months()).containsExactly(Map.entry("2022-05", money("1200.00")));
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).completedThisYear()).isEqualTo(money("1200.00"));
    }

    @Test
    void shouldNotDoubleARetriedReport() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        ObjectNode report = investment("P1", "2022-05", "1250.00");

        send(report);
        send(report);

        assertThat(totals(Dimension.UNIT, "县住建局").completedThisYear()).isEqualTo(money("1250.00"));
    }

    @Test
    void shouldCountAReportSentBeforeRegistrationOnceRegistered() {
        send(investment("P1", "2022-04", "300.00"));
        assertThat(project("P1")).isNull();
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY)).isNull();

        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));

        assertThat(project("P1").completedThisYear()).isEqualByComparingTo("300.00");
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).completedThisYear()).isEqualTo(money("300.00"));
    }

    @Test
    void shouldWriteOneViewPerEventThatMovedItAndNothingForTheTotals() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        send(registration("P2", "县交通局", "玉泉镇", "URBAN", "3000.00"));
        send(investment("P1", "2022-04", "300.00"));
        send(investment("P2", "2022-04", "200.00"));

        // Four events, four views: the totals are summed from them by whoever reads them.
        List<String> keys = new ArrayList<>();
        List<org.apache.kafka.streams.KeyValue<String, ProjectSummary>> sent = projectsSent.readKeyValuesToList();
        sent.forEach(record -> {
            keys.add(record.key);
            book.apply(record.key, record.value);
        });
        assertThat(keys).containsExactly("2022/P1", "2022/P2", "2022/P1", "2022/P2");
        assertThat(book.get(GroupKey.county(2022)).completedThisYear()).isEqualByComparingTo("500.00");

        // A project moved away and back: the unit it left and came back to holds what it held.
        send(registration("P1", "县交通局", "玉泉镇", "URBAN", "9000.00"));
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        assertThat(totals(Dimension.UNIT, "县住建局").completedThisYear()).isEqualTo(money("300.00"));
        assertThat(totals(Dimension.UNIT, "县交通局").completedThisYear()).isEqualTo(money("200.00"));
        assertThat(totals(Dimension.UNIT, "县交通局").projects()).isEqualTo(1);
    }

    @Test
    void shouldMoveTotalsWhenARegistrationChangesTheUnit() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        send(investment("P1", "2022-04", "300.00"));
        assertThat(totals(Dimension.UNIT, "县住建局").projects()).isEqualTo(1);

        send(registration("P1", "县交通局", "玉泉镇", "URBAN", "8000.00"));

        assertThat(totals(Dimension.UNIT, "县住建局").projects()).isZero();
        assertThat(totals(Dimension.UNIT, "县住建局").completedThisYear()).isEqualTo(money("0.00"));
        assertThat(totals(Dimension.UNIT, "县交通局").completedThisYear()).isEqualTo(money("300.00"));
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).annualPlan()).isEqualTo(money("8000.00"));
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).projects()).isEqualTo(1);
    }

    @Test
    void shouldShowSuspensionUntilResumed() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        send(investment("P1", "2022-05", "4500.00"));
        send(milestone("P1", "STARTED", "2022-03-01"));

        send(suspension("ProjectSuspended", "P1", "环保督察"));
        assertThat(project("P1").status()).isEqualTo(ProjectStatus.SUSPENDED);
        assertThat(project("P1").light()).isEqualTo(Light.YELLOW);
        assertThat(project("P1").reasons()).containsExactly("项目停工：环保督察");
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).started()).isEqualTo(1);

        send(suspension("ProjectResumed", "P1", "整改完成"));
        assertThat(project("P1").status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        assertThat(project("P1").light()).isEqualTo(Light.GREEN);
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).lights()).isEqualTo(new Totals.Lights(1, 0, 0));
    }

    @Test
    void shouldMoveThroughTheStatusesAsMilestonesArrive() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        assertThat(project("P1").status()).isEqualTo(ProjectStatus.PREPARING);
        send(milestone("P1", "STARTED", "2022-03-01"));
        assertThat(project("P1").status()).isEqualTo(ProjectStatus.UNDER_CONSTRUCTION);
        send(milestone("P1", "COMPLETED", "2022-06-01"));
        assertThat(project("P1").status()).isEqualTo(ProjectStatus.COMPLETED);
        send(milestone("P1", "OPEN_TO_TRAFFIC", "2022-06-20"));
        assertThat(project("P1").status()).isEqualTo(ProjectStatus.OPERATING);
        Totals county = totals(Dimension.COUNTY, Dimension.COUNTY_KEY);
        assertThat(county.started()).isEqualTo(1);
        assertThat(county.completed()).isEqualTo(1);
        assertThat(county.completedRate()).isEqualTo(money("1.0000"));
    }

    @Test
    void shouldTurnALateStartYellowThenRedAsDaysPassWithoutAnyEvent() {
        clock.setToday(LocalDate.parse("2022-03-20"));
        send(withPlannedMilestones(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"),
                Map.of("STARTED", "2022-03-15")));
        send(investment("P1", "2022-02", "1500.00"));
        assertThat(project("P1").light()).isEqualTo(Light.YELLOW);
        assertThat(project("P1").reasons()).containsExactly("计划2022-03-15开工，已逾期5天未开工");

        // When the day changes to three months late, with no event at all
        clock.setToday(LocalDate.parse("2022-06-15"));
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        // Then the project and the county's light counts follow
        assertThat(project("P1").light()).isEqualTo(Light.RED);
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).lights()).isEqualTo(new Totals.Lights(0, 0, 1));
    }

    @Test
    void shouldFollowTheMonthlyPlanForTheTargetWhenThereIsOne() {
        send(withMonthlyPlan(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"),
                0, 0, 500, 800, 1000, 1200, 1200, 1200, 1000, 1000, 800, 300));
        send(registration("P2", "县住建局", "玉泉镇", "URBAN", "1200.00"));
        send(investment("P1", "2022-05", "3500.00"));
        send(investment("P2", "2022-05", "600.00"));

        // 2022-06-30: P1 is due 3,500 of 9,000 by its monthly plan; P2 half of 1,200
        assertThat(project("P1").targetRate()).isEqualTo(money("0.3889"));
        assertThat(project("P1").light()).isEqualTo(Light.GREEN);
        assertThat(project("P2").targetRate()).isEqualTo(money("0.5000"));
        Totals unit = totals(Dimension.UNIT, "县住建局");
        assertThat(unit.targetRate()).isEqualTo(money("0.4020"));   // 4,100 due of 10,200
        assertThat(unit.grade()).isEqualTo(Grade.EXCELLENT);         // 4,100 done of 4,100 due
    }

    @Test
    void shouldCountEachMonthInItsOwnPlanYearAcrossTheYearBoundary() {
        clock.setToday(LocalDate.parse("2023-01-20"));
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00")
                .put("investedBeforeYear", new BigDecimal("500.00")));
        send(investment("P1", "2022-12", "200.00"));
        send(investment("P1", "2023-01", "400.00"));

        ProjectView year2022 = project("P1", 2022);
        assertThat(year2022.completedThisYear()).isEqualByComparingTo("200.00");
        assertThat(year2022.completedSinceStart()).isEqualByComparingTo("700.00");   // up to the end of 2022
        assertThat(year2022.targetRate()).isEqualTo(money("1.0000"));
        ProjectView year2023 = project("P1", 2023);
        assertThat(year2023.completedThisYear()).isEqualByComparingTo("400.00");
        assertThat(year2023.completedSinceStart()).isEqualByComparingTo("1100.00");
        assertThat(year2023.startYear()).isEqualTo(2022);
    }

    @Test
    void shouldCarryAnUnfinishedProjectIntoTheNewYearAsUnplannedNotAsLate() {
        // Given a 2022 project that reported every month of 2022
        send(withMonthlyPlan(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"),
                100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100));
        for (int month = 1; month <= 12; month++) {
            send(investment("P1", String.format("2022-%02d", month), "100.00"));
        }
        // When the year changes and the office has set no 2023 plan yet
        moveTo("2023-01-05");

        // Then 2022 stays as it was, complete, and 2023 lists the project without a target
        ProjectView past = project("P1", 2022);
        assertThat(past.completionRate()).isEqualTo(money("1.0000"));
        assertThat(past.light()).isEqualTo(Light.GREEN);
        assertThat(totals(2022, Dimension.COUNTY, Dimension.COUNTY_KEY).completedThisYear()).isEqualTo(money("1200.00"));
        ProjectView now = project("P1", 2023);
        assertThat(now.planned()).isFalse();
        assertThat(now.annualPlan()).isEqualByComparingTo("0");
        assertThat(now.light()).isEqualTo(Light.GREEN);
        assertThat(now.reasons()).containsExactly("尚无2023年度投资计划");
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).projects()).isEqualTo(1);
        // and from February on, still without a plan, it is yellow (January's report missing too)
        moveTo("2023-02-11");
        assertThat(project("P1").light()).isEqualTo(Light.YELLOW);
        assertThat(project("P1").reasons()).contains("尚无2023年度投资计划", "2023-01投资未按时报送（应于2023-02-10前报送）");
    }

    @Test
    void shouldCountANewYearsPlanAgainstItsOwnMonthsAndLeaveThePastYearAlone() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"));
        send(investment("P1", "2022-06", "600.00"));
        moveTo("2023-02-28");
        send(annualPlan("P1", 2023, "2400.00"));
        send(investment("P1", "2023-01", "300.00"));
        send(investment("P1", "2023-02", "100.00"));

        ProjectView now = project("P1");
        assertThat(now.planned()).isTrue();
        assertThat(now.completedThisYear()).isEqualByComparingTo("400.00");
        assertThat(now.completedSinceStart()).isEqualByComparingTo("1000.00");
        assertThat(now.targetRate()).isEqualTo(money("0.1667"));                    // 2 of 12 months
        Totals county2023 = totals(Dimension.COUNTY, Dimension.COUNTY_KEY);
        assertThat(county2023.annualPlan()).isEqualTo(money("2400.00"));
        assertThat(county2023.completedThisYear()).isEqualTo(money("400.00"));
        Totals county2022 = totals(2022, Dimension.COUNTY, Dimension.COUNTY_KEY);
        assertThat(county2022.annualPlan()).isEqualTo(money("1200.00"));
        assertThat(county2022.completedThisYear()).isEqualTo(money("600.00"));
    }

    @Test
    void shouldApplyADecemberCorrectionMadeInJanuaryToThePastYear() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"));
        send(investment("P1", "2022-12", "100.00"));
        moveTo("2023-01-08");
        send(annualPlan("P1", 2023, "600.00"));

        send(investment("P1", "2022-12", "150.00").put("reason", "12月统计漏报"));

        assertThat(totals(2022, Dimension.UNIT, "县住建局").completedThisYear()).isEqualTo(money("150.00"));
        assertThat(totals(2023, Dimension.UNIT, "县住建局").completedThisYear()).isEqualTo(money("0.00"));
        assertThat(project("P1", 2023).completedSinceStart()).isEqualByComparingTo("150.00");
    }

    @Test
    void shouldLeaveAProjectFinishedLastYearOutOfTheNewYear() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"));
        send(registration("P2", "县住建局", "玉泉镇", "URBAN", "1200.00"));
        send(milestone("P1", "COMPLETED", "2022-11-20"));
        moveTo("2023-01-05");

        assertThat(project("P1", 2022).completed()).isTrue();
        assertThat(project("P1", 2023)).isNull();
        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).projects()).isEqualTo(1);
        assertThat(totals(2022, Dimension.COUNTY, Dimension.COUNTY_KEY).projects()).isEqualTo(2);
    }

    @Test
    void shouldTurnAProjectYellowWhileItsBlockerIsPastItsDueDateAndKeepTheResolution() {
        // A project with nothing due before December, that reported every month so far
        clock.setToday(LocalDate.parse("2022-05-31"));
        send(withMonthlyPlan(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1200));
        send(investment("P1", "2022-04", "0.00"));
        send(investment("P1", "2022-05", "0.00"));
        send(issueRaised("P1", "LAND-7", "县自然资源局", "2022-06-15"));
        assertThat(project("P1").light()).isEqualTo(Light.GREEN);
        assertThat(project("P1").openIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.ownerUnit()).isEqualTo("县自然资源局");
            assertThat(issue.raisedOn()).hasToString("2022-05-02");
        });

        moveTo("2022-06-20");
        assertThat(project("P1").light()).isEqualTo(Light.YELLOW);
        assertThat(project("P1").reasons()).contains("问题「临时用地未批复」（LAND-7）已超过办结时限5天（责任单位县自然资源局，时限2022-06-15）");

        send(suspension("IssueResolved", "P1", "ignored").put("issueId", "LAND-7").put("text", "县政府专题会议协调，已批复")
                .put("occurredOn", "2022-06-21"));
        assertThat(project("P1").light()).isEqualTo(Light.GREEN);
        assertThat(project("P1").openIssues()).isEmpty();
        assertThat(project("P1").resolvedIssues()).singleElement().satisfies(done -> {
            assertThat(done.resolution()).isEqualTo("县政府专题会议协调，已批复");
            assertThat(done.resolvedOn()).hasToString("2022-06-21");
        });
    }

    @Test
    void shouldSetAsideAMilestoneOutOfOrder() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"));
        send(milestone("P1", "STARTED", "2022-03-18"));

        send(milestone("P1", "COMPLETED", "2022-03-01"));

        assertThat(project("P1").completed()).isFalse();
        assertThat(deadLetters()).singleElement().satisfies(letter -> assertThat(letter.reason())
                .contains("date: \"2022-03-01\" of COMPLETED", "not before 2022-03-18 (start of works)"));
    }

    @Test
    void shouldSetAsideAPlanForAYearBeforeTheFirstPlanYear() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"));

        send(annualPlan("P1", 2021, "600.00"));

        assertThat(project("P1", 2021)).isNull();
        assertThat(deadLetters()).singleElement().satisfies(letter ->
                assertThat(letter.reason()).contains("year: 2021", "first plan year 2022"));
    }

    @Test
    void shouldRefuseAReportForAMonthBeforeThePlanYearOfARegisteredProject() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00")
                .put("investedBeforeYear", new BigDecimal("500.00")));

        send(investment("P1", "2021-12", "100.00"));

        assertThat(project("P1").completedSinceStart()).isEqualByComparingTo("500.00");
        assertThat(deadLetters()).singleElement().satisfies(letter ->
                assertThat(letter.reason()).contains("period: \"2021-12\"", "plan year 2022"));
    }

    @Test
    void shouldNotCountAMonthBeforeThePlanYearThatArrivedBeforeTheRegistration() {
        send(investment("P1", "2021-12", "100.00"));
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00")
                .put("investedBeforeYear", new BigDecimal("500.00")));

        assertThat(project("P1").completedSinceStart()).isEqualByComparingTo("500.00");
    }

    @Test
    void shouldWarnWhenLastMonthIsNotReportedByTheTenth() {
        clock.setToday(LocalDate.parse("2022-06-11"));
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"));
        send(investment("P1", "2022-04", "500.00"));
        assertThat(project("P1").light()).isEqualTo(Light.YELLOW);
        assertThat(project("P1").reasons()).containsExactly("2022-05投资未按时报送（应于2022-06-10前报送）");

        send(investment("P1", "2022-05", "0.00"));

        assertThat(project("P1").light()).isEqualTo(Light.GREEN);
    }

    @Test
    void shouldSendWhatItCannotReadToTheDeadLetterTopicWithTheReasonAndGoOn() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] badPeriod = bytes(investment("P1", "2022-13", "1.00"));
        byte[] wrongKey = bytes(investment("P1", "2022-05", "1.00"));
        events.pipeInput("P1", notJson);
        events.pipeInput("P1", badPeriod);
        events.pipeInput("P2", wrongKey);
        events.pipeInput("P1", (byte[]) null);

        send(investment("P1", "2022-05", "10.00"));

        assertThat(totals(Dimension.COUNTY, Dimension.COUNTY_KEY).completedThisYear()).isEqualTo(money("10.00"));
        List<DeadLetter> letters = deadLetters();
        assertThat(letters).extracting(DeadLetter::key).containsExactly("P1", "P1", "P2", "P1");
        assertThat(letters.get(0).value()).isEqualTo(notJson);
        assertThat(letters.get(1).value()).isEqualTo(badPeriod);
        assertThat(letters.get(2).value()).isEqualTo(wrongKey);
        assertThat(letters.get(3).value()).isNull();
        assertThat(letters).extracting(DeadLetter::reason).satisfiesExactly(
                reason -> assertThat(reason).contains("value", "not readable JSON"),
                reason -> assertThat(reason).contains("period", "2022-13"),
                reason -> assertThat(reason).contains("key: \"P2\"", "projectId \"P1\""),
                reason -> assertThat(reason).contains("value", "a JSON document"));
        assertThat(letters).extracting(DeadLetter::source).allSatisfy(source ->
                assertThat(source).startsWith("pulse.events-0@"));
    }

    @Test
    void shouldSetAsideAFigureWrittenStraightToKafkaThatMakesNoSenseUnlessConfirmed() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "1200.00"));   // 100 a month, total 2,400
        ObjectNode yuan = investment("P1", "2022-05", "1000000.00");         // 元 typed as 万元
        ObjectNode high = investment("P1", "2022-05", "450.00");             // 4.5× the month
        ObjectNode confirmed = investment("P1", "2022-04", "450.00").put("confirm", true).put("reason", "设备集中到货");

        sendStraight(yuan);
        sendStraight(high);
        sendStraight(confirmed);
        send(investment("P1", "2022-03", "460.00"));   // checked by the write path already: taken as it is

        assertThat(project("P1").months()).containsOnlyKeys("2022-03", "2022-04");
        assertThat(deadLetters()).extracting(DeadLetter::reason).satisfiesExactly(
                reason -> assertThat(reason).contains("amount", "looks like 元", "100.00 万元"),
                reason -> assertThat(reason).contains("confirm", "3× the month's plan (100.00)"));
    }

    @Test
    void shouldRefuseOnReplayAPeriodAfterTheDayTheEventWasReported() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));

        send(investment("P1", "2022-07", "5.00").put("reportedAt", "2022-06-30T08:00:00Z"));
        send(investment("P1", "2022-06", "7.00").put("reportedAt", "2022-06-30T08:00:00Z"));

        assertThat(project("P1").completedThisYear()).isEqualByComparingTo("7.00");
        assertThat(deadLetters()).singleElement().satisfies(letter ->
                assertThat(letter.reason()).contains("period", "2022-07"));
    }

    @Test
    void shouldKeepTheOffsetOfEveryAcceptedEventOfAProjectInTopicOrder() {
        send(registration("P1", "县住建局", "玉泉镇", "URBAN", "9000.00"));
        send(investment("P1", "2022-05", "10.00"));
        send(registration("P2", "县住建局", "玉泉镇", "URBAN", "10.00"));
        events.pipeInput("P1", "{not json".getBytes(StandardCharsets.UTF_8));
        send(investment("P1", "2022-05", "12.00").put("reason", "更正"));

        KeyValueStore<String, ProjectState> store = driver.getKeyValueStore(ProjectStore.NAME);
        // The offsets of P1's accepted events on pulse.events: not P2's (2), not the unreadable record (3).
        assertThat(store.get("P1").eventOffsets()).containsExactly(0L, 1L, 4L);
        assertThat(store.get("P2").eventOffsets()).containsExactly(2L);
    }

    record DeadLetter(String key, byte[] value, String reason, String source) {}

    private List<DeadLetter> deadLetters() {
        var topic = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), Topics.DEAD_LETTERS.keySerde().deserializer(),
                Topics.DEAD_LETTERS.valueSerde().deserializer());
        List<DeadLetter> letters = new ArrayList<>();
        for (var record : topic.readRecordsToList()) {
            letters.add(new DeadLetter(record.key(), record.value(), header(record.headers(), Topics.REASON_HEADER),
                    header(record.headers(), Topics.SOURCE_HEADER)));
        }
        return letters;
    }

    private static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
