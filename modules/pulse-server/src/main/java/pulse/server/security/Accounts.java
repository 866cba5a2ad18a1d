package pulse.server.security;

import java.util.Optional;

/**
 * The accounts as they are now, as a write is checked against them ({@link Senders}): kept by
 * {@link AccountDirectory} from Kafka, stubbed in the controller tests.
 */
public interface Accounts {

    /** The account named {@code username}; empty when there is none (or it was deleted). */
    Optional<Account> find(String username);
}
