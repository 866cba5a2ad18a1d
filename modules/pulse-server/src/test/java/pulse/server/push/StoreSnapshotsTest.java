package pulse.server.push;

import pulse.model.UnitRank;
import pulse.model.Warning;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pulse.model.Light;
import pulse.model.WorkArea;
import pulse.model.Warning;

class StoreSnapshotsTest {

    private static Warning warning(String projectId, String unit, WorkArea area) {
        return new Warning(projectId, projectId, unit, "玉泉镇", area, Light.RED, new BigDecimal("-50.00"), List.of(), List.of());
    }

    @Test
    void shouldSendTheScreenWhatEachOfItsFiltersCanShowAndNoMore() {
        List<Warning> worstFirst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            worstFirst.add(warning("U" + i, "县住建局", WorkArea.URBAN));      // one unit, one area: 30 behind
        }
        worstFirst.add(warning("R1", "县水务局", WorkArea.RURAL));             // the only one of its unit and area
        worstFirst.add(warning("T1", "县交通局", WorkArea.URBAN));             // its unit's only one, its area's 31st

        List<String> shown = StoreSnapshots.shown(worstFirst).stream().map(Warning::projectId).toList();

        assertThat(shown).containsExactly("U0", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "R1", "T1");
    }
}
