package trimtab.api.run;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.api.bookstore.MissingMarketDataException;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.RulesInForce;
import trimtab.api.web.ApiException;
import trimtab.api.web.Actor;
import trimtab.api.web.Problem;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * Starting a run: checks the request, resolves the households, takes the rule sets in force once, records the run as
 * STARTED and hands it to the executor; the caller gets the run id at once and follows it with GET.
 */
@Singleton
public final class RebalanceRuns {
    private final Transactions transactions;
    private final RuleSetsInForce ruleSets;
    private final BookSnapshots snapshots;
    private final RunRecorder recorder;
    private final RunProcessor processor;
    private final RunExecutor executor;
    private final JsonMapper json;

    RebalanceRuns(Transactions transactions, RuleSetsInForce ruleSets, BookSnapshots snapshots, RunRecorder recorder,
                  RunProcessor processor, RunExecutor executor, JsonMapper json) {
        this.transactions = transactions;
        this.ruleSets = ruleSets;
        this.snapshots = snapshots;
        this.recorder = recorder;
        this.processor = processor;
        this.executor = executor;
        this.json = json;
    }

    public RunViews.RunAccepted start(RunRequest request, Actor actor) {
        LocalDate asOf = request.asOf() == null ? LocalDate.now() : request.asOf();
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        List<String> households = households(request.households());
        try {
            // the market data of the date (VIX, prices): without it no household can be evaluated, so say so now
            snapshots.load(asOf, HouseholdSelection.households(List.of()));
        } catch (MissingMarketDataException e) {
            throw ApiException.invalid("$.asOf", e.getMessage());
        }
        RulesInForce rules = ruleSets.current();
        RunPlan plan = RunPlan.of(UUID.randomUUID().toString(), actor, Instant.now().truncatedTo(ChronoUnit.MICROS), asOf, dryRun,
                households, rules);
        Map<String, Object> recordedRequest = new LinkedHashMap<>();
        recordedRequest.put("households", request.households() == null ? "ALL" : households);
        recordedRequest.put("asOf", asOf.toString());
        recordedRequest.put("dryRun", dryRun);
        recordedRequest.put("householdsTotal", households.size());
        recorder.started(plan, JsonText.write(json, recordedRequest));
        try {
            executor.submit(() -> processor.process(plan));
        } catch (RejectedExecutionException e) {
            recorder.failed(plan, "refused: the service is busy with other runs; try again later");
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy", "too many runs are waiting; try again later", List.of());
        }
        return new RunViews.RunAccepted(plan.runId(), RunStatus.RUNNING, asOf, dryRun, households.size(), RunLinks.of(plan.runId(), dryRun));
    }

    /** The households named (each must exist, once), or every household of the book in id order. */
    private List<String> households(List<String> requested) {
        if (requested == null) {
            return transactions.read(connection -> {
                List<String> all = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement("SELECT household_id FROM household ORDER BY household_id");
                     ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        all.add(rs.getString(1));
                    }
                }
                return all;
            });
        }
        if (requested.isEmpty()) {
            throw ApiException.invalid("$.households", "name at least one household, or leave households out to run them all");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String id = requested.get(i);
            if (id == null || id.isBlank()) {
                errors.add(new Problem.FieldError("$.households[" + i + "]", "a household id must not be empty"));
            } else if (!seen.add(id)) {
                errors.add(new Problem.FieldError("$.households[" + i + "]", "household " + id + " is named twice"));
            }
        }
        if (errors.isEmpty()) {
            Set<String> known = transactions.read(connection -> {
                Set<String> found = new HashSet<>();
                String marks = String.join(",", Collections.nCopies(requested.size(), "?"));
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT household_id FROM household WHERE household_id IN (" + marks + ")")) {
                    for (int i = 0; i < requested.size(); i++) {
                        statement.setString(i + 1, requested.get(i));
                    }
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
                return found;
            });
            for (int i = 0; i < requested.size(); i++) {
                if (!known.contains(requested.get(i))) {
                    errors.add(new Problem.FieldError("$.households[" + i + "]", "household " + requested.get(i) + " does not exist"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.get(0).message(), errors);
        }
        return List.copyOf(requested);
    }
}
