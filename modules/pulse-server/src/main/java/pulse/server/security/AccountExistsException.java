package pulse.server.security;

import pulse.model.Text;
import pulse.server.web.ConflictException;

/** An account of that name exists already: answered {@code 409}. */
public class AccountExistsException extends ConflictException {

    public AccountExistsException(String username) {
        super(Text.of("account.exists", username));
    }
}
