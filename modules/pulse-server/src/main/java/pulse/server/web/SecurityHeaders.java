package pulse.server.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;

/**
 * The headers a security scan expects on every answer: a Content-Security-Policy that allows only
 * Pulse's own scripts (no inline script, no other site), no framing, no type sniffing, no referrer.
 * Styles may be inline: the charts and the API browser set them.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** Every answer's headers, also those answered before Micronaut's filters ({@code query.TotalsHandler}). */
    public static final Map<String, String> ON_EVERY_ANSWER = Map.of("Content-Security-Policy", POLICY,
            "X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer");

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        ON_EVERY_ANSWER.forEach(response::header);
    }
}
