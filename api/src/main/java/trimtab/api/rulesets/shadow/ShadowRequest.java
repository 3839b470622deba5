package trimtab.api.rulesets.shadow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * A shadow run of a candidate version.
 *
 * @param asOf       the date the book is read as of; absent: today
 * @param households the households to evaluate, by id; absent: every household of the book
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ShadowRequest(@Nullable LocalDate asOf, @Nullable List<String> households) {
    static final ShadowRequest DEFAULTS = new ShadowRequest(null, null);
}
