package pulse.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.ByteArrayOutputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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
    /** Reads trees without looking up the tree's type and deserializer again for every event. */
    private final ObjectReader trees = mapper.readerFor(JsonNode.class);
    /** Pulse's mapper leaving out unset fields: an event on the wire has no {@code "reason": null}. */
    private static final ObjectMapper WITHOUT_NULLS = PulseJson.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** Each payload type's fields, written without the braces of an object of their own. */
    private static final ClassValue<JsonSerializer<Object>> PAYLOAD_FIELDS = new ClassValue<>() {
        @Override
        protected JsonSerializer<Object> computeValue(Class<?> type) {
            try {
                return WITHOUT_NULLS.getSerializerProviderInstance().findValueSerializer(type)
                        .unwrappingSerializer(NameTransformer.NOP);
            } catch (JsonMappingException e) {
                throw new IllegalStateException("no serializer for " + type, e);
            }
        }
    };
    private final EventReader reader;

    public EventCodec(EventReader reader) {
        this.reader = reader;
    }

    /**
     * The wire form, written field by field: the header, then the payload's fields that are set, in
     * the order of its record. (Building a JSON tree first and writing it out took a fifth of the
     * write path's time under a batch ingest.)
     */
    public byte[] encode(PulseEvent event) {
        // A report is a few hundred bytes: room for it at once, not a copy into a larger array on the way.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator out = mapper.getFactory().createGenerator(bytes)) {
            out.writeStartObject();
            writeHeader(event, out);
            SerializerProvider provider = WITHOUT_NULLS.getSerializerProviderInstance();
            PAYLOAD_FIELDS.get(event.payload().getClass()).serialize(event.payload(), out, provider);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The wire form as a JSON tree (the same fields as {@link #encode}), for answers that add to it. */
    public ObjectNode toJson(PulseEvent event) {
        try {
            return (ObjectNode) mapper.readTree(encode(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The header's names, quoted and encoded once (a name written as a String is checked for
    // characters to escape every time), and the last reportedAt kept with its text: the events of a
    // batch share it, and formatting an Instant was a twentieth of taking a batch.
    private static final SerializedString EVENT_ID = new SerializedString("eventId");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString PROJECT_ID = new SerializedString("projectId");
    private static final SerializedString UNIT_ID = new SerializedString("unitId");
    private static final SerializedString OCCURRED_ON = new SerializedString("occurredOn");
    private static final SerializedString REPORTED_AT = new SerializedString("reportedAt");
    private static final SerializedString SENT_BY = new SerializedString("sentBy");

    private record Formatted(Instant instant, String text) {}

    private volatile Formatted lastReportedAt = new Formatted(Instant.EPOCH, Instant.EPOCH.toString());

    private void writeHeader(PulseEvent event, JsonGenerator out) throws IOException {
        out.writeFieldName(EVENT_ID);
        out.writeString(event.eventId().toString());
        out.writeFieldName(TYPE);
        out.writeString(event.type());
        out.writeFieldName(PROJECT_ID);
        out.writeString(event.projectId());
        if (event.unitId() != null) {
            out.writeFieldName(UNIT_ID);
            out.writeString(event.unitId());
        }
        out.writeFieldName(OCCURRED_ON);
        out.writeString(event.occurredOn().toString());
        out.writeFieldName(REPORTED_AT);
        out.writeString(reportedAt(event.reportedAt()));
        if (event.sentBy() != null) {
            out.writeFieldName(SENT_BY);
            out.writeString(event.sentBy());
        }
    }

    private String reportedAt(Instant instant) {
        Formatted last = lastReportedAt;
        if (!last.instant().equals(instant)) {
            last = new Formatted(instant, instant.toString());
            lastReportedAt = last;
        }
        return last.text();
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
            return trees.readTree(bytes);
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
