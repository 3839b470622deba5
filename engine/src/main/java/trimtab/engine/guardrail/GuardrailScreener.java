package trimtab.engine.guardrail;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Set;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.FiredRule;
import trimtab.engine.rules.TableKind;

/**
 * Screens a batch of orders against the guardrails workbook: the same screener serves the planner's
 * proposals and the order system's orders. Thread-safe.
 *
 * <p>A blocked order will not execute, so it must not fund or dilute the others: when a pass blocks an
 * order that took part in the batch, the orders of its household are measured and screened again without
 * it, until a pass blocks nothing new. (A sale blocked by the no-sell list no longer pays for a buy, which
 * is then an overdraft.) Orders that need approval count as executing. Orders blocked in the same pass
 * stay blocked even when one was blocked only because of the other (a loss sale and its replacement):
 * the cautious reading.
 */
public final class GuardrailScreener {
    private final CompiledRuleSet guardrails;
    /** What is known of each book snapshot (a new snapshot starts afresh; old ones are collected). */
    private final Map<BookSnapshot, SnapshotIndex> indexes = Collections.synchronizedMap(new WeakHashMap<>());
    /** The snapshot screened last: batches mostly come on the current one, and need no lock to find it. */
    private volatile Latest latest = new Latest(new WeakReference<>(null), null);

    private record Latest(WeakReference<BookSnapshot> book, SnapshotIndex index) {
    }

    public GuardrailScreener(CompiledRuleSet guardrails) {
        if (guardrails.version().kind() != TableKind.GUARDRAILS) {
            throw new IllegalArgumentException("a " + guardrails.version().kind() + " rule set cannot screen orders");
        }
        this.guardrails = guardrails;
    }

    /** The facts the guardrail rows see for a batch: each order measured on the post-trade state. */
    public static List<OrderCheck> checks(List<OrderRequest> orders, BookSnapshot book) {
        return new PostTradeBatch(book).checks(orders);
    }

    public ScreeningResult screen(List<OrderRequest> orders, BookSnapshot book) {
        PostTradeBatch batch = new PostTradeBatch(book, index(book));
        List<ReadOrder> read = batch.read(orders);
        OrderVerdict[] verdicts = new OrderVerdict[orders.size()];
        boolean[] blocked = new boolean[orders.size()];
        List<ReadOrder> pending = read;
        while (!pending.isEmpty()) {
            List<OrderCheck> screened = batch.play(pending);
            List<Violation>[] violations = violations(screened, orders.size());
            Set<String> householdsToRedo = new HashSet<>();
            for (OrderCheck check : screened) {
                int index = check.position();
                List<Violation> found = violations[index];
                verdicts[index] = verdict(check, found == null ? List.of() : found);
                if (verdicts[index].verdict() == Verdict.BLOCK && check.isValued()) {
                    blocked[index] = true;
                    householdsToRedo.add(check.getHouseholdId());
                }
            }
            pending = householdsToRedo.isEmpty() ? List.of() : stillExecuting(read, blocked, householdsToRedo);
        }
        return new ScreeningResult(guardrails.version(), book.asOf(), List.of(verdicts));
    }

    private SnapshotIndex index(BookSnapshot book) {
        Latest last = latest;
        if (last.book().get() == book) {
            return last.index();
        }
        SnapshotIndex index = indexes.computeIfAbsent(book, b -> new SnapshotIndex());
        latest = new Latest(new WeakReference<>(book), index);
        return index;
    }

    /** The orders of the given households that were played and are not blocked: the next pass screens them again. */
    private static List<ReadOrder> stillExecuting(List<ReadOrder> read, boolean[] blocked, Set<String> households) {
        List<ReadOrder> next = new ArrayList<>();
        for (ReadOrder order : read) {
            if (order.placed() && !blocked[order.position] && households.contains(order.householdId)) {
                next.add(order);
            }
        }
        return next;
    }

    /** The violations of each order, by its place in the batch (null: none). */
    @SuppressWarnings("unchecked")
    private List<Violation>[] violations(List<OrderCheck> checks, int batchSize) {
        List<Violation>[] violations = new List[batchSize];
        for (FiredRule fired : guardrails.evaluate(checks)) {
            OrderCheck check = fired.fact(OrderCheck.class).orElseThrow(() -> new IllegalStateException(
                    "row " + fired.explanation().rule() + " fired without an order"));
            Severity severity = fired.outcome(Severity.class).orElseThrow(() -> new IllegalStateException(
                    "row " + fired.explanation().rule() + " fired without recording a severity"));
            if (violations[check.position()] == null) {
                violations[check.position()] = new ArrayList<>();
            }
            violations[check.position()].add(new Violation(fired.ruleId(), severity, fired.explanation()));
        }
        return violations;
    }

    private static OrderVerdict verdict(OrderCheck check, List<Violation> violations) {
        Verdict verdict = Verdict.PASS;
        // indexed: most orders have no violation, and an iterator over nothing is still an object
        for (int i = 0; i < violations.size(); i++) {
            verdict = verdict.worst(Verdict.of(violations.get(i).severity()));
        }
        return new OrderVerdict(check.getOrderId(), verdict, violations);
    }
}
