package pulse.server.remind;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import pulse.model.PulseJson;
import pulse.server.kafka.KafkaBacked;
import pulse.server.kafka.KafkaCluster;
import pulse.server.kafka.TopicTable;
import pulse.topology.Topics;

/**
 * Which reminders were sent, on the compacted topic {@code pulse.reminders} (key
 * {@code <YYYY-MM>/<unit>/<kind>}), read whole by every instance. Before sending, an instance
 * claims the reminder; every instance applies the records in the topic's order by the same rule,
 * so all agree on whose claim stands: the first, unless it went stale ({@link #CLAIM_TTL} without
 * a word from its instance, which then may have died). Once SENT, a reminder is never sent again,
 * whatever restarts. What cannot be promised: an instance that dies after the robot took the
 * message and before SENT was written leaves a claim that another instance takes over, and sends again.
 */
@Context
@KafkaBacked
public class ReminderLedger {

    static final Duration CLAIM_TTL = Duration.ofMinutes(2);

    private final ObjectMapper json = PulseJson.mapper();
    private final Map<String, Reminder> reminders = new ConcurrentHashMap<>();
    private final String instance = UUID.randomUUID().toString();
    private final TopicTable table;

    ReminderLedger(KafkaCluster cluster) {
        table = new TopicTable(cluster, Topics.REMINDERS.name(), "pulse-reminders", this::apply);
    }

    private void apply(String key, byte[] value, long timestamp) {
        if (key == null || value == null) {
            return;
        }
        Reminder next = read(value).at(Instant.ofEpochMilli(timestamp));
        reminders.compute(key, (k, current) -> stands(current, next) ? next : current);
    }

    /** Whether {@code next} replaces {@code current}: the same rule on every instance, from the records alone. */
    static boolean stands(Reminder current, Reminder next) {
        if (current == null) {
            return true;
        }
        if (Reminder.SENT.equals(current.state())) {
            return false;
        }
        return current.instance().equals(next.instance()) || next.at().isAfter(current.at().plus(CLAIM_TTL));
    }

    Optional<Reminder> find(String key) {
        return Optional.ofNullable(reminders.get(key));
    }

    boolean mine(Reminder reminder) {
        return instance.equals(reminder.instance());
    }

    /**
     * Whether this instance may claim the reminder now: nobody has, or another instance's claim went
     * stale ({@link #stands}, as a claim written now would be judged). This instance's own failed ones
     * are retried, not claimed again.
     */
    boolean claimable(String key) {
        Reminder current = reminders.get(key);
        return current == null || (!mine(current)
                && stands(current, new Reminder(null, null, null, Reminder.CLAIMED, instance, Instant.now(), 0, null, null, null)));
    }

    /** Claims a reminder for this instance; true when the claim stands (no other instance's came first). */
    boolean claim(String period, String unit, String kind, String text) {
        Reminder claim = new Reminder(period, unit, kind, Reminder.CLAIMED, instance, Instant.now(), 0, null, null, text);
        write(claim);
        return find(claim.key()).map(this::mine).orElse(false);
    }

    void write(Reminder reminder) {
        try {
            table.write(reminder.key(), json.writeValueAsBytes(reminder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This instance's reminders that failed and are waiting for their next attempt. */
    List<Reminder> failedOfMine() {
        return reminders.values().stream().filter(r -> Reminder.FAILED.equals(r.state()) && mine(r)).toList();
    }

    /** Every reminder of a month (all months when null), by unit and kind. */
    public List<Reminder> of(String period) {
        return reminders.values().stream().filter(r -> period == null || period.equals(r.period()))
                .sorted(Comparator.comparing(Reminder::period).thenComparing(Reminder::unitId).thenComparing(Reminder::kind))
                .toList();
    }

    /** Reminders whose webhook failed and that are still being retried, for the operator. */
    public List<Reminder> failing() {
        return reminders.values().stream().filter(r -> Reminder.FAILED.equals(r.state()))
                .sorted(Comparator.comparing(Reminder::at, Comparator.reverseOrder())).toList();
    }

    private Reminder read(byte[] value) {
        try {
            return json.readValue(value, Reminder.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() {
        table.close();
    }
}
