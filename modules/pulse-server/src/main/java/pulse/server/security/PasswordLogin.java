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
import pulse.server.kafka.KafkaBacked;

/**
 * {@code POST /login}: checks the password against the account's BCrypt hash (on the blocking
 * executor: BCrypt is slow on purpose). The token carries the role and, for a unit, its unit.
 */
@Singleton
@KafkaBacked
class PasswordLogin<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    static final String UNIT_CLAIM = "unitId";

    private final AccountDirectory accounts;
    private final LoginGuard guard;
    private final LoginAudit audit;

    PasswordLogin(AccountDirectory accounts, LoginGuard guard, LoginAudit audit) {
        this.accounts = accounts;
        this.guard = guard;
        this.audit = audit;
    }

    /**
     * An account or address that failed too often is refused before its password is even checked
     * ({@link LoginGuard}); every login and failure is recorded ({@link LoginAudit}).
     */
    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        String username = login.getIdentity();
        String address = request == null ? null : request.getRemoteAddress().getAddress().getHostAddress();
        long wait = guard.waitSeconds(username, address);
        if (wait > 0) {
            throw new LoginLockedException(username, wait);
        }
        return accounts.authenticate(username, login.getSecret())
                .map(account -> {
                    audit.record(LoginAudit.Kind.LOGIN, account.username(), address, null);
                    Map<String, Object> claims = new HashMap<>();
                    if (account.unitId() != null) {
                        claims.put(UNIT_CLAIM, account.unitId());
                    }
                    return AuthenticationResponse.success(account.username(), List.of(account.role()), claims);
                })
                .orElseGet(() -> {
                    audit.record(LoginAudit.Kind.LOGIN_FAILED, username, address, null);
                    if (guard.waitSeconds(username, address) > 0) {
                        audit.record(LoginAudit.Kind.LOCKED_OUT, username, address, null);
                    }
                    return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
                });
    }
}
