package pulse.model;

/**
 * One thing wrong with an input: which field, the value that was given (as written, or
 * {@code null} when absent), and what was expected instead.
 */
public record FieldError(String field, String value, String expected) {

    public String message() {
        String given = value == null ? "is missing" : "was " + value;
        return field + " " + given + "; expected " + expected;
    }
}
