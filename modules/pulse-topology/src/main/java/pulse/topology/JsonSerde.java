package pulse.topology;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import pulse.model.PulseJson;

/** JSON for Pulse's own records in stores and topics; {@code null} passes through for tombstones. */
public final class JsonSerde<T> implements Serde<T> {

    /** Pulse's JSON settings; Blackbird so that records are read and written without reflection. */
    private static final ObjectMapper MAPPER = PulseJson.configure(new ObjectMapper()).registerModule(new BlackbirdModule());

    private final ObjectMapper mapper;
    private final JavaType type;

    public JsonSerde(Class<T> type) {
        this(MAPPER, type);
    }

    /** The same with another of Jackson's formats: {@link SmileSerde}. */
    JsonSerde(ObjectMapper mapper, Class<T> type) {
        this.mapper = mapper;
        this.type = mapper.constructType(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return mapper.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + type + " for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return mapper.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("Cannot read " + type + " from " + topic, e);
            }
        };
    }
}
