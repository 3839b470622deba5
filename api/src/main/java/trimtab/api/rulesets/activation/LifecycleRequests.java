package trimtab.api.rulesets.activation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The bodies of the lifecycle requests. Unknown fields are refused (400 naming the field). */
public final class LifecycleRequests {
    private LifecycleRequests() {
    }

    /**
     * An approval or an activation.
     *
     * @param reason why, in words; required: it is what the next reader of the audit trail has
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Reason(@Nullable String reason) {
        static final Reason EMPTY = new Reason(null);
    }

    /**
     * A rollback.
     *
     * @param version the version to put back in force; it must have been in force before
     * @param reason  why, in words; required
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Rollback(@Nullable Integer version, @Nullable String reason) {
        static final Rollback EMPTY = new Rollback(null, null);
    }
}
