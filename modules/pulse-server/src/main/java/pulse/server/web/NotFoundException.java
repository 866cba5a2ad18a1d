package pulse.server.web;

/** Something asked for that does not exist: answered {@code 404} with the message. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
