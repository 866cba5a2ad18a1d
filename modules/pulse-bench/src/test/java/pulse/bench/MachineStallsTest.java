package pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineStallsTest {

    @Test
    void shouldCountAsTheMachinesOnlyTheStallsOutsideTheBenchmarksOwnPauses() {
        GcPauses ownPauses = new GcPauses(List.of(new long[] {1_000, 1_019}));
        List<long[]> stalls = List.of(new long[] {1_005, 1_019}, new long[] {2_000, 2_008}, new long[] {990, 1_000});

        GcPauses machine = MachineStalls.outside(stalls, ownPauses);

        assertThat(machine.pauses()).containsExactly(stalls.get(1));
        // a read due at 1,999 and answered at 2,030 waited during the machine's stall; one inside the pause did not
        assertThat(machine.heldUp(List.of(new long[] {1_999, 2_030}, new long[] {1_001, 1_025}))).isEqualTo(1);
    }

    @Test
    void shouldNoteEveryWakeUpOfItsProbeUntilClosed() {
        try (MachineStalls machine = new MachineStalls()) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(machine.lateMicros.getTotalCount()).isPositive());
            assertThat(machine.summary(new GcPauses(List.of()))).contains("woke").contains("stalls over 5 ms");
        }
    }
}
