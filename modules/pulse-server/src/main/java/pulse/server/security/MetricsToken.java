package pulse.server.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The scrape token ({@code PULSE_METRICS_TOKEN}): Prometheus sends it as a bearer token and may read
 * {@code /prometheus} and the details of {@code /health}, nothing else. Compared in constant time.
 */
@Singleton
@Requires(property = "pulse.metrics-token", pattern = ".+")
class MetricsToken implements TokenValidator<HttpRequest<?>> {

    static final String ROLE = "METRICS";

    private final byte[] secret;

    MetricsToken(@Value("${pulse.metrics-token}") String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        boolean scrape = request != null && (request.getPath().equals("/prometheus") || request.getPath().equals("/health"));
        if (scrape && MessageDigest.isEqual(secret, token.getBytes(StandardCharsets.UTF_8))) {
            return Mono.just(Authentication.build("metrics-scraper", List.of(ROLE)));
        }
        return Mono.empty();
    }
}
