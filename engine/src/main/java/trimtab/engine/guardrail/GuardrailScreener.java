package trimtab.engine.guardrail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.FiredRule;
import trimtab.engine.rules.TableKind;

/**
 * Screens a batch of orders against the guardrails workbook: the same screener serves the planner's
 * proposals and the order system's orders. One rule session per batch; thread-safe.
 */
public final class GuardrailScreener {
    private final CompiledRuleSet guardrails;

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
        List<OrderCheck> checks = checks(orders, book);
        Map<OrderCheck, List<Violation>> violations = new LinkedHashMap<>();
        checks.forEach(c -> violations.put(c, new ArrayList<>()));
        for (FiredRule fired : guardrails.evaluate(checks)) {
            OrderCheck check = fired.fact(OrderCheck.class).orElseThrow(() -> new IllegalStateException(
                    "row " + fired.explanation().rule() + " fired without an order"));
            Severity severity = fired.outcome(Severity.class).orElseThrow(() -> new IllegalStateException(
                    "row " + fired.explanation().rule() + " fired without recording a severity"));
            violations.get(check).add(new Violation(fired.ruleId(), severity, fired.explanation()));
        }
        List<OrderVerdict> verdicts = new ArrayList<>();
        violations.forEach((check, list) -> {
            Verdict verdict = Verdict.PASS;
            for (Violation v : list) {
                verdict = verdict.worst(Verdict.of(v.severity()));
            }
            verdicts.add(new OrderVerdict(check.getOrderId(), verdict, list));
        });
        return new ScreeningResult(guardrails.version(), book.asOf(), verdicts);
    }
}
