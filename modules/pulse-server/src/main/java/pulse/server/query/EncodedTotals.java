package pulse.server.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The county's totals as the bytes {@code GET /api/totals} answers, encoded once each time the
 * totals move rather than once per request (every screen and dashboard polls them), with an
 * {@code ETag} made from those bytes: the same figures have the same tag on every instance.
 */
@Singleton
public class EncodedTotals {

    /** The answer's body and its strong entity tag (quoted, as the header carries it). */
    public record Encoded(long version, byte[] json, String etag) {}

    private final QueryService query;
    private final LiveTotals totals;
    private final ObjectMapper mapper;
    private final Map<Integer, Encoded> byYear = new ConcurrentHashMap<>();

    EncodedTotals(QueryService query, LiveTotals totals, ObjectMapper mapper) {
        this.query = query;
        this.totals = totals;
        this.mapper = mapper;
    }

    public Encoded county(int year) {
        long version = totals.version();
        Encoded cached = byYear.get(year);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        try {
            byte[] json = mapper.writeValueAsBytes(query.county(year));
            Encoded fresh = new Encoded(version, json, "\"" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(json), 0, 8) + "\"");
            byYear.put(year, fresh);
            return fresh;
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot encode the county's totals", e);
        }
    }
}
