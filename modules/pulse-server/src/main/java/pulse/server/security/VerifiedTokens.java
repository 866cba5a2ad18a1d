package pulse.server.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login tokens that Micronaut Security has verified, each until it expires, so that a path which
 * answers without Micronaut ({@code query.TotalsFastPath}) need not check the signature again on
 * every request. A login token is a signed JWT valid until its {@code exp}, not revoked before: a
 * token accepted here is one Micronaut would still accept. Other bearer tokens (the metrics token)
 * are not kept.
 */
@Singleton
public class VerifiedTokens {

    /** Enough for every screen and dashboard of a province; past it, the expired go, then everything. */
    private static final int MAX_TOKENS = 10_000;

    private final Map<String, Long> expiresAt = new ConcurrentHashMap<>();

    /** {@code token} was verified by Micronaut Security just now. */
    public void verified(String token) {
        if (token == null || expiresAt.containsKey(token)) {
            return;
        }
        try {
            Date expiry = JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
            if (expiry == null) {
                return;
            }
            if (expiresAt.size() >= MAX_TOKENS) {
                long now = System.currentTimeMillis();
                expiresAt.values().removeIf(until -> until <= now);
                if (expiresAt.size() >= MAX_TOKENS) {
                    expiresAt.clear();
                }
            }
            expiresAt.put(token, expiry.getTime());
        } catch (ParseException e) {
            // not a login token
        }
    }

    /** True when {@code token} was verified and has not expired. */
    public boolean isVerified(String token) {
        Long until = token == null ? null : expiresAt.get(token);
        return until != null && System.currentTimeMillis() < until;
    }

    /** The token of an {@code Authorization: Bearer <token>} header; null for anything else. */
    public static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }
}
