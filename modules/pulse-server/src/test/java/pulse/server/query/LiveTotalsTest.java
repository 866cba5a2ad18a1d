package pulse.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import pulse.model.Level;
import pulse.model.Light;
import pulse.model.ProjectStatus;
import pulse.model.WorkArea;
import pulse.topology.ProjectSummary;
import pulse.topology.Tally;

/** Which projects a filtered list reads: those the index lists under every group and light the filter names. */
class LiveTotalsTest {

    private final LiveTotals totals = new LiveTotals();

    private void project(String id, String unit, WorkArea area, Light light) {
        totals.apply("2022/" + id, new ProjectSummary(id, 2022, id, unit, "玉泉镇", area, Level.COUNTY,
                ProjectStatus.UNDER_CONSTRUCTION, light, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), Tally.zero()));
    }

    private static ProjectFilter filter(String unit, WorkArea area, Light light) {
        return new ProjectFilter(2022, area, unit, null, null, light, null);
    }

    @Test
    void shouldNameOnlyTheProjectsInEveryListTheFilterNames() {
        project("P1", "县住建局", WorkArea.URBAN, Light.RED);
        project("P2", "县住建局", WorkArea.URBAN, Light.GREEN);
        project("P3", "县住建局", WorkArea.RURAL, Light.RED);
        project("P4", "县交通局", WorkArea.URBAN, Light.RED);
        totals.caughtUp();

        assertThat(totals.candidates(filter("县住建局", null, null)).orElseThrow()).containsExactlyInAnyOrder("P1", "P2", "P3");
        assertThat(totals.candidates(filter("县住建局", WorkArea.URBAN, Light.RED)).orElseThrow()).containsExactly("P1");
        assertThat(totals.candidates(filter(null, null, Light.RED)).orElseThrow()).containsExactlyInAnyOrder("P1", "P3", "P4");
        assertThat(totals.candidates(filter("县水利局", null, null)).orElseThrow()).isEmpty();
        assertThat(totals.candidates(new ProjectFilter(2023, null, "县住建局", null, null, null, null)).orElseThrow()).isEmpty();
    }

    @Test
    void shouldNameEveryProjectOfTheYearWhenTheFilterNamesNoListAndNoneWhileTheIndexIsStillBeingRead() {
        project("P1", "县住建局", WorkArea.URBAN, Light.RED);
        project("P2", "县交通局", WorkArea.RURAL, Light.GREEN);

        assertThat(totals.candidates(filter("县住建局", null, null))).isEmpty();   // not caught up yet
        totals.caughtUp();
        assertThat(totals.candidates(new ProjectFilter(2022, null, null, null, ProjectStatus.COMPLETED, null, true))
                .orElseThrow()).containsExactlyInAnyOrder("P1", "P2");
    }
}
