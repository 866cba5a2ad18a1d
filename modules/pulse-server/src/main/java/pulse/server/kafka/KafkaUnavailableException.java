package pulse.server.kafka;

/** Kafka did not acknowledge a write in time: the write may be retried, it cannot count twice. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
