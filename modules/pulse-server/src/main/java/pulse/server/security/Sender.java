package pulse.server.security;

/**
 * Who is writing: an account's name, role and (for a unit) its unit. Every accepted event records
 * the name as {@code sentBy}.
 */
public record Sender(String username, String role, String unitId) {

    /** Pulse itself, e.g. the demo loader: writes like the county office. */
    public static Sender system(String name) {
        return new Sender(name, Role.ADMIN, null);
    }

    public boolean isAdmin() {
        return Role.ADMIN.equals(role);
    }

    public boolean isUnit() {
        return Role.UNIT.equals(role);
    }
}
