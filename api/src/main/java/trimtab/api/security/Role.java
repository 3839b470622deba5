package trimtab.api.security;

/**
 * What a user is allowed to do. The constants in {@link Names} are the same words, for {@code @Secured}.
 */
public enum Role {
    /** Owns the rule sets (upload, validate, shadow-run, approve, activate, roll back) and reads every decision. */
    COMPLIANCE_OFFICER,
    /** Looks after their own households: drift, runs, proposals, why, approving or rejecting their trades. */
    ADVISOR,
    /** The firm's order system: screens orders before routing them and reads its own decisions. */
    ORDER_SYSTEM,
    /** Keeps the book: securities, prices, models, households, custodian imports, order exports. */
    OPERATIONS,
    /** Manages users. */
    ADMIN;

    /** Role names as compile-time constants, for annotations. */
    public static final class Names {
        public static final String COMPLIANCE_OFFICER = "COMPLIANCE_OFFICER";
        public static final String ADVISOR = "ADVISOR";
        public static final String ORDER_SYSTEM = "ORDER_SYSTEM";
        public static final String OPERATIONS = "OPERATIONS";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }
}
