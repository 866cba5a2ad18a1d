package pulse.server.remind;

import java.time.Instant;

/**
 * One reminder to one unit for one month and kind, as the ledger knows it.
 *
 * @param state CLAIMED (an instance is sending it), SENT, or FAILED (its instance retries at {@code nextAttempt})
 * @param instance the instance that sends it
 * @param at when this state was written (the record's time on {@code pulse.reminders})
 */
public record Reminder(String period, String unitId, String kind, String state, String instance, Instant at,
        int attempts, String lastError, Instant nextAttempt, String text) {

    static final String CLAIMED = "CLAIMED";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    String key() {
        return period + "/" + unitId + "/" + kind;
    }

    Reminder at(Instant time) {
        return new Reminder(period, unitId, kind, state, instance, time, attempts, lastError, nextAttempt, text);
    }

    Reminder with(String newState, int tries, String error, Instant next) {
        return new Reminder(period, unitId, kind, newState, instance, at, tries, error, next, text);
    }
}
