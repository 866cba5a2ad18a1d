package pulse.server.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Opens the read API and the push channel to anonymous viewers when {@code PULSE_ANONYMOUS_READS}
 * (on by default for the demo) says so. It only ever allows a {@code GET} of an endpoint every
 * account may read; everything else is left to the {@code @Secured} annotations.
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

    /**
     * A {@code GET} of an endpoint open to every account ({@code @Secured(IS_AUTHENTICATED)}): one
     * restricted to roles (accounts, reminders, the instances' internal API) is never opened, by
     * reading the same annotation the security rules read rather than a list of paths.
     */
    static boolean isPublicRead(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.GET && RouteAttributes.getRouteMatch(request)
                .map(route -> List.of(route.getAnnotationMetadata().stringValues(Secured.class))
                        .equals(List.of(SecurityRule.IS_AUTHENTICATED)))
                .orElse(false);
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 100;
    }
}
