package pulse.server.web;

/** A request that conflicts with what exists already: answered {@code 409} with the message. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
