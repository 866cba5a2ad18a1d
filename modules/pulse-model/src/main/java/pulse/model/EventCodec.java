package pulse.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Events to and from their wire form: one flat JSON object with the header, {@code type} and the
 * payload's fields, exactly what a unit writes over HTTP or straight onto Kafka.
 */
public final class EventCodec {

    private final ObjectMapper mapper = PulseJson.mapper();
    private final EventReader reader;

    public EventCodec(EventReader reader) {
        this.reader = reader;
    }

    public byte[] encode(PulseEvent event) {
        try {
            return mapper.writeValueAsBytes(toJson(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode toJson(PulseEvent event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("eventId", event.eventId().toString());
        node.put("type", event.type());
        node.put("projectId", event.projectId());
        if (event.unitId() != null) {
            node.put("unitId", event.unitId());
        }
        node.put("occurredOn", event.occurredOn().toString());
        node.put("reportedAt", event.reportedAt().toString());
        if (event.sentBy() != null) {
            node.put("sentBy", event.sentBy());
        }
        ObjectNode payload = mapper.valueToTree(event.payload());
        payload.properties().removeIf(field -> field.getValue().isNull());
        node.setAll(payload);
        return node;
    }

    /** Reads bytes as one event; anything unreadable is an {@link InvalidInputException}. */
    public PulseEvent decode(byte[] bytes) {
        return reader.read(parse(bytes, "body"), "");
    }

    /** Reads a record from the topic, received at its timestamp (see {@link EventReader#read(JsonNode, String, Instant)}). */
    public PulseEvent decode(byte[] bytes, Instant receivedAt) {
        return reader.read(parse(bytes, "value"), "", receivedAt);
    }

    /** Parses JSON text, naming the field in the error when it is not JSON at all. */
    public JsonNode parse(byte[] bytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(new FieldError(field, null, Text.of("json.document")));
        }
        try {
            return mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw new InvalidInputException(new FieldError(field, "not readable JSON (" + firstLine(e) + ")",
                    Text.of("json.utf8")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(JacksonException e) {
        String message = e.getOriginalMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
