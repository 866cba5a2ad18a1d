package pulse.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import pulse.model.Level;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.WorkArea;

/** The index a filtered list reads: each project-year listed under its latest summary's groups and light only. */
class ProjectIndexTest {

    private final ProjectIndex index = new ProjectIndex();

    private static ProjectSummary summary(String id, int year, String unit, String township, WorkArea area, Light light) {
        return new ProjectSummary(id, year, id, unit, township, area, Level.COUNTY, ProjectStatus.UNDER_CONSTRUCTION,
                light, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), Tally.zero());
    }

    private static ProjectSummary behind(String id, String unit, Light light, String deviationPoints) {
        return new ProjectSummary(id, 2022, id, unit, "玉泉镇", WorkArea.URBAN, Level.COUNTY, ProjectStatus.UNDER_CONSTRUCTION,
                light, new BigDecimal(deviationPoints), BigDecimal.ZERO, List.of(), Tally.zero());
    }

    private static GroupKey unit(int year, String unit) {
        return new GroupKey(year, Dimension.UNIT, unit);
    }

    @Test
    void shouldListAProjectUnderEachOfItsGroupsAndItsLight() {
        index.apply("2022/P1", summary("P1", 2022, "县住建局", "玉泉镇", WorkArea.URBAN, Light.RED));
        index.apply("2022/P2", summary("P2", 2022, "县交通局", "玉泉镇", WorkArea.URBAN, Light.GREEN));

        assertThat(index.members(unit(2022, "县住建局"))).containsExactly("P1");
        assertThat(index.members(new GroupKey(2022, Dimension.TOWNSHIP, "玉泉镇"))).containsExactlyInAnyOrder("P1", "P2");
        assertThat(index.members(new GroupKey(2022, Dimension.AREA, "URBAN"))).containsExactlyInAnyOrder("P1", "P2");
        assertThat(index.members(new GroupKey(2022, Dimension.LEVEL, "COUNTY"))).as("levels are totalled, never listed").isEmpty();
        assertThat(index.withLight(2022, Light.RED)).containsExactly("P1");
        assertThat(index.withLight(2022, Light.YELLOW)).isEmpty();
        assertThat(index.members(unit(2022, "县水利局"))).isEmpty();
    }

    @Test
    void shouldMoveAProjectWhenItsUnitOrLightChangesAndDropItOnATombstone() {
        index.apply("2022/P1", summary("P1", 2022, "县住建局", "玉泉镇", WorkArea.URBAN, Light.GREEN));
        index.apply("2022/P1", summary("P1", 2022, "县交通局", "玉泉镇", WorkArea.URBAN, Light.YELLOW));

        assertThat(index.members(unit(2022, "县住建局"))).isEmpty();
        assertThat(index.members(unit(2022, "县交通局"))).containsExactly("P1");
        assertThat(index.withLight(2022, Light.GREEN)).isEmpty();
        assertThat(index.withLight(2022, Light.YELLOW)).containsExactly("P1");

        index.apply("2022/P1", null);
        assertThat(index.members(unit(2022, "县交通局"))).isEmpty();
        assertThat(index.members(new GroupKey(2022, Dimension.TOWNSHIP, "玉泉镇"))).isEmpty();
        assertThat(index.withLight(2022, Light.YELLOW)).isEmpty();
    }

    @Test
    void shouldListAProjectByItsLatestDeviationWhenOnlyThatMovesAndMoveItWhenItsGroupChangesAfter() {
        index.apply("2022/P1", behind("P1", "县住建局", Light.RED, "-12.50"));
        index.apply("2022/P1", behind("P1", "县住建局", Light.RED, "-7.25"));

        assertThat(index.listed(2022, "P1")).isEqualTo(new ProjectIndex.Listed("P1", Light.RED, new BigDecimal("-7.25")));
        assertThat(index.members(unit(2022, "县住建局"))).containsExactly("P1");
        assertThat(index.withLight(2022, Light.RED)).containsExactly("P1");

        index.apply("2022/P1", behind("P1", "县交通局", Light.RED, "-7.25"));
        assertThat(index.listed(2022, "P1")).isEqualTo(new ProjectIndex.Listed("P1", Light.RED, new BigDecimal("-7.25")));
        assertThat(index.members(unit(2022, "县住建局"))).isEmpty();
        assertThat(index.members(unit(2022, "县交通局"))).containsExactly("P1");
        assertThat(index.members(new GroupKey(2022, Dimension.TOWNSHIP, "玉泉镇"))).containsExactly("P1");
        assertThat(index.withLight(2022, Light.RED)).containsExactly("P1");
    }

    @Test
    void shouldKeepEachPlanYearApartAndTakeTheSameSummaryTwiceAsOnce() {
        ProjectSummary of2022 = summary("P1", 2022, "县住建局", "玉泉镇", WorkArea.URBAN, Light.RED);
        index.apply("2022/P1", of2022);
        index.apply("2022/P1", of2022);
        index.apply("2023/P1", summary("P1", 2023, "县交通局", "玉泉镇", WorkArea.URBAN, Light.GREEN));
        index.apply("2023/P1", null);

        assertThat(index.members(unit(2022, "县住建局"))).containsExactly("P1");
        assertThat(index.withLight(2022, Light.RED)).containsExactly("P1");
        assertThat(index.members(unit(2023, "县交通局"))).isEmpty();
        assertThat(index.withLight(2023, Light.GREEN)).isEmpty();
    }

    @Test
    void shouldListEveryProjectOfAYearUnderTheCountyWithWhatOrdersTheWarnings() {
        index.apply("2022/P1", summary("P1", 2022, "县住建局", "玉泉镇", WorkArea.URBAN, Light.RED));
        index.apply("2022/P2", summary("P2", 2022, "县交通局", "城关镇", WorkArea.RURAL, Light.GREEN));
        index.apply("2023/P3", summary("P3", 2023, "县交通局", "城关镇", WorkArea.RURAL, Light.GREEN));

        assertThat(index.members(GroupKey.county(2022))).containsExactlyInAnyOrder("P1", "P2");
        assertThat(index.listed(2022, "P1")).as("with the rule's two decimals")
                .isEqualTo(new ProjectIndex.Listed("P1", Light.RED, new BigDecimal("0.00")));
        assertThat(index.listed(2023, "P1")).isNull();
    }

    @Test
    void shouldListAYearsProjectsOfTheLightsAskedAsTheyAreListedNow() {
        index.apply("2022/P1", behind("P1", "县住建局", Light.RED, "-12.50"));
        index.apply("2022/P2", behind("P2", "县交通局", Light.YELLOW, "-3.00"));
        index.apply("2022/P3", behind("P3", "县交通局", Light.GREEN, "0.00"));
        index.apply("2023/P4", summary("P4", 2023, "县交通局", "玉泉镇", WorkArea.URBAN, Light.RED));
        index.apply("2022/P1", behind("P1", "县住建局", Light.RED, "-20.00"));
        index.apply("2022/P2", null);

        assertThat(index.listed(2022, java.util.EnumSet.of(Light.RED, Light.YELLOW)))
                .containsExactly(new ProjectIndex.Listed("P1", Light.RED, new BigDecimal("-20.00")));
        assertThat(index.listed(2022, java.util.EnumSet.of(Light.GREEN))).extracting(ProjectIndex.Listed::projectId).containsExactly("P3");
        assertThat(index.listed(2023, java.util.EnumSet.allOf(Light.class))).extracting(ProjectIndex.Listed::projectId).containsExactly("P4");
    }
}
