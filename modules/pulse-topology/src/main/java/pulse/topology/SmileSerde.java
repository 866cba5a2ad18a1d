package pulse.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import pulse.model.PulseJson;

/**
 * Records as Smile (Jackson's binary JSON: the same model and settings, without names and numbers
 * as text), or as JSON when they start with '{'. Earlier versions kept a project's state in the
 * store this way; {@link ProjectStateSerde} still reads those states through here.
 */
public final class SmileSerde<T> implements Serde<T> {

    /** Dates as numbers here: parsing ISO text took a good part of reading a project's state. */
    private static final ObjectMapper SMILE = PulseJson.configure(new ObjectMapper(new SmileFactory()))
            .registerModule(new BlackbirdModule())
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JsonSerde<T> smile;
    private final JsonSerde<T> json;

    public SmileSerde(Class<T> type) {
        this.smile = new JsonSerde<>(SMILE, type);
        this.json = new JsonSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return smile.serializer();
    }

    @Override
    public Deserializer<T> deserializer() {
        Deserializer<T> fromSmile = smile.deserializer();
        Deserializer<T> fromJson = json.deserializer();
        return (topic, bytes) -> bytes != null && bytes.length > 0 && bytes[0] == '{'
                ? fromJson.deserialize(topic, bytes)
                : fromSmile.deserialize(topic, bytes);
    }
}
