package trimtab.api.security;

/** A person who logs in, or a system (the order system) that logs in with its client id and secret. */
public enum UserKind {
    PERSON,
    SERVICE
}
