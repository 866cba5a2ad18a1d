package pulse.server.security;

import java.time.Instant;

/**
 * One login. {@code passwordHash} is BCrypt (salted, slow on purpose); the password itself is never
 * kept. {@code unitId} is set for a unit account only: the unit it reports for.
 */
public record Account(String username, String passwordHash, String role, String unitId, String createdBy,
        Instant createdAt) {

    /** What the API shows of an account: never the hash. */
    public record Shown(String username, String role, String unitId, String createdBy, Instant createdAt) {}

    public Shown shown() {
        return new Shown(username, role, unitId, createdBy, createdAt);
    }
}
