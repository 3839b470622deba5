package trimtab.api.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;

/**
 * A request to run the rebalancing cycle.
 *
 * @param households the households to run, by id; absent: every household in the book
 * @param asOf       the date the book is read as of (prices, VIX, lots); absent: today
 * @param dryRun     compute and record everything, but the trades can be neither approved nor exported
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record RunRequest(@Nullable List<String> households, @Nullable LocalDate asOf, @Nullable Boolean dryRun) {
    static final RunRequest DEFAULTS = new RunRequest(null, null, null);
}
