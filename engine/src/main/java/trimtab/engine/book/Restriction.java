package trimtab.engine.book;

import java.util.Objects;

/**
 * A security that may not be traded: on the firm's restricted list (e.g. a pending deal, research
 * blackout) or restricted for one client (e.g. an officer of the issuer).
 */
public record Restriction(Symbol symbol, String reason) {
    public Restriction {
        Objects.requireNonNull(symbol, "restricted symbol");
        reason = reason == null || reason.isBlank() ? "restricted" : reason;
    }
}
