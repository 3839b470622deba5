package trimtab.api.web;

/**
 * Who is acting, as recorded in the audit trail: the authenticated user's username (their permanent id, see
 * {@code trimtab.api.security}), or the service itself for what it does on its own.
 */
public record Actor(String name) {
    /** The service itself, e.g. for a run's own records and the rule sets installed on first start. */
    public static final Actor SERVICE = new Actor("trimtab");

    public Actor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
    }
}
