package pulse.server.web;

import java.util.List;
import pulse.model.FieldError;

/** The body of every error answer: a sentence, and for bad input each field that was wrong. */
public record ErrorBody(String message, List<Problem> errors) {

    public record Problem(String field, String value, String expected, String message) {
        static Problem of(FieldError error) {
            return new Problem(error.field(), error.value(), error.expected(), error.message());
        }
    }

    static ErrorBody of(String message) {
        return new ErrorBody(message, List.of());
    }
}
