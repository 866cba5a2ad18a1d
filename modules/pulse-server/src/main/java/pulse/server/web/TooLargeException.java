package pulse.server.web;

/** Input beyond what Pulse takes in one request (413): says the limit and what to do instead. */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String message) {
        super(message);
    }
}
