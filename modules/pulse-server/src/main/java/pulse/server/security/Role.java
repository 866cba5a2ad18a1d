package pulse.server.security;

import java.util.List;

/** The roles an account can have, as they appear in tokens and in {@code @Secured}. */
public final class Role {

    /** The county office: registers projects, changes plans, corrects any figure, manages accounts. */
    public static final String ADMIN = "admin";
    /** A responsible unit: reports for its own projects only. */
    public static final String UNIT = "unit";
    /** Reads and watches the screen. */
    public static final String VIEWER = "viewer";
    /** Another Pulse instance asking for what only this one holds; never an account. */
    public static final String PEER = "peer";

    public static final List<String> OF_ACCOUNTS = List.of(ADMIN, UNIT, VIEWER);

    private Role() {}
}
