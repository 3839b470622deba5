package trimtab.api.run;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.audit.Hashes;
import trimtab.api.database.MultiRowInsert;
import trimtab.api.database.Transactions;
import trimtab.api.web.Actor;
import trimtab.engine.book.Account;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.cycle.HouseholdOutcome;
import trimtab.engine.cycle.TradeOutcome;
import trimtab.engine.planner.ProposedTrade;
import trimtab.engine.rules.RuleSetVersion;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Writes what a run decides. A run's start (its row, STARTED event, audit entry and its households as open work)
 * commits at once; each leased slice of households commits its results, proposed trades and audit entries together,
 * with multi-row inserts; the end writes the FINISHED or FAILED event with its audit entry, once per run. Nothing is updated, so a reader sees a run only grow.
 */
@Singleton
final class RunRecorder {
    private final Transactions transactions;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Runs runs;

    RunRecorder(Transactions transactions, AuditTrail audit, JsonMapper json, Runs runs) {
        this.transactions = transactions;
        this.audit = audit;
        this.json = json;
        this.runs = runs;
    }

    /** The run's row, its STARTED event and the RUN_STARTED audit entry, in one transaction. */
    void started(RunPlan plan, String requestJson) {
        transactions.write(connection -> {
            String ruleSets = plan.rules().recorded();
            audit.append(connection, List.of(new AuditRecord("RUN_STARTED", plan.runId(), plan.requestedBy().name(), ruleSets,
                    Hashes.sha256(requestJson), requestJson)));
            MultiRowInsert.into("rebalance_run", "run_id", "requested_by", "requested_at", "as_of", "dry_run", "household_scope",
                            "household_total", "rule_sets")
                    .row(plan.runId(), plan.requestedBy().name(), plan.requestedAt(), plan.asOf(), plan.dryRun(),
                            JsonText.write(json, plan.households()), plan.households().size(), ruleSets)
                    .execute(connection);
            event(connection, plan.runId(), "STARTED", requestJson);
            RunWork.add(connection, plan.runId(), plan.households());
            return null;
        });
    }

