package pulse.server.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import pulse.model.Text;
import pulse.server.web.ErrorBody;
import pulse.server.web.Language;

/** Logins of an account (or address) that failed too often: 429, and when to try again. */
@Singleton
@Produces
@Requires(classes = {LoginLockedException.class, ExceptionHandler.class})
class LoginLockedHandler implements ExceptionHandler<LoginLockedException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, LoginLockedException e) {
        return HttpResponse.<ErrorBody>status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(ErrorBody.of(Text.of("http.loginLocked", e.retryAfterSeconds()).in(Language.of(request))));
    }
}
