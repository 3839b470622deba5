package trimtab.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.bookfile.BookYaml;
import trimtab.engine.bookfile.ReferenceData;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;
import trimtab.engine.trigger.TriggerEvaluator;
import trimtab.engine.trigger.TriggerVocabulary;
import trimtab.rules.ShippedRules;

/**
 * {@code ./trimtab bench-triggers}: how long the triggers workbook takes to compile (cold, then warm) and
 * how many households per second trigger evaluation handles on one thread, on copies of the demo book.
 * Prints the median of several rounds; machines here are shared, so compare runs made together.
 */
public final class TriggerBenchmark {
    private static final int COMPILE_ROUNDS = 15;
    private static final int EVALUATION_ROUNDS = 7;
    private static final int COPIES = 400;

    private TriggerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Workbook workbook = ShippedRules.workbook(TableKind.TRIGGERS);
        RuleSetCompiler compiler = new RuleSetCompiler(TriggerVocabulary.get());
        double[] compileMs = new double[COMPILE_ROUNDS];
        CompiledRuleSet triggers = null;
        for (int i = 0; i < COMPILE_ROUNDS; i++) {
            long start = System.nanoTime();
            triggers = compiler.compile(TableKind.TRIGGERS, 1, workbook);
            compileMs[i] = (System.nanoTime() - start) / 1e6;
        }
        double cold = compileMs[0];
        double[] warm = Arrays.copyOfRange(compileMs, 5, COMPILE_ROUNDS);
        System.out.printf(Locale.ROOT, "compile %s (%d rules, %d bytes): cold %.0f ms, warm median %.0f ms (min %.0f, max %.0f, %d runs)%n",
                workbook.fileName(), triggers.ruleCount(), workbook.bytes().length, cold, median(warm),
                Arrays.stream(warm).min().orElseThrow(), Arrays.stream(warm).max().orElseThrow(), warm.length);

        ReferenceData reference = ShippedRules.referenceData();
        BookSnapshot demo = BookYaml.read(demoBook(), "demo/book.yaml", reference);
        BookSnapshot book = replicate(demo, reference);
        TriggerEvaluator evaluator = new TriggerEvaluator(triggers);
        for (int i = 0; i < 3; i++) {
            evaluator.evaluate(book); // warm-up
        }
        double[] perSecond = new double[EVALUATION_ROUNDS];
        int hits = 0;
        for (int i = 0; i < EVALUATION_ROUNDS; i++) {
            long start = System.nanoTime();
            hits = evaluator.evaluate(book).households().stream().mapToInt(h -> h.hits().size()).sum();
            perSecond[i] = book.households().size() / ((System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "evaluate %d households (%d hits), 1 thread: median %.0f households/s (min %.0f, max %.0f, %d rounds)%n",
                book.households().size(), hits, median(perSecond), Arrays.stream(perSecond).min().orElseThrow(),
                Arrays.stream(perSecond).max().orElseThrow(), EVALUATION_ROUNDS);
    }

    /** {@link #COPIES} copies of every demo household, with their own ids. */
    private static BookSnapshot replicate(BookSnapshot demo, ReferenceData reference) {
        List<Household> households = new ArrayList<>();
        for (int copy = 0; copy < COPIES; copy++) {
            String suffix = "-" + copy;
            for (Household h : demo.households()) {
                List<Account> accounts = h.accounts().stream().map(a -> new Account(AccountId.of(a.id() + suffix), a.type(),
                        a.custodian(), a.cash(), a.fractionalShares(), a.noBuy(), a.noSell(), a.esgExclusions(), a.lots(),
                        a.model(), a.planMenu())).toList();
                List<CashFlow> flows = h.cashFlows().stream().map(f -> new CashFlow(AccountId.of(f.account() + suffix),
                        f.date(), f.amount(), f.note())).toList();
                households.add(new Household(HouseholdId.of(h.id() + suffix), h.name(), h.advisor(), h.taxProfile(), h.model(),
                        h.lastRebalance(), accounts, flows, h.lifeEvents(), h.restrictions(), h.ipsBounds(), h.recentTrades()));
            }
        }
        return new BookSnapshot(demo.market(), demo.securities(), reference.models(), households, List.of());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String demoBook() throws IOException {
        try (InputStream in = TriggerBenchmark.class.getResourceAsStream("/demo/book.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