    /**
     * One slice: a result row per household (with the RUN_HOUSEHOLD audit entry) and a row per proposed trade (with
     * its TRADE_DECISION entry), and the slice's households marked done, all in one transaction, which records nothing
     * unless the lease still holds every household of the slice.
     *
     * @param missing  households the run names that the book no longer holds: recorded as failed
     * @param stopping when it says so at commit time, nothing is recorded and {@link Abandoned} is thrown
     * @return false when the lease was taken over (nothing recorded: the instance that took it records them)
     */
    boolean chunk(RunPlan plan, BookSnapshot book, List<HouseholdOutcome> outcomes, List<String> missing, RunWork.Lease lease,
                  String instance, RunStageTimes.Totals times, BooleanSupplier stopping) {
        long start = System.nanoTime();
        String ruleSets = plan.rules().recorded();
        RuleSetVersion guardrails = plan.rules().guardrails().version();
        String actor = Actor.SERVICE.name();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // one audit record per row, in the same order; each row gets its entry's sequence number
        List<AuditRecord> records = new ArrayList<>();
        List<PendingRow> rows = new ArrayList<>();
        HouseholdInputs.SharedLines shared = new HouseholdInputs.SharedLines(book);
        for (HouseholdOutcome outcome : outcomes) {
            Household household = book.household(outcome.household()).orElseThrow();
            String inputHash = HouseholdInputs.hash(household, book, shared);
            Map<TradeOutcome, String> ids = new IdentityHashMap<>();
            List<TradeOutcome> trades = outcome.allTrades();
            for (int i = 0; i < trades.size(); i++) {
                ids.put(trades.get(i), plan.tradeId(household.id().value(), i + 1));
            }
            HouseholdResult result = HouseholdResults.of(outcome, ids, inputHash);
            String resultJson = JsonText.write(json, result);
            records.add(new AuditRecord("RUN_HOUSEHOLD", plan.runId() + "/" + household.id(), actor, ruleSets, inputHash, resultJson));
            rows.add(PendingRow.household(plan.runId(), household.id().value(), household.advisor().value(),
                    outcome.decision().map(Enum::name).orElse(null), resultJson, now, HouseholdResults.cents(outcome.estimatedTax()),
                    HouseholdResults.cents(outcome.harvestedLosses()), result.tradeCount(), outcome.error().isPresent()));
            for (TradeOutcome trade : trades) {
                ProposedTrade t = trade.trade();
                String tradeId = ids.get(trade);
                String custodian = book.account(t.account()).map(Account::custodian).orElse("");
                TradeExplanation explanation = HouseholdResults.explanation(trade);
                TradeDecision decision = new TradeDecision(tradeId, plan.runId(), plan.dryRun(), household.id().value(), t.account().value(),
                        custodian, t.symbol().value(), t.side().name(), t.quantity(), t.price(), t.notional(), trade.verdict().name(),
                        explanation);
                String explanationJson = JsonText.write(json, explanation);
                records.add(new AuditRecord("TRADE_DECISION", tradeId, actor, ruleSets, inputHash, DecisionJson.write(json, decision, explanationJson)));
                rows.add(PendingRow.trade(tradeId, plan.runId(), household.id().value(), t.account().value(), custodian, t.symbol().value(),
                        t.side().name(), t.quantity(), t.price(), t.notional(), t.purpose().name(), trade.verdict().name(),
                        guardrails.version(), guardrails.checksum(), explanationJson));
            }
        }
        for (String id : missing) {
            String inputHash = HouseholdInputs.missing(id, plan.asOf());
            String error = "household " + id + " is not in the book as of " + plan.asOf();
            HouseholdResult result = new HouseholdResult(id, "", null, "NO_TRADES", List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), error, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, inputHash);
            String resultJson = JsonText.write(json, result);
            records.add(new AuditRecord("RUN_HOUSEHOLD", plan.runId() + "/" + id, actor, ruleSets, inputHash, resultJson));
            rows.add(PendingRow.household(plan.runId(), id, "", null, resultJson, now, BigDecimal.ZERO, BigDecimal.ZERO, 0, true));
        }
        long prepared = System.nanoTime();
        times.add(RunStageTimes.Stage.PREPARE_RECORDS, prepared - start);
        if (records.isEmpty()) {
            return true;
        }
        boolean recorded;
        try {
            recorded = transactions.write(connection -> {
            // first, before the audit chain's head is locked: a lease taken over means another instance records these
            if (!RunWork.complete(connection, lease, instance)) {
                throw new LeaseLost();
            }
            List<Long> seqs = audit.append(connection, records);
            MultiRowInsert households = MultiRowInsert.into("run_household", PendingRow.HOUSEHOLD_COLUMNS);
            MultiRowInsert trades = MultiRowInsert.into("proposed_trade", PendingRow.TRADE_COLUMNS);
            for (int i = 0; i < rows.size(); i++) {
                PendingRow row = rows.get(i);
                (row.isHousehold() ? households : trades).row(row.withAuditSeq(seqs.get(i)));
            }
            households.execute(connection);
            trades.execute(connection);
            // last, just before the commit: a stopping service leaves the whole slice to whoever takes the lease over
            if (stopping.getAsBoolean()) {
                throw new Abandoned();
            }
            return true;
            });
        } catch (LeaseLost e) {
            recorded = false;
        }
        times.add(RunStageTimes.Stage.WRITE, System.nanoTime() - prepared);
        return recorded;
    }

    /**
     * The FINISHED event with the run's summary, and its audit entry, when no household of the run is left open and
     * the run has not ended yet; whichever worker, on whichever instance, records the last households gets here
     * first. False when there is nothing to do.
     */
    boolean finishIfDone(RunPlan plan) {
        return transactions.write(connection -> {
            // a plain read in a new transaction sees every slice committed before it: if one is still open, its worker
            // comes here after committing it
            if (openHouseholds(connection, plan.runId()) > 0) {
                return false;
            }
            lockAuditHead(connection);
            if (ended(connection, plan.runId())) {
                return false;
            }
            String summary = JsonText.write(json, runs.summary(connection, plan.runId()));
            end(connection, plan, "FINISHED", summary);
            return true;
        });
    }

    /**
     * The FAILED event with the reason, and its audit entry, unless the run has ended already; its open households are
     * withdrawn, so no instance works on it any more. The households recorded before stay recorded.
     */
    void failed(RunPlan plan, String reason) {
        transactions.write(connection -> {
            RunWork.withdraw(connection, plan.runId());
            lockAuditHead(connection);
            if (ended(connection, plan.runId())) {
                return null;
            }
            end(connection, plan, "FAILED", JsonText.write(json, Map.of("reason", reason == null ? "unknown" : reason)));
            return null;
        });
    }

    /** Rolls a slice's transaction back when its lease no longer holds. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the lease was taken over", null, false, false);
        }
    }

    /** Thrown inside a slice's transaction when the service stops: the slice is rolled back and left to its lease. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the service is stopping", null, false, false);
        }
    }

    private static int openHouseholds(Connection connection, String runId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM run_work WHERE run_id = ? AND done = FALSE")) {
            count.setString(1, runId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Ends of one run are serialised on the audit chain's head, the lock every audit append takes anyway (so no new lock
     * order): the second worker to get here sees the first one's event. The primary key of {@code run_end} backs it.
     */
    private static void lockAuditHead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = lock.executeQuery()) {
            rs.next();
        }
    }

    /** Whether the run has its FINISHED or FAILED event, read with a locking read (the latest committed state). */
    private static boolean ended(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM run_end WHERE run_id = ? LOCK IN SHARE MODE")) {
            select.setString(1, runId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private void end(Connection connection, RunPlan plan, String event, String detail) throws SQLException {
        MultiRowInsert.into("run_end", "run_id", "event_type").row(plan.runId(), event).execute(connection);
        audit.append(connection, List.of(new AuditRecord("RUN_" + event, plan.runId(), Actor.SERVICE.name(), plan.rules().recorded(),
                Hashes.sha256(detail), detail)));
        event(connection, plan.runId(), event, detail);
    }

    private static void event(Connection connection, String runId, String type, String detail) throws SQLException {
        MultiRowInsert.into("run_event", "run_id", "event_type", "occurred_at", "detail")
                .row(runId, type, Instant.now().truncatedTo(ChronoUnit.MICROS), detail).execute(connection);
    }

    /** A run_household or proposed_trade row waiting for the sequence number of its audit entry (its last column). */
    private record PendingRow(boolean isHousehold, Object[] values) {
        static final String[] HOUSEHOLD_COLUMNS = {"run_id", "household_id", "advisor_id", "decision", "result", "done_at",
                "estimated_tax", "harvested_losses", "trade_count", "failed", "audit_seq"};
        static final String[] TRADE_COLUMNS = {"trade_id", "run_id", "household_id", "account_id", "custodian", "symbol", "side",
                "quantity", "price", "notional", "purpose", "verdict", "rule_set_version", "rule_set_checksum", "explanation", "audit_seq"};

        static PendingRow household(Object... values) {
            return new PendingRow(true, values);
        }

        static PendingRow trade(Object... values) {
            return new PendingRow(false, values);
        }

        Object[] withAuditSeq(long seq) {
            Object[] row = java.util.Arrays.copyOf(values, values.length + 1);
            row[values.length] = seq;
            return row;
        }
    }
}
