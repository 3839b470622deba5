package trimtab.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.bookfile.BookFileException;
import trimtab.engine.bookfile.ReferenceData;
import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.guardrail.OrderRequest;
import trimtab.engine.guardrail.OrderVerdict;
import trimtab.engine.guardrail.ScreeningResult;
import trimtab.engine.guardrail.Violation;
import trimtab.engine.rules.CompiledRuleSet;

/**
 * Runs guardrail scenarios: screens the scenario's batch of orders on its book and compares every
 * order's verdict and the exact set of rows it violates with what the scenario expects.
 */
public final class GuardrailScenarioRunner implements ScenarioRunner {
    private final GuardrailScreener screener;
    private final ReferenceData reference;

    public GuardrailScenarioRunner(CompiledRuleSet guardrails, ReferenceData reference) {
        this.screener = new GuardrailScreener(guardrails);
        this.reference = reference;
    }

    @Override
    public ScenarioResult run(ScenarioFile file, ScenarioFile.Scenario scenario) {
        List<String> expected = new ArrayList<>();
        scenario.verdicts().forEach((id, v) -> expected.add(id + ": " + v.verdict()
                + (v.violations().isEmpty() ? "" : " " + v.violations()) + (v.message() == null ? "" : " message~\"" + v.message() + "\"")));
        BookSnapshot book;
        try {
            book = ScenarioRunner.book(file, scenario, reference);
        } catch (BookFileException e) {
            return new ScenarioResult(file.path().toString(), scenario.name(), expected, List.of("error: " + e.getMessage()),
                    List.of("the book cannot be read: " + e.getMessage()));
        }
        List<OrderRequest> orders = scenario.orders().stream().map(o -> new OrderRequest(o.id(), o.account(), o.symbol(),
                o.side(), o.quantity(), o.price(), Boolean.TRUE.equals(o.automated()))).toList();
        ScreeningResult result = screener.screen(orders, book);

        List<String> actual = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> screened = new HashSet<>();
        for (OrderVerdict verdict : result.verdicts()) {
            screened.add(verdict.orderId());
            actual.add(verdict.orderId() + ": " + verdict.verdict() + " " + verdict.violations().stream().map(Violation::ruleId).toList());
            verdict.violations().forEach(v -> actual.add("      " + v.severity() + " " + v.ruleId() + ": \"" + v.message() + "\""));
            ScenarioFile.ExpectedVerdict expectation = scenario.verdicts().get(verdict.orderId());
            if (expectation == null) {
                problems.add("order " + verdict.orderId() + " has no expected verdict (it got " + verdict.verdict() + ")");
                continue;
            }
            if (!verdict.verdict().name().equalsIgnoreCase(expectation.verdict())) {
                problems.add("order " + verdict.orderId() + ": verdict " + verdict.verdict() + ", expected " + expectation.verdict());
            }
            Set<String> got = new TreeSet<>(verdict.violations().stream().map(Violation::ruleId).toList());
            Set<String> want = new TreeSet<>(expectation.violations());
            if (!got.equals(want)) {
                problems.add("order " + verdict.orderId() + ": violations " + got + ", expected " + want);
            }
            if (expectation.message() != null && verdict.violations().stream().noneMatch(v ->
                    v.message().toLowerCase(Locale.ROOT).contains(expectation.message().toLowerCase(Locale.ROOT)))) {
                problems.add("order " + verdict.orderId() + ": no violation message contains \"" + expectation.message() + "\"");
            }
        }
        for (Map.Entry<String, ScenarioFile.ExpectedVerdict> e : scenario.verdicts().entrySet()) {
            if (!screened.contains(e.getKey())) {
                problems.add("order " + e.getKey() + " is expected but not in the batch");
            }
        }
        return new ScenarioResult(file.path().toString(), scenario.name(), expected, actual, problems);
    }
}
