package pulse.server.security;

/** A login refused because its account (or its address) failed too often: answered 429 with Retry-After. */
public class LoginLockedException extends RuntimeException {

    private final long retryAfterSeconds;

    public LoginLockedException(String username, long retryAfterSeconds) {
        super("logins of " + username + " are refused for " + retryAfterSeconds + " s after too many failures");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
