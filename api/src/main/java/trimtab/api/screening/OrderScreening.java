package trimtab.api.screening;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.Hashes;
import trimtab.api.bookstore.MissingMarketDataException;
import trimtab.api.database.SqlFailures;
import trimtab.api.database.TimeOrderedIds;
import trimtab.api.database.Transactions;
import trimtab.api.explain.ViolationView;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.RulesInForce;
import trimtab.api.web.Actor;
import trimtab.api.web.ApiException;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.guardrail.OrderRequest;
import trimtab.engine.guardrail.OrderVerdict;
import trimtab.engine.guardrail.ScreeningResult;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.guardrail.Violation;
import trimtab.engine.rules.RuleSetVersion;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Screens an order system's batch and records every decision before the answer leaves.
 *
 * <p>A request costs a share of one reading statement (the Idempotency-Key lookup with the book's versions, made for
 * all the requests waiting at once: see {@link GroupedLookups}; when they hold and
 * the batch's accounts are kept, the households come from memory: see {@link KeptBook}), or else a read transaction
 * for what is not kept, and a share of one write transaction (the request row, its audit entries and its decisions,
 * group-committed with the other requests waiting: see {@link ScreeningCommits}). Screening and building the JSON
 * happen between the two, so the audit chain's head, locked from the append to the commit, waits for nothing but
 * the inserts.
 *
 * <p>Idempotency: a request with an Idempotency-Key is stored under (client, key). A retry with the same body gets
 * the stored bytes back and writes nothing; the same key with another body is a 409. The body is compared by the
 * SHA-256 of its canonical form (the orders as parsed, plus the asOf parameter as sent), so a retry reformatted by
 * the client is still the same request, and a retry after midnight without asOf is too. Two concurrent requests
 * with one key: the second waits on the unique key of the request row, gets a duplicate key and answers with what
 * the first stored.
 */
@Singleton
public final class OrderScreening {
    private static final int MAX_KEY_LENGTH = 200;

    private final ScreenRequestReader reader;
    private final RuleSetsInForce ruleSets;
    private final KeptBook book;
    private final Transactions transactions;
    private final ScreeningStore store;
    private final ScreeningCommits commits;
    private final GroupedLookups lookups;
    private final ScreeningJson json;
    private final Clock clock = Clock.systemUTC();

    OrderScreening(ScreenRequestReader reader, RuleSetsInForce ruleSets, KeptBook book, Transactions transactions,
                   ScreeningStore store, ScreeningCommits commits, GroupedLookups lookups, ScreeningJson json) {
        this.reader = reader;
        this.ruleSets = ruleSets;
        this.book = book;
        this.transactions = transactions;
        this.store = store;
        this.commits = commits;
        this.lookups = lookups;
        this.json = json;
    }

    /**
     * The request's canonical form, whose hash tells a retry from a different request under the same key (written
     * by {@link ScreeningJson#canonicalRequest} from the orders' JSON).
     */
    @io.micronaut.serde.annotation.Serdeable
    record CanonicalRequest(String asOf, List<OrderInput> orders) {
    }

    /** What the read transaction found: the stored answer to a retry, or the snapshot to screen on. */
    private record Read(ScreeningStore.StoredScreening stored, KeptBook.Snapshot snapshot) {
    }

    ScreeningAnswer screen(byte[] body, @Nullable String asOfParameter, @Nullable String idempotencyKey, Actor actor) {
        Instant receivedAt = now();
        LocalDate asOf = asOf(asOfParameter);
        String key = idempotencyKey(idempotencyKey);
        ScreenRequest request = reader.read(body);
        List<OrderInput> orders = request.orders();
        // each order as canonical JSON, written once: the request hash, the input hashes and the audit payloads use it
        List<byte[]> ordersJson = orders.stream().map(json::write).toList();
        String requestHash = Hashes.sha256(json.canonicalRequest(asOfParameter, ordersJson));
        // held until the decisions are committed: an activation on this instance swaps after them, never in between
        try (RuleSetsInForce.Lease lease = ruleSets.lease()) {
            RulesInForce rules = lease.rules();

            Read read = readSnapshot(actor, key, asOf, accountsOf(orders));
            if (read.stored() != null) {
                return replay(read.stored(), requestHash, key, actor);
            }
            List<OrderRequest> requests = orders.stream().map(OrderInput::toRequest).toList();
            ScreeningResult result = rules.screener().screen(requests, read.snapshot().book());
            return decide(orders, ordersJson, result, read.snapshot(), rules, requestHash, key, actor, receivedAt);
        }
    }

    private Read readSnapshot(Actor actor, String key, LocalDate asOf, List<String> accounts) {
        try {
            // one statement, no transaction, shared with the requests waiting alongside: a stored answer, or versions
            // under which the kept book may serve alone
            ScreeningStore.Lookup first = lookups.lookup(actor.name(), key);
            if (first.stored().isPresent()) {
                return new Read(first.stored().get(), null);
            }
            Optional<KeptBook.Snapshot> kept = book.kept(asOf, first.versions(), accounts);
            if (kept.isPresent()) {
                return new Read(null, kept.get());
            }
            return transactions.read(connection -> {
                // first, so that everything after it reads the snapshot whose versions it names
                ScreeningStore.Lookup lookup = store.lookup(connection, actor.name(), key);
                if (lookup.stored().isPresent()) {
                    return new Read(lookup.stored().get(), null);
                }
                return new Read(null, book.read(connection, lookup.versions(), asOf, accounts));
            });
        } catch (RuntimeException e) {
            MissingMarketDataException missing = cause(e, MissingMarketDataException.class);
            if (missing != null) {
                throw new ApiException(HttpStatus.CONFLICT, "missing-market-data", "Orders cannot be screened as of " + asOf
                        + ": " + missing.getMessage(), List.of());
            }
            throw e;
        }
    }

    /** Builds the answer and every record, then writes them in one transaction. */
    private ScreeningAnswer decide(List<OrderInput> orders, List<byte[]> ordersJson, ScreeningResult result, KeptBook.Snapshot snapshot, RulesInForce rules,
                          String requestHash, String key, Actor actor, Instant receivedAt) {
        String requestId = TimeOrderedIds.next();
        String recordedRuleSets = rules.recorded();
        RuleSetVersion ruleSet = result.ruleSet();
        SnapshotFacts facts = new SnapshotFacts(snapshot.book(), snapshot.fingerprints(), orders.size(), requestHash);
        List<OrderVerdictView> verdicts = new ArrayList<>(orders.size());
        List<RecordedScreening.Decision> decisions = new ArrayList<>(orders.size());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v.name(), 0);
        }
        for (int i = 0; i < orders.size(); i++) {
            OrderInput order = orders.get(i);
            OrderVerdict verdict = result.verdicts().get(i);
            String decisionId = new DecisionId(requestId, i + 1).toString();
            List<ViolationView> violations = verdict.violations().stream().map(ViolationView::of).toList();
            SeenFacts seen = facts.of(order);
            // the order exactly as received and what the snapshot said about it, each as canonical JSON
            byte[] orderJson = ordersJson.get(i);
            byte[] seenJson = json.write(seen);
            String inputHash = Hashes.sha256Lines(orderJson, seenJson);
            String payload = new String(json.auditedDecision(decisionId, requestId, i + 1, orderJson, verdict.verdict().name(),
                    verdict.violations().stream().map(OrderScreening::reference).toList(), seenJson), StandardCharsets.UTF_8);
            decisions.add(new RecordedScreening.Decision(i + 1, order, seen.householdId(), verdict.verdict().name(),
                    new AuditRecord("ORDER_DECISION", decisionId, actor.name(), recordedRuleSets, inputHash, payload)));
            verdicts.add(new OrderVerdictView(order.orderId(), decisionId, verdict.verdict().name(), violations));
            counts.merge(verdict.verdict().name(), 1, Integer::sum);
        }
        byte[] response = json.write(new ScreeningResponse(requestId, RuleSetView.of(ruleSet), result.asOf().toString(), verdicts));
        AuditRecord requestAudit = new AuditRecord("SCREENING_REQUEST", requestId, actor.name(), recordedRuleSets, requestHash,
                new String(json.write(new AuditedScreening(requestId, actor.name(), key, result.asOf().toString(), orders.size(),
                        counts, Hashes.sha256(response))), StandardCharsets.UTF_8));
        RecordedScreening recorded = new RecordedScreening(requestId, actor.name(), key, requestHash, receivedAt, now(), ruleSet,
                response, requestAudit, decisions);
        try {
            commits.record(recorded);
        } catch (RuntimeException e) {
            if (key != null && SqlFailures.isDuplicateKey(e)) {
                // a concurrent request with the same key committed first: answer as a retry of it
                ScreeningStore.StoredScreening stored = transactions.read(c -> store.lookup(c, actor.name(), key)).stored()
                        .orElseThrow(() -> e);
                return replay(stored, requestHash, key, actor);
            }
            throw e;
        }
        return new ScreeningAnswer(response, false);
    }

    private static ScreeningAnswer replay(ScreeningStore.StoredScreening stored, String requestHash, String key, Actor actor) {
        if (!stored.requestHash().equals(requestHash)) {
            throw ApiException.conflict("Idempotency-Key '" + key + "' of " + actor.name() + " was already used for request "
                    + stored.requestId() + ", with a different body; a new request needs a new key");
        }
        return new ScreeningAnswer(stored.response(), true);
    }

    /** "BLOCK RESTR-FIRM-01 (guardrails.drl.xlsx, sheet Restrictions, row 6)". */
    private static String reference(Violation violation) {
        var rule = violation.explanation().rule();
        return violation.severity() + " " + violation.ruleId() + " (" + rule.workbook() + ", sheet " + rule.sheet() + ", row "
                + rule.row() + ")";
    }

    /** The accounts whose households the snapshot needs; blank ones name none (the guardrails say so). */
    private static List<String> accountsOf(List<OrderInput> orders) {
        Set<String> accounts = new LinkedHashSet<>();
        for (OrderInput order : orders) {
            if (order.accountId() != null && !order.accountId().isBlank()) {
                accounts.add(order.accountId().strip());
            }
        }
        return List.copyOf(accounts);
    }

    private static LocalDate asOf(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(parameter.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("asOf must be a date such as 2026-11-24, not '" + parameter + "'", "asOf",
                    "not a date (YYYY-MM-DD)");
        }
    }

    private static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        String key = header.strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.invalid("Idempotency-Key", "the Idempotency-Key header must hold 1 to " + MAX_KEY_LENGTH
                    + " characters, not " + key.length());
        }
        return key;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
