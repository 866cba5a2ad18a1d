package pulse.server.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Locale;
import pulse.model.Messages;

/** The language a request asked for: Chinese unless {@code Accept-Language} prefers English. */
public final class Language {

    private Language() {}

    public static Locale of(HttpRequest<?> request) {
        return Messages.of(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
