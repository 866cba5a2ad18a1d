package pulse.server.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import pulse.model.InvalidInputException;
import pulse.server.ingest.KafkaUnavailableException;
import pulse.server.ingest.ProjectNotFoundException;
import pulse.server.kafka.StoreUnavailableException;

/** Maps Pulse's failures to their HTTP answers. */
final class ErrorHandlers {

    /** Seconds a client should wait before asking again while the stores are not readable. */
    static final String RETRY_AFTER_SECONDS = "1";

    private ErrorHandlers() {}

    @Singleton
    @Produces
    @Requires(classes = {InvalidInputException.class, ExceptionHandler.class})
    static class InvalidInput implements ExceptionHandler<InvalidInputException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, InvalidInputException e) {
            return HttpResponse.badRequest(new ErrorBody("Invalid input: " + e.getMessage(),
                    e.errors().stream().map(ErrorBody.Problem::of).toList()));
        }
    }

    @Singleton
    @Produces
    @Requires(classes = {ProjectNotFoundException.class, ExceptionHandler.class})
    static class NotFound implements ExceptionHandler<ProjectNotFoundException, HttpResponse<ErrorBody>> {
        @Override
        public HttpResponse<ErrorBody> handle(HttpRequest request, ProjectNotFoundException e) {
            return HttpResponse.<ErrorBody>notFound().body(ErrorBody.of(e.getMessage()));
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
                    .body(ErrorBody.of("The live totals are not readable right now (" + e.getMessage()
                            + "); retry shortly"));
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
                    .body(ErrorBody.of(e.getMessage()));
        }
    }
}
