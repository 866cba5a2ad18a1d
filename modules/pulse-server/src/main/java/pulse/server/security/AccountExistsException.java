package pulse.server.security;

/** An account of that name exists already: answered {@code 409}. */
public class AccountExistsException extends RuntimeException {

    public AccountExistsException(String username) {
        super("An account named \"" + username + "\" exists already; delete it first to replace it");
    }
}
