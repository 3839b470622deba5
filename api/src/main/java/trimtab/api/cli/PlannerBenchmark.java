package trimtab.api.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.guardrail.GuardrailVocabulary;
import trimtab.engine.planner.PlannerSettings;
import trimtab.engine.planner.ScreenedPlanner;
import trimtab.engine.planner.TradePlanner;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.TableKind;
import trimtab.engine.taxpolicy.RebalanceMode;
import trimtab.engine.taxpolicy.TaxPolicy;
import trimtab.engine.taxpolicy.TaxPolicyResolver;
import trimtab.rules.ShippedRules;

/**
 * {@code ./trimtab bench-planner}: households planned per second on one thread, for the demo households with a
 * household model (copied 400 times), planning alone and planning with guardrail screening; tax policies are
 * resolved once beforehand. Median of 7 rounds after 3 warm-up passes.
 */
public final class PlannerBenchmark {
    private static final int ROUNDS = 7;

    private PlannerBenchmark() {
    }

    public static void main(String[] args) {
        BookSnapshot book = DemoBook.replicated(400);
        TaxPolicyResolver resolver = new TaxPolicyResolver(new RuleSetCompiler(TaxPolicyResolver.vocabulary())
                .compile(TableKind.TAX_POLICY, 1, ShippedRules.workbook(TableKind.TAX_POLICY)));
        List<Household> households = book.households().stream().filter(h -> h.model().isPresent()).toList();
        List<Map<AccountId, TaxPolicy>> policies = new ArrayList<>();
        for (Household household : households) {
            policies.add(resolver.resolve(household, book).stream().collect(Collectors.toMap(TaxPolicy::account, Function.identity())));
        }
        TradePlanner planner = new TradePlanner(PlannerSettings.DEFAULTS);
        ScreenedPlanner screened = new ScreenedPlanner(planner, new GuardrailScreener(new RuleSetCompiler(GuardrailVocabulary.get())
                .compile(TableKind.GUARDRAILS, 1, ShippedRules.workbook(TableKind.GUARDRAILS))));
        int trades = 0;
        for (int i = 0; i < households.size(); i++) {
            trades += planner.planHousehold(households.get(i), book, policies.get(i), RebalanceMode.TO_TARGET).trades().size();
        }
        System.out.printf(Locale.ROOT, "%d households (%d accounts), %d trades proposed in one pass%n", households.size(),
                households.stream().mapToInt(h -> h.accounts().size()).sum(), trades);
        report("plan", households.size(), () -> {
            for (int i = 0; i < households.size(); i++) {
                planner.planHousehold(households.get(i), book, policies.get(i), RebalanceMode.TO_TARGET);
            }
        });
        report("plan + screen", households.size(), () -> {
            for (int i = 0; i < households.size(); i++) {
                screened.plan(households.get(i), book, policies.get(i), RebalanceMode.TO_TARGET);
            }
        });
    }

    private static void report(String what, int households, Runnable pass) {
        for (int i = 0; i < 3; i++) {
            pass.run();
        }
        double[] rates = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            pass.run();
            rates[i] = households / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%s, 1 thread: median %,.0f households/s (min %,.0f, max %,.0f)%n", what,
                rates[ROUNDS / 2], rates[0], rates[ROUNDS - 1]);
    }
}
