package pulse.server.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Opens the read API and the push channel to anonymous viewers when {@code PULSE_ANONYMOUS_READS}
 * (on by default for the demo) says so. It only ever allows a {@code GET} of a read endpoint;
 * everything else is left to the {@code @Secured} annotations.
 */
@Singleton
class ReadAccessRule implements SecurityRule<HttpRequest<?>> {

    private final boolean anonymousReads;

    ReadAccessRule(SecuritySettings settings) {
        this.anonymousReads = settings.anonymousReads();
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, Authentication authentication) {
        return Mono.just(anonymousReads && isPublicRead(request) ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    static boolean isPublicRead(HttpRequest<?> request) {
        String path = request.getPath();
        return request.getMethod() == HttpMethod.GET && path.startsWith("/api/")
                && !path.startsWith("/api/internal/") && !path.startsWith("/api/accounts")
                && !path.startsWith("/api/reminders");
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 100;
    }
}
