package pulse.server.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthenticationException;
import io.micronaut.security.authentication.AuthenticationExceptionHandler;
import jakarta.inject.Singleton;
import pulse.model.Text;
import pulse.server.web.ErrorBody;
import pulse.server.web.Language;

/**
 * A login refused: 401 with Pulse's error body in the request's language, as every other error
 * (Micronaut's own answer is an English HAL document). It never says whether the account exists.
 */
@Singleton
@Produces
@Replaces(AuthenticationExceptionHandler.class)
@Requires(classes = {AuthenticationException.class, ExceptionHandler.class})
class LoginFailedHandler implements ExceptionHandler<AuthenticationException, HttpResponse<ErrorBody>> {

    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, AuthenticationException e) {
        return HttpResponse.<ErrorBody>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ErrorBody.of(Text.of("http.loginFailed").in(Language.of(request))));
    }
}
