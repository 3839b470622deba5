package trimtab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.bookfile.BookFileException;
import trimtab.engine.bookfile.ReferenceData;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.trigger.HouseholdTriggers;
import trimtab.engine.trigger.TriggerAction;
import trimtab.engine.trigger.TriggerEvaluator;
import trimtab.engine.trigger.TriggerHit;
import trimtab.engine.trigger.TriggerReport;

/**
 * Runs trigger scenarios against one compiled triggers workbook. Matching is exact: every expected hit
 * must fire, and any hit no expectation accounts for is a failure too, so adding or removing a row
 * shows up in the scenarios it affects.
 */
public final class TriggerScenarioRunner implements ScenarioRunner {
    private final TriggerEvaluator evaluator;
    private final ReferenceData reference;

    public TriggerScenarioRunner(CompiledRuleSet triggers, ReferenceData reference) {
        this.evaluator = new TriggerEvaluator(triggers);
        this.reference = reference;
    }

    @Override
    public ScenarioResult run(ScenarioFile file, ScenarioFile.Scenario scenario) {
        String source = file.path().toString();
        List<String> expected = scenario.expect().stream().map(Object::toString).toList();
        BookSnapshot book;
        try {
            book = ScenarioRunner.book(file, scenario, reference);
        } catch (BookFileException e) {
            List<String> problems = new ArrayList<>();
            if (scenario.error() == null || !e.getMessage().contains(scenario.error())) {
                problems.add("the book cannot be read: " + e.getMessage());
            }
            if (!scenario.expect().isEmpty() || !scenario.decisions().isEmpty()) {
                problems.add("the scenario expects hits or decisions, which cannot be checked on a book that cannot be read");
            }
            return new ScenarioResult(source, scenario.name(), expected, List.of("error: " + e.getMessage()), problems);
        }
        TriggerReport report = evaluator.evaluate(book);
        List<TriggerHit> hits = report.households().stream().flatMap(h -> h.hits().stream()).toList();
        List<String> actual = new ArrayList<>();
        hits.forEach(h -> actual.add(describe(h)));
        List<String> problems = new ArrayList<>();

        List<TriggerHit> unmatched = new ArrayList<>(hits);
        for (ScenarioFile.ExpectedHit expectation : scenario.expect()) {
            Optional<TriggerHit> match = unmatched.stream().filter(h -> matches(expectation, h)).findFirst();
            if (match.isPresent()) {
                unmatched.remove(match.get());
            } else {
                problems.add("missing: " + expectation);
            }
        }
        unmatched.forEach(h -> problems.add("unexpected: " + describe(h)));

        for (Map.Entry<String, String> decision : scenario.decisions().entrySet()) {
            Optional<HouseholdTriggers> household = report.household(HouseholdId.of(decision.getKey()));
            String got = household.isEmpty() ? "NO SUCH HOUSEHOLD"
                    : household.get().error().isPresent() ? "ERROR"
                    : household.get().decision().map(TriggerAction::name).orElse("NONE");
            if (!got.equalsIgnoreCase(decision.getValue())) {
                problems.add("household " + decision.getKey() + ": decision " + got + ", expected " + decision.getValue());
            }
        }
        for (HouseholdTriggers household : report.households()) {
            household.error().ifPresent(error -> {
                actual.add("error: household " + household.household() + ": " + error);
                if (scenario.error() == null || !error.contains(scenario.error())) {
                    problems.add("household " + household.household() + " could not be evaluated: " + error);
                }
            });
        }
        if (scenario.error() != null && report.households().stream().noneMatch(h -> h.error().isPresent())) {
            problems.add("expected an error containing \"" + scenario.error() + "\", but every household was evaluated");
        }
        return new ScenarioResult(source, scenario.name(), expected, actual, problems);
    }

    private static boolean matches(ScenarioFile.ExpectedHit e, TriggerHit h) {
        return same(e.rule(), h.ruleId())
                && same(e.household(), h.household().value())
                && same(e.action(), h.action().name())
                && same(e.assetClass(), h.assetClass().orElse(null))
                && same(e.lot(), h.lot().orElse(null))
                && same(e.scope(), h.scope())
                && (e.priority() == null || e.priority() == h.priority())
                && (e.message() == null || h.explanation().message().toLowerCase(Locale.ROOT)
                        .contains(e.message().toLowerCase(Locale.ROOT)));
    }

    private static boolean same(String expected, String actual) {
        return expected == null || expected.equalsIgnoreCase(actual == null ? "" : actual);
    }

    private static String describe(TriggerHit h) {
        return h.ruleId() + " " + h.action() + " household=" + h.household() + " scope=" + h.scope()
                + h.assetClass().map(c -> " assetClass=" + c).orElse("") + h.lot().map(l -> " lot=" + l).orElse("")
                + " priority=" + h.priority() + "\n      \"" + h.explanation().message() + "\"";
    }
}
