package pulse.server.security;

import pulse.model.AccountRequest;

/**
 * The roles, as they appear in tokens and in {@code @Secured}: an account's are those a new account
 * may be given ({@link AccountRequest#ROLES}), and one more for another instance.
 */
public final class Role {

    /** The county office: registers projects, changes plans, corrects any figure, manages accounts. */
    public static final String ADMIN = AccountRequest.ADMIN_ROLE;
    /** A responsible unit: reports for its own projects only. */
    public static final String UNIT = AccountRequest.UNIT_ROLE;
    /** Reads and watches the screen. */
    public static final String VIEWER = AccountRequest.VIEWER_ROLE;
    /** Another Pulse instance asking for what only this one holds; never an account. */
    public static final String PEER = "peer";

    private Role() {}
}
