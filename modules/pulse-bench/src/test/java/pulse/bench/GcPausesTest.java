package pulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    private static final List<String> LOG = List.of(
            "[2026-12-02T08:06:00.064+0000] Using G1",
            "[2026-12-02T08:06:00.064+0000] GC(133) Pause Young (Normal) (G1 Evacuation Pause) 1201M->830M(1368M) 47.800ms",
            "[2026-12-02T08:06:00.070+0000] GC(134) Concurrent Mark Cycle",
            "[2026-12-02T08:06:01.872+0000] GC(135) Pause Young (Normal) (G1 Evacuation Pause) 1201M->833M(1368M) 26.241ms",
            "[2026-12-02T08:06:02.500+0000] GC(134) Pause Remark 900M->880M(1368M) 3.100ms");

    private static long at(String time) {
        return Instant.parse("2026-12-02T" + time + "Z").toEpochMilli();
    }

    @Test
    void shouldReadEachPauseAsTheWallClockIntervalItStoppedTheThreadsFor() {
        GcPauses pauses = GcPauses.parse(LOG);

        assertThat(pauses.pauses()).extracting(pause -> pause[0], pause -> pause[1]).containsExactly(
                org.assertj.core.groups.Tuple.tuple(at("08:06:00.016"), at("08:06:00.064")),
                org.assertj.core.groups.Tuple.tuple(at("08:06:01.846"), at("08:06:01.872")),
                org.assertj.core.groups.Tuple.tuple(at("08:06:02.497"), at("08:06:02.500")));
        assertThat(pauses.within(at("08:06:01"), at("08:06:02")).pauses()).hasSize(1);
        assertThat(pauses.within(at("08:06:01.860"), at("08:06:02")).pauses()).as("begun before, still stopping").hasSize(1);
        assertThat(pauses.summary(10_000)).isEqualTo("3 pauses, p50 26 ms, max 48 ms, 0.8% of the time");
    }

    @Test
    void shouldCountOnlyTheRequestsThatWereWaitingWhileAPauseStoppedTheServer() {
        GcPauses pauses = GcPauses.parse(LOG);
        List<long[]> requests = List.of(
                new long[] {at("08:06:00.000"), at("08:06:00.030")},   // due before the first pause, answered inside it
                new long[] {at("08:06:00.050"), at("08:06:00.090")},   // due inside it
                new long[] {at("08:06:00.065"), at("08:06:00.100")},   // due after it ended
                new long[] {at("08:06:01.000"), at("08:06:01.845")});  // answered just before the second began

        assertThat(pauses.heldUp(requests)).isEqualTo(2);
    }

    @Test
    void shouldHearThisJvmsOwnPausesAsTheyHappen() {
        GcPauses own = GcPauses.ofThisJvm();
        long before = System.currentTimeMillis();
        System.gc();   // a full collection: a pause the collector announces
        // the announcement comes on a thread of the JVM's own
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(own.pauses()).isNotEmpty());
        long after = System.currentTimeMillis();

        long[] pause = own.pauses().get(0);
        // the JVM's start time and the pause's offsets are whole milliseconds: a few either way
        assertThat(pause[0]).isBetween(before - 5, after + 5);
        assertThat(pause[1]).isBetween(pause[0], after + 5);
    }
}
