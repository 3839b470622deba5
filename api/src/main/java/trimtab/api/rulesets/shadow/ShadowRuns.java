package trimtab.api.rulesets.shadow;

import trimtab.api.bookstore.RequestedHouseholds;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.audit.Hashes;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.api.bookstore.MissingMarketDataException;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.RulesInForce;
import trimtab.api.rulesets.StoredRuleSet;
import trimtab.api.rulesets.activation.RuleSetTable;
import trimtab.api.web.Actor;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.cycle.HouseholdOutcome;
import trimtab.engine.cycle.RebalanceCycle;
import trimtab.engine.cycle.TradeOutcome;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.planner.PlannerSettings;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetRejectedException;
import trimtab.engine.rules.TableKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Runs the rebalancing cycle twice over the current book — with the rules in force, and with the same trio but the
 * candidate in its table's place — and reports where the outcomes differ. Nothing is recorded as a decision: the one
 * write is the RULE_SET_SHADOW_RUN audit entry that says who compared what with what, and the totals.
 *
 * <p>The book is read a bounded number of households at a time, as runs read it; the request is synchronous, which
 * suits a firm of a few hundred households (60 households took 0.65 to 0.95 s on the shared 2 vCPU test machine, the
 * candidate already compiled).
 */
@Singleton
public final class ShadowRuns {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowRuns.class);

    private final Transactions transactions;
    private final RuleSetStore store;
    private final RuleSetsInForce inForce;
    private final BookSnapshots snapshots;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final int chunkSize;
    private final RequestedHouseholds requestedHouseholds;

    ShadowRuns(Transactions transactions, RuleSetStore store, RuleSetsInForce inForce, BookSnapshots snapshots, AuditTrail audit,
               JsonMapper json, @Value("${trimtab.runs.chunk-size:100}") int chunkSize, RequestedHouseholds requestedHouseholds) {
        this.requestedHouseholds = requestedHouseholds;
        this.transactions = transactions;
        this.store = store;
        this.inForce = inForce;
        this.snapshots = snapshots;
        this.audit = audit;
        this.json = json;
        this.chunkSize = Math.max(1, chunkSize);
    }

    public ShadowViews.ShadowReport run(TableKind kind, int version, ShadowRequest request, Actor actor) {
        long start = System.nanoTime();
        StoredRuleSet stored = transactions.read(connection -> store.version(connection, kind, version))
                .orElseThrow(() -> ApiException.notFound(RuleSetTable.segment(kind) + " version " + version));
        LocalDate asOf = request.asOf() == null ? LocalDate.now() : request.asOf();
        List<String> households = households(request.households());
        CompiledRuleSet candidate = candidate(kind, version);
        RulesInForce current = inForce.current();
        RulesInForce shadow = replaced(current, candidate);
        RebalanceCycle enforced = cycle(current);
        RebalanceCycle candidateCycle = cycle(shadow);

        List<ShadowViews.HouseholdChange> changes = new ArrayList<>();
        Counts counts = new Counts();
        try {
            for (int from = 0; from < households.size(); from += chunkSize) {
                List<String> chunk = households.subList(from, Math.min(households.size(), from + chunkSize));
                BookSnapshot book = snapshots.load(asOf, HouseholdSelection.households(chunk));
                List<HouseholdOutcome> before = enforced.run(book);
                List<HouseholdOutcome> after = candidateCycle.run(book);
                for (int i = 0; i < before.size(); i++) {
                    counts.verdicts(before.get(i), counts.verdictsInForce);
                    counts.verdicts(after.get(i), counts.verdictsCandidate);
                    counts.evaluated++;
                    OutcomeComparison.compare(before.get(i), after.get(i)).ifPresent(change -> {
                        changes.add(change);
                        counts.add(change);
                    });
                }
            }
        } catch (MissingMarketDataException e) {
            throw ApiException.invalid("$.asOf", e.getMessage());
        }
        ShadowViews.Totals totals = counts.totals(changes.size());
        long elapsed = (System.nanoTime() - start) / 1_000_000;

        Object scope = request.households() == null ? "ALL" : households;
        String inputHash = Hashes.sha256(String.join("\n", kind.name(), Integer.toString(version), stored.sha256(), current.recorded(),
                asOf.toString(), String.valueOf(scope)));
        AuditedShadowRun payload = new AuditedShadowRun(kind.name(), version, stored.sha256(), current.recorded(), asOf.toString(), scope,
                totals, changes.stream().map(ShadowViews.HouseholdChange::householdId).toList());
        long seq = audit.append(List.of(new AuditRecord("RULE_SET_SHADOW_RUN", kind + ":" + version, actor.name(), current.recorded(),
                inputHash, write(payload)))).get(0);
        LOG.info("Shadow run of {} version {} by {} on {} households as of {}: {} would change ({} ms)", kind, version, actor.name(),
                totals.householdsEvaluated(), asOf, totals.householdsChanged(), elapsed);
        return new ShadowViews.ShadowReport(RuleSetTable.segment(kind),
                new ShadowViews.Candidate(version, stored.sha256(), candidate.ruleCount(), stored.uploadedBy(), stored.comment()),
                current.recorded(), asOf.toString(), totals, changes, elapsed, seq);
    }

    private CompiledRuleSet candidate(TableKind kind, int version) {
        try {
            return inForce.compiled(kind, version);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(RuleSetTable.segment(kind) + " version " + version);
        } catch (RuleSetRejectedException e) {
            throw ApiException.invalid(RuleSetTable.segment(kind) + " version " + version + " does not compile",
                    e.errors().stream().map(error -> new Problem.FieldError("workbook", error.located())).toList());
        }
    }

    /** The trio in force with the candidate in its table's place. */
    static RulesInForce replaced(RulesInForce current, CompiledRuleSet candidate) {
        return switch (candidate.version().kind()) {
            case TRIGGERS -> RulesInForce.of(candidate, current.taxPolicy(), current.guardrails());
            case TAX_POLICY -> RulesInForce.of(current.triggers(), candidate, current.guardrails());
            case GUARDRAILS -> RulesInForce.of(current.triggers(), current.taxPolicy(), candidate);
        };
    }

    private static RebalanceCycle cycle(RulesInForce rules) {
        return new RebalanceCycle(rules.triggerEvaluator(), rules.taxPolicyResolver(), rules.screener(), PlannerSettings.DEFAULTS);
    }

    /** The households named (each must exist, once), or every household of the book in id order. */
    private List<String> households(List<String> requested) {
        return requestedHouseholds.resolve(requested, "compare");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Running totals over the households evaluated. */
    private static final class Counts {
        int evaluated;
        int triggersGained;
        int triggersLost;
        int decisionsChanged;
        int tradesAdded;
        int tradesRemoved;
        int tradesChanged;
        int verdictsChanged;
        final Map<String, Integer> verdictsInForce = verdictCounts();
        final Map<String, Integer> verdictsCandidate = verdictCounts();

        void add(ShadowViews.HouseholdChange change) {
            triggersGained += change.triggersGained().size();
            triggersLost += change.triggersLost().size();
            decisionsChanged += change.decision() == null ? 0 : 1;
            tradesAdded += change.tradesAdded().size();
            tradesRemoved += change.tradesRemoved().size();
            tradesChanged += change.tradesChanged().size();
            verdictsChanged += change.verdictsChanged().size();
        }

        void verdicts(HouseholdOutcome outcome, Map<String, Integer> counts) {
            for (TradeOutcome trade : outcome.allTrades()) {
                counts.merge(trade.verdict().name(), 1, Integer::sum);
            }
        }

        ShadowViews.Totals totals(int changed) {
            return new ShadowViews.Totals(evaluated, changed, evaluated - changed, triggersGained, triggersLost, decisionsChanged,
                    tradesAdded, tradesRemoved, tradesChanged, verdictsChanged, verdictsInForce, verdictsCandidate);
        }

        private static Map<String, Integer> verdictCounts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Verdict verdict : Verdict.values()) {
                counts.put(verdict.name(), 0);
            }
            return counts;
        }
    }
}
