package pulse.server.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The screen's push channel is an {@code EventSource}, which cannot send an {@code Authorization}
 * header; the page keeps its token in a {@code SameSite=Strict} cookie instead. That cookie is read
 * for {@code GET} requests only, so no page of another site can ever write with it.
 */
@Singleton
class ReadCookieTokenReader implements TokenReader<HttpRequest<?>> {

    static final String COOKIE = "pulse_token";

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET) {
            return Optional.empty();
        }
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(value -> !value.isBlank());
    }
}
