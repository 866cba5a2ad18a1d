package pulse.server.remind;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whose claim on a reminder stands: decided from the records alone, so every instance agrees. */
class ReminderLedgerTest {

    private static Reminder record(String state, String instance, int secondsAfter) {
        return new Reminder("2022-06", "县水务局", "DUE_SOON", state, instance, Instant.parse("2022-07-08T01:00:00Z")
                .plusSeconds(secondsAfter), 0, null, null, "…");
    }

    @ParameterizedTest(name = "{0} by {1}, then {2} by {3} {4} s later: replaces {5}")
    @CsvSource({
        "CLAIMED, a, CLAIMED, b, 1,   false",    // another instance's claim came second: the first stands
        "CLAIMED, a, SENT,    a, 1,   true",     // the owner reports it sent
        "CLAIMED, a, FAILED,  a, 1,   true",     // the owner reports a failure (and keeps retrying)
        "FAILED,  a, CLAIMED, b, 60,  false",    // the owner is still within its claim
        "FAILED,  a, CLAIMED, b, 121, true",     // silent past the claim's 2 minutes: taken over
        "SENT,    a, CLAIMED, b, 999, false",    // sent is final
        "SENT,    a, SENT,    a, 1,   false",
    })
    void shouldLetTheFirstClaimStandUntilItGoesStale(String state, String owner, String nextState, String nextOwner,
            int later, boolean replaces) {
        assertThat(ReminderLedger.stands(record(state, owner, 0), record(nextState, nextOwner, later))).isEqualTo(replaces);
    }
}
