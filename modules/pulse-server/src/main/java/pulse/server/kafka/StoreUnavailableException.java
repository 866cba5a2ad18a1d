package pulse.server.kafka;

/** The figures cannot be read right now (starting, rebalancing, restoring); never answer a zero instead. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message);
    }
}
