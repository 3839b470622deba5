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
 * <p>A request whose accounts are kept ({@link KeptBook}) reads nothing: it is screened on the kept book, and its
 * share of one write transaction (group-committed with the other requests waiting: see {@link ScreeningCommits})
 * first reads the book's versions and the Idempotency-Keys of the group in one statement, then writes the request
 * row, its decisions and its audit entries ({@link ScreeningStore#recordNew}). If the book changed since the kept
 * snapshot was read, nothing is written and the request is screened again on a snapshot read afresh; if its key was
 * used before, nothing is written and it is answered as a retry. A request with accounts not kept, or screened again,
 * reads its stored answer or its snapshot in a read transaction first. Screening and building the JSON happen before
 * the write transaction, so the audit chain's head, locked from the append to the commit, waits for nothing but the
 * inserts.
 *
 * <p>Idempotency: a request with an Idempotency-Key is stored under (client, key). A retry with the same body gets
 * the stored bytes back and writes nothing; the same key with another body is a 409. The body is compared by the
 * SHA-256 of its canonical form (the orders as parsed, plus the asOf parameter as sent), so a retry reformatted by
 * the client is still the same request, and a retry after midnight without asOf is too. A retry is screened (on the
 * kept book) before its write finds the key taken, which costs the screening again but no statement: retries are
 * rare, and every first request saves a statement. Two concurrent requests with one key: the second waits on the
 * unique key of the request row, gets a duplicate key and answers with what the first stored.
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
    private final ScreeningJson json;
    private final Clock clock = Clock.systemUTC();

    OrderScreening(ScreenRequestReader reader, RuleSetsInForce ruleSets, KeptBook book, Transactions transactions,
                   ScreeningStore store, ScreeningCommits commits, ScreeningJson json) {
        this.reader = reader;
        this.ruleSets = ruleSets;
        this.book = book;
        this.transactions = transactions;
        this.store = store;
        this.commits = commits;
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
            Request screened = new Request(orders, ordersJson, requestHash, key, actor, receivedAt);
            List<String> accounts = accountsOf(orders);

            Optional<KeptBook.Snapshot> kept = book.kept(asOf, accounts);
            if (kept.isPresent()) {
                // checked where it is written: still the book's versions, or nothing is written
                Optional<ScreeningAnswer> answer = screenAndRecord(screened, kept.get(), kept.get().versions(), rules);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
            Read read = readSnapshot(actor, key, asOf, accounts);
            if (read.stored() != null) {
                return replay(read.stored(), requestHash, key, actor);
            }
            // read after the request arrived, in a transaction of its own: fresh as it is, nothing to check
            return screenAndRecord(screened, read.snapshot(), null, rules)
                    .orElseThrow(() -> new IllegalStateException("a request screened on a snapshot read for it was not recorded"));
        }
    }

    /** A request as read, with what screening it again would need. */
    private record Request(List<OrderInput> orders, List<byte[]> ordersJson, String requestHash, String key, Actor actor,
                           Instant receivedAt) {
    }

    /**
     * Screens the request on the snapshot and records it; empty when the book changed since the kept snapshot
     * (nothing was written).
     */
    private Optional<ScreeningAnswer> screenAndRecord(Request request, KeptBook.Snapshot snapshot,
                                                      @Nullable KeptBook.Versions check, RulesInForce rules) {
        List<OrderRequest> requests = request.orders().stream().map(OrderInput::toRequest).toList();
        ScreeningResult result = rules.screener().screen(requests, snapshot.book());
        return decide(request, result, snapshot, check, rules);
    }

    private Read readSnapshot(Actor actor, String key, LocalDate asOf, List<String> accounts) {
        try {
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

    /**
     * Builds the answer and every record, then writes them in one transaction; empty when the check found the book
     * changed (nothing written).
     */
    private Optional<ScreeningAnswer> decide(Request request, ScreeningResult result, KeptBook.Snapshot snapshot,
                                             @Nullable KeptBook.Versions check, RulesInForce rules) {
        List<OrderInput> orders = request.orders();
        List<byte[]> ordersJson = request.ordersJson();
        String requestHash = request.requestHash();
        String key = request.key();
        Actor actor = request.actor();
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
        RecordedScreening recorded = new RecordedScreening(requestId, actor.name(), key, requestHash, request.receivedAt(), now(),
                ruleSet, response, requestAudit, decisions, check);
        ScreeningStore.Outcome outcome;
        try {
            outcome = commits.record(recorded);
        } catch (RuntimeException e) {
            if (key != null && SqlFailures.isDuplicateKey(e)) {
                // a concurrent request with the same key committed first: answer as a retry of it
                ScreeningStore.StoredScreening stored = transactions.read(c -> store.lookup(c, actor.name(), key)).stored()
                        .orElseThrow(() -> e);
                return Optional.of(replay(stored, requestHash, key, actor));
            }
            throw e;
        }
        if (outcome instanceof ScreeningStore.AlreadyStored taken) {
            return Optional.of(replay(taken.stored(), requestHash, key, actor));
        }
        return outcome instanceof ScreeningStore.BookChanged ? Optional.empty() : Optional.of(new ScreeningAnswer(response, false));
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
