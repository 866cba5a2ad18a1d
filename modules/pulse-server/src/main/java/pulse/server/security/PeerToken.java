package pulse.server.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The token this instance shows another one when it asks for a project only that one holds. It is
 * signed with the secret all instances share, has role {@code peer} only, and is renewed well before
 * it expires.
 */
@Singleton
public class PeerToken {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final TokenGenerator generator;
    private String token;
    private Instant renewAt = Instant.MIN;

    PeerToken(TokenGenerator generator) {
        this.generator = generator;
    }

    public synchronized String authorization() {
        if (Instant.now().isAfter(renewAt)) {
            token = generator.generateToken(Authentication.build("pulse-instance", List.of(Role.PEER)),
                    (int) LIFETIME.toSeconds()).orElseThrow(() -> new IllegalStateException("no token generator"));
            renewAt = Instant.now().plus(LIFETIME.dividedBy(2));
        }
        return "Bearer " + token;
    }
}
