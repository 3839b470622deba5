package trimtab.api.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A run as recorded: the request, the rule sets it took, and its events.
 *
 * @param households the households it runs, in order (a household's position is part of its trade ids)
 * @param ruleSets   the rule-set versions and checksums, as {@code RulesInForce.recorded()} writes them
 */
public record StoredRun(String runId, String requestedBy, Instant requestedAt, LocalDate asOf, boolean dryRun,
                        List<String> households, int householdTotal, String ruleSets, List<Event> events) {

    /** One event of a run: STARTED, FINISHED or FAILED, with its detail (JSON). */
    public record Event(String type, Instant occurredAt, String detail) {
    }

    public StoredRun {
        households = List.copyOf(households);
        events = List.copyOf(events);
    }

    public RunStatus status() {
        return events.isEmpty() ? RunStatus.RUNNING : RunStatus.ofEvent(events.get(events.size() - 1).type());
    }

    /** When it finished or failed. */
    public Optional<Instant> endedAt() {
        return status() == RunStatus.RUNNING ? Optional.empty() : Optional.of(events.get(events.size() - 1).occurredAt());
    }
}
