package pulse.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One accepted update about one project: the header every event carries, and what happened.
 *
 * <p>On the wire it is one flat JSON object (header fields, {@code type}, payload fields), as units
 * write it; see {@link EventCodec}. {@code unitId} may be null for a report written straight to Kafka
 * by a sender that did not name its unit: the project's registration supplies it.
 */
public record PulseEvent(
        UUID eventId,
        String projectId,
        String unitId,
        LocalDate occurredOn,
        Instant reportedAt,
        String sentBy,
        Payload payload) {

    public PulseEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(occurredOn, "occurredOn");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** The event's {@code type} on the wire, e.g. {@code InvestmentReported}. */
    public String type() {
        return payload.getClass().getSimpleName();
    }

    public PulseEvent withUnitId(String unit) {
        return new PulseEvent(eventId, projectId, unit, occurredOn, reportedAt, sentBy, payload);
    }

    /** The same event, recorded as sent by {@code sender} (the account that wrote it). */
    public PulseEvent withSentBy(String sender) {
        return new PulseEvent(eventId, projectId, unitId, occurredOn, reportedAt, sender, payload);
    }
}
