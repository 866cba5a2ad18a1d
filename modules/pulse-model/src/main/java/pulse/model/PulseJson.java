package pulse.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration Pulse reads and writes with, on Kafka and over HTTP alike: money stays
 * {@code BigDecimal} from the first byte (never through {@code double}), dates are ISO strings.
 */
public final class PulseJson {

    /** Deeper than any honest event; a limit so a crafted body cannot exhaust the stack. */
    public static final int MAX_NESTING = 16;

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private PulseJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies Pulse's settings to a mapper, so a framework's own mapper can agree with ours. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // Keep 1250.00 as written in JSON trees, not normalised to 1.25E+3.
        mapper.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DATE_KEYS_AS_TIMESTAMPS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).maxStringLength(1_000_000).build());
        return mapper;
    }
}
