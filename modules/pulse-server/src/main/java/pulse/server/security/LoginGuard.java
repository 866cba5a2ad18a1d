package pulse.server.security;

import io.github.bucket4j.Bucket;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins with token buckets (Bucket4j): an account may fail {@code max-failures}
 * times (5) in a window of {@code lockout} (15 minutes) from its first failure; then every login
 * of it is refused until the window ends, whatever the password. An address may fail
 * {@code address-max-failures} times (20) in the same window, whichever accounts it tries. A
 * successful login starts the account afresh. The failures come from the audit topic
 * ({@link LoginAudit}), so every instance counts every instance's failures.
 */
@Singleton
public class LoginGuard {

    /** Buckets kept before the full ones (no failure pending) are dropped. */
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final int addressMaxFailures;
    private final Duration lockout;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    LoginGuard(@Value("${pulse.security.login.max-failures:5}") int maxFailures,
            @Value("${pulse.security.login.address-max-failures:20}") int addressMaxFailures,
            @Value("${pulse.security.login.lockout:15m}") Duration lockout) {
        this.maxFailures = maxFailures;
        this.addressMaxFailures = addressMaxFailures;
        this.lockout = lockout;
    }

    public Duration lockout() {
        return lockout;
    }

    /** Seconds until {@code username} may try again from {@code address}; 0 when it may now. */
    public long waitSeconds(String username, String address) {
        return Math.max(wait(accounts.get(username)), wait(addresses.get(address)));
    }

    /** A failed login, from any instance. */
    void failed(String username, String address) {
        prune(accounts);
        prune(addresses);
        accounts.computeIfAbsent(username, name -> bucket(maxFailures)).tryConsume(1);
        if (address != null) {
            addresses.computeIfAbsent(address, name -> bucket(addressMaxFailures)).tryConsume(1);
        }
    }

    /** A successful login, from any instance: the account's failures are forgiven (its address's are not). */
    void succeeded(String username) {
        accounts.remove(username);
    }

    private Bucket bucket(int failures) {
        return Bucket.builder().addLimit(limit -> limit.capacity(failures).refillIntervally(failures, lockout)).build();
    }

    private static long wait(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private void prune(Map<String, Bucket> buckets) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= maxFailures);
        }
    }
}
