package pulse.server.web;

import java.util.List;
import java.util.Locale;
import pulse.model.FieldError;

/**
 * The body of every error answer: a sentence, and for bad input each field that was wrong, in the
 * language the request asked for ({@code Accept-Language}; Chinese unless English is preferred).
 */
public record ErrorBody(String message, List<Problem> errors) {

    public record Problem(String field, String value, String expected, String message) {
        static Problem of(FieldError error, Locale locale) {
            return new Problem(error.field(), error.value(), error.expected().in(locale), error.message(locale));
        }
    }

    public static ErrorBody of(String message) {
        return new ErrorBody(message, List.of());
    }

    static ErrorBody of(String message, List<FieldError> errors, Locale locale) {
        return new ErrorBody(message, errors.stream().map(error -> Problem.of(error, locale)).toList());
    }
}
