package pulse.server.security;

import pulse.server.web.ConflictException;

/** An account of that name exists already: answered {@code 409}. */
public class AccountExistsException extends ConflictException {

    public AccountExistsException(String username) {
        super("An account named \"" + username + "\" exists already; delete it first to replace it");
    }
}
