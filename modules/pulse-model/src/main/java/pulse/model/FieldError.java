package pulse.model;

import java.util.Locale;

/**
 * One thing wrong with an input: which field, the value that was given (as written, or
 * {@code null} when absent), and what was expected instead, from the catalogue ({@link Text}).
 */
public record FieldError(String field, String value, Text expected) {

    /** The whole sentence in {@code locale}: field, what was given, what was expected. */
    public String message(Locale locale) {
        return value == null
                ? Text.of("error.missing", field, expected).in(locale)
                : Text.of("error.given", field, value, expected).in(locale);
    }

    /** In English, as exceptions and logs carry it. */
    public String message() {
        return message(Messages.EN);
    }
}
