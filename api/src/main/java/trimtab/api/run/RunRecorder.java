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
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a run decides. A run's start (its row, STARTED event and audit entry) commits at once; each chunk of
 * households commits its results, proposed trades and audit entries together, with multi-row inserts; the end writes
 * the FINISHED or FAILED event with its audit entry. Nothing is updated, so a reader sees a run only grow.
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
            return null;
        });
    }

    /**
     * One chunk: a result row per household (with the RUN_HOUSEHOLD audit entry) and a row per proposed trade (with
     * its TRADE_DECISION entry), all in one transaction.
     *
     * @param missing households the run names that the book no longer holds: recorded as failed
     */
    void chunk(RunPlan plan, BookSnapshot book, List<HouseholdOutcome> outcomes, List<String> missing) {
        String ruleSets = plan.rules().recorded();
        RuleSetVersion guardrails = plan.rules().guardrails().version();
        String actor = Actor.SERVICE.name();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // one audit record per row, in the same order; each row gets its entry's sequence number
        List<AuditRecord> records = new ArrayList<>();
        List<PendingRow> rows = new ArrayList<>();
        for (HouseholdOutcome outcome : outcomes) {
            Household household = book.household(outcome.household()).orElseThrow();
            String inputHash = HouseholdInputs.hash(household, book);
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
                records.add(new AuditRecord("TRADE_DECISION", tradeId, actor, ruleSets, inputHash, JsonText.write(json, decision)));
                rows.add(PendingRow.trade(tradeId, plan.runId(), household.id().value(), t.account().value(), custodian, t.symbol().value(),
                        t.side().name(), t.quantity(), t.price(), t.notional(), t.purpose().name(), trade.verdict().name(),
                        guardrails.version(), guardrails.checksum(), JsonText.write(json, explanation)));
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
        if (records.isEmpty()) {
            return;
        }
        transactions.write(connection -> {
            List<Long> seqs = audit.append(connection, records);
            MultiRowInsert households = MultiRowInsert.into("run_household", PendingRow.HOUSEHOLD_COLUMNS);
            MultiRowInsert trades = MultiRowInsert.into("proposed_trade", PendingRow.TRADE_COLUMNS);
            for (int i = 0; i < rows.size(); i++) {
                PendingRow row = rows.get(i);
                (row.isHousehold() ? households : trades).row(row.withAuditSeq(seqs.get(i)));
            }
            households.execute(connection);
            trades.execute(connection);
            return null;
        });
    }

    /** The FINISHED event with the run's summary, and its audit entry. */
    void finished(RunPlan plan) {
        transactions.write(connection -> {
            String summary = JsonText.write(json, runs.summary(connection, plan.runId()));
            end(connection, plan, "FINISHED", summary);
            return null;
        });
    }

    /** The FAILED event with the reason, and its audit entry. The households recorded before stay recorded. */
    void failed(RunPlan plan, String reason) {
        transactions.write(connection -> {
            end(connection, plan, "FAILED", JsonText.write(json, Map.of("reason", reason == null ? "unknown" : reason)));
            return null;
        });
    }

    private void end(Connection connection, RunPlan plan, String event, String detail) throws SQLException {
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
