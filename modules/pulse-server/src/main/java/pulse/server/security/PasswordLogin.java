package pulse.server.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /login}: checks the password against the account's BCrypt hash (on the blocking
 * executor: BCrypt is slow on purpose). The token carries the role and, for a unit, its unit.
 */
@Singleton
class PasswordLogin<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    static final String UNIT_CLAIM = "unitId";

    private final AccountDirectory accounts;

    PasswordLogin(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        return accounts.authenticate(login.getIdentity(), login.getSecret())
                .map(account -> {
                    Map<String, Object> claims = new HashMap<>();
                    if (account.unitId() != null) {
                        claims.put(UNIT_CLAIM, account.unitId());
                    }
                    return AuthenticationResponse.success(account.username(), List.of(account.role()), claims);
                })
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
