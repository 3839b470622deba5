package trimtab.api.web;

/**
 * Who is acting, as recorded in the audit trail. Until authentication exists (the security issue), callers
 * name themselves with the {@code X-Trimtab-User} header; without it the actor is "anonymous". The order
 * system is expected to send its client id the same way.
 */
public record Actor(String name) {
    public static final String HEADER = "X-Trimtab-User";
    public static final Actor ANONYMOUS = new Actor("anonymous");
    /** The service itself, e.g. for a run's own records. */
    public static final Actor SERVICE = new Actor("trimtab");

    public Actor {
        if (name == null || name.isBlank()) {
            name = "anonymous";
        }
        name = name.strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
    }

    public static Actor from(String header) {
        return header == null || header.isBlank() ? ANONYMOUS : new Actor(header);
    }
}
