package trimtab.api.householddrift;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import trimtab.api.run.DriftView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A household and the drift its latest run found.
 *
 * @param worstDriftPts the largest absolute drift of any class of any of its portfolios, in points; null before its
 *                      first run
 * @param outsideBand   how many classes are outside a band
 * @param latestRun     the latest run that evaluated it (dry runs left out); null when none has
 * @param drift         each portfolio's classes, furthest from target first, with their bands
 */
@Serdeable
public record HouseholdDriftView(String householdId, String name, String advisorId, @Nullable BigDecimal worstDriftPts,
                                 int outsideBand, @Nullable LatestRun latestRun, List<DriftView> drift) {

    /**
     * The run: its decision for the household (null when nothing fired), what happens to the trades, how many it
     * proposed and blocked, and where to read the rest.
     */
    @Serdeable
    public record LatestRun(String runId, LocalDate asOf, Instant doneAt, @Nullable String decision, String course,
                            int tradeCount, int blockedCount, @Nullable String error, String link) {
    }
}
