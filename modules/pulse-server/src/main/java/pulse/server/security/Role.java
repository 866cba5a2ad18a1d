package pulse.server.security;


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


    private Role() {}
}
