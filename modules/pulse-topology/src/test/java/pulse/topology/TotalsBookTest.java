package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static pulse.topology.TestEvents.bytes;
import static pulse.topology.TestEvents.investment;
import static pulse.topology.TestEvents.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import pulse.model.EventCodec;
import pulse.model.EventReader;
import pulse.model.ProjectView;
import pulse.rules.RuleSettings;

/** The totals every instance sums from {@code pulse.projects}: exact, and dependent only on each project's latest view. */
class TotalsBookTest {

    private final EventCodec codec = new EventCodec(EventReader.forReplay(Clock.systemUTC()));
    private final ProjectEvaluator evaluator = new ProjectEvaluator(RuleSettings.DEFAULTS);
    private final TotalsBook book = new TotalsBook();

    private ProjectView view(String id, String unit, String... months) {
        ProjectState state = ProjectState.empty(id)
                .apply(codec.decode(bytes(registration(id, unit, "玉泉镇", "URBAN", "9000.00"))));
        for (int i = 0; i < months.length; i += 2) {
            state = state.apply(codec.decode(bytes(investment(id, months[i], months[i + 1]))));
        }
        return evaluator.views(state, LocalDate.parse("2022-06-30")).get(2022);
    }

    private String completed(GroupKey group) {
        return book.get(group).toTotals(group.key(), false, RuleSettings.DEFAULTS).completedThisYear().toPlainString();
    }

    @Test
    void shouldSumTheLatestViewOfEachProjectToTheCent() {
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县住建局", "2022-01", "1000.10")));
        book.apply("2022/P2", ProjectSummary.of(view("P2", "县住建局", "2022-01", "0.01")));
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县住建局", "2022-01", "1000.10", "2022-02", "250.55")));

        assertThat(completed(GroupKey.county(2022))).isEqualTo("1250.66");
        assertThat(completed(new GroupKey(2022, Dimension.UNIT, "县住建局"))).isEqualTo("1250.66");
        assertThat(book.get(GroupKey.county(2022)).projects()).isEqualTo(2);
        assertThat(book.get(GroupKey.county(2022)).curve()).hasSize(12)
                .element(1).satisfies(february -> assertThat(february.cumulativeActual()).isEqualByComparingTo("1250.66"));
    }

    @Test
    void shouldMoveAProjectBetweenUnitsAndTakeItAwayOnATombstone() {
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县住建局", "2022-01", "300.00")));
        List<GroupKey> moved = book.apply("2022/P1", ProjectSummary.of(view("P1", "县交通局", "2022-01", "300.00")));

        assertThat(moved).contains(new GroupKey(2022, Dimension.UNIT, "县住建局"), new GroupKey(2022, Dimension.UNIT, "县交通局"))
                .doesNotContain(GroupKey.county(2022));   // the county holds the same project with the same figures
        assertThat(book.get(new GroupKey(2022, Dimension.UNIT, "县住建局")).projects()).isZero();
        assertThat(completed(new GroupKey(2022, Dimension.UNIT, "县交通局"))).isEqualTo("300.00");

        book.apply("2022/P1", null);
        assertThat(book.get(GroupKey.county(2022)).isZero()).isTrue();
        assertThat(book.size()).isZero();
    }

    @Test
    void shouldKeepAProjectInItsOtherGroupsWhenItMovesUnitAndReportsAgain() {
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县住建局", "2022-01", "300.00")));
        book.apply("2022/P2", ProjectSummary.of(view("P2", "县住建局", "2022-01", "5.00")));
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县交通局", "2022-01", "300.00")));
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县交通局", "2022-01", "300.00", "2022-02", "1.00")));
        book.apply("2022/P2", ProjectSummary.of(view("P2", "县住建局", "2022-01", "6.00")));

        assertThat(completed(new GroupKey(2022, Dimension.UNIT, "县住建局"))).isEqualTo("6.00");
        assertThat(completed(new GroupKey(2022, Dimension.UNIT, "县交通局"))).isEqualTo("301.00");
        assertThat(completed(new GroupKey(2022, Dimension.TOWNSHIP, "玉泉镇"))).isEqualTo("307.00");
        assertThat(completed(new GroupKey(2022, Dimension.AREA, "URBAN"))).isEqualTo("307.00");
        assertThat(completed(GroupKey.county(2022))).isEqualTo("307.00");
        assertThat(book.get(new GroupKey(2022, Dimension.UNIT, "县住建局")).projects()).isEqualTo(1);
    }

    @Test
    void shouldTakeAwayWhatTheLatestSummaryAddedAfterCorrectionsAndAMove() {
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县住建局", "2022-01", "300.00")));
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县住建局", "2022-01", "120.00")));
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县交通局", "2022-01", "120.00", "2022-02", "0.50")));
        book.apply("2022/P2", ProjectSummary.of(view("P2", "县住建局", "2022-01", "7.00")));

        assertThat(completed(new GroupKey(2022, Dimension.UNIT, "县交通局"))).isEqualTo("120.50");
        assertThat(completed(new GroupKey(2022, Dimension.UNIT, "县住建局"))).isEqualTo("7.00");

        book.apply("2022/P1", null);
        assertThat(book.get(new GroupKey(2022, Dimension.UNIT, "县交通局")).isZero()).isTrue();
        assertThat(completed(GroupKey.county(2022))).isEqualTo("7.00");
        assertThat(book.get(GroupKey.county(2022)).projects()).isEqualTo(1);
    }

    @Test
    void shouldChangeNothingWhenTheSameSummaryComesAgain() {
        ProjectSummary summary = ProjectSummary.of(view("P1", "县住建局", "2022-03", "12.34"));
        book.apply("2022/P1", summary);

        assertThat(book.apply("2022/P1", summary)).isEmpty();
        assertThat(completed(GroupKey.county(2022))).isEqualTo("12.34");
    }

    @Test
    void shouldHandOutTotalsThatLaterSummariesDoNotChange() {
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县住建局", "2022-03", "12.34")));
        Tally read = book.get(GroupKey.county(2022));
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县住建局", "2022-03", "12.34", "2022-04", "1.00")));

        assertThat(read.completedThisYear()).isEqualByComparingTo("12.34");
        assertThat(completed(GroupKey.county(2022))).isEqualTo("13.34");
        assertThat(book.all(2022, Dimension.UNIT).get("县住建局").completedThisYear()).isEqualByComparingTo("13.34");
    }

    @Test
    void shouldListADimensionsGroupsOfOneYearByKey() {
        book.apply("2022/P1", ProjectSummary.of(view("P1", "县住建局")));
        book.apply("2022/P2", ProjectSummary.of(view("P2", "县交通局")));

        assertThat(book.all(2022, Dimension.UNIT)).containsOnlyKeys("县交通局", "县住建局");
        assertThat(book.all(2023, Dimension.UNIT)).isEmpty();
        assertThat(book.get(new GroupKey(2023, Dimension.UNIT, "县住建局"))).isNull();
    }
}
