package pulse.server.security;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import pulse.model.FieldError;
import pulse.model.Text;
import pulse.server.web.ForbiddenException;

/**
 * Turns a caller's token into the {@link Sender} it stands for, from the account as it is now: a
 * token of a deleted account, or of one whose role or unit changed, writes nothing it no longer may.
 */
@Singleton
public class Senders {

    private final Accounts accounts;

    Senders(Accounts accounts) {
        this.accounts = accounts;
    }

    public Sender of(Authentication authentication) {
        String name = authentication.getName();
        Account account = accounts.find(name).orElseThrow(() -> new ForbiddenException(new FieldError("account",
                "\"" + name + "\"", Text.of("account.deleted"))));
        return new Sender(account.username(), account.role(), account.unitId());
    }
}
