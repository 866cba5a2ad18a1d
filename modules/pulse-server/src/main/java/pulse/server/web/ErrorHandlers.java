package pulse.server.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import pulse.documents.intake.Sheets;
import pulse.model.FieldError;
import pulse.model.InvalidInputException;
import pulse.model.Text;
import pulse.server.kafka.KafkaUnavailableException;
import pulse.server.kafka.StoreUnavailableException;

/** Maps Pulse's failures to their HTTP answers. */
final class ErrorHandlers {

    /** Seconds a client should wait before asking again while the stores are not readable. */
    static final String RETRY_AFTER_SECONDS = "1";

    private ErrorHandlers() {}

    private static String joined(List<FieldError> errors, Locale locale) {
        return errors.stream().map(error -> error.message(locale)).collect(Collectors.joining("; "));
    }

    @Singleton
    @Produces
    @Requires(classes = {InvalidInputException.class, ExceptionHandler.class})
    static class InvalidInput implements ExceptionHandler<InvalidInputException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidInputException e) {
            Locale locale = Language.of(request);
            return HttpResponse.badRequest(ErrorBody.of(Text.of("http.invalid", joined(e.errors(), locale)).in(locale),
                    e.errors(), locale));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {NotFoundException.class, ExceptionHandler.class})
    static class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, NotFoundException e) {
            return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(e.text().in(Language.of(request))));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {ForbiddenException.class, ExceptionHandler.class})
    static class Forbidden implements ExceptionHandler<ForbiddenException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, ForbiddenException e) {
            Locale locale = Language.of(request);
            return HttpResponse.<ErrorBody>status(HttpStatus.FORBIDDEN).body(ErrorBody.of(
                    Text.of("http.forbidden", joined(e.errors(), locale)).in(locale), e.errors(), locale));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {ConflictException.class, ExceptionHandler.class})
    static class Conflict implements ExceptionHandler<ConflictException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, ConflictException e) {
            return HttpResponse.<ErrorBody>status(HttpStatus.CONFLICT).body(ErrorBody.of(e.text().in(Language.of(request))));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {TooLargeException.class, ExceptionHandler.class})
    static class TooLarge implements ExceptionHandler<TooLargeException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, TooLargeException e) {
            Locale locale = Language.of(request);
            return HttpResponse.<ErrorBody>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(ErrorBody.of(Text.of("http.tooLarge", e.text()).in(locale)));
        }
    }

    /** A body beyond the server's limit, stopped while it arrived. */
    @Singleton
    @Produces
    @Replaces(ContentLengthExceededHandler.class)
    static class BodyTooLarge implements ExceptionHandler<ContentLengthExceededException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, ContentLengthExceededException e) {
            return HttpResponse.<ErrorBody>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(ErrorBody.of(
                    Text.of("http.tooLarge", Text.of("import.bodyTooLarge")).in(Language.of(request))));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {Sheets.TooManyRowsException.class, ExceptionHandler.class})
    static class TooManyRows implements ExceptionHandler<Sheets.TooManyRowsException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, Sheets.TooManyRowsException e) {
            return HttpResponse.<ErrorBody>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE).body(ErrorBody.of(
                    Text.of("http.tooLarge", Text.of("import.tooManyRows", Sheets.MAX_ROWS)).in(Language.of(request))));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {Sheets.UnreadableException.class, ExceptionHandler.class})
    static class Unreadable implements ExceptionHandler<Sheets.UnreadableException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, Sheets.UnreadableException e) {
            Locale locale = Language.of(request);
            FieldError file = new FieldError("file", null, Text.of("import.unreadable"));
            return HttpResponse.badRequest(ErrorBody.of(Text.of("http.unreadable", e.getMessage()).in(locale),
                    List.of(file), locale));
        }
    }

    /**
     * A request the security rules refused: {@code 401} without a valid token (none, expired, or not
     * signed by Pulse), {@code 403} when the account's role may not do this. Both say what to do.
     */
    @Singleton
    @Produces
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    static class NotAllowed implements ExceptionHandler<AuthorizationException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, AuthorizationException e) {
            String what = request.getMethodName() + " " + request.getPath();
            if (!e.isForbidden() || e.getAuthentication() == null) {
                return HttpResponse.<ErrorBody>status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .body(ErrorBody.of(Text.of("http.notSignedIn", what).in(Language.of(request))));
            }
            return HttpResponse.<ErrorBody>status(HttpStatus.FORBIDDEN).body(ErrorBody.of(Text.of("http.notAllowed",
                    e.getAuthentication().getName(), e.getAuthentication().getRoles(), what).in(Language.of(request))));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {StoreUnavailableException.class, ExceptionHandler.class})
    static class StoreUnavailable implements ExceptionHandler<StoreUnavailableException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, StoreUnavailableException e) {
            return HttpResponse.<ErrorBody>serverError().status(503)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .body(ErrorBody.of(Text.of("http.storeUnavailable", e.getMessage()).in(Language.of(request))));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {KafkaUnavailableException.class, ExceptionHandler.class})
    static class KafkaUnavailable implements ExceptionHandler<KafkaUnavailableException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, KafkaUnavailableException e) {
            return HttpResponse.<ErrorBody>serverError().status(503)
                    .header("Retry-After", "5")
                    .body(ErrorBody.of(Text.of("http.kafkaUnavailable", e.getMessage()).in(Language.of(request))));
        }
    }
}
