package pulse.server.web;

import java.util.List;
import java.util.stream.Collectors;
import pulse.model.FieldError;

/** The sender may not write this: answered {@code 403} naming what was refused and why. */
public class ForbiddenException extends RuntimeException {

    private final transient List<FieldError> errors;

    public ForbiddenException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public ForbiddenException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
