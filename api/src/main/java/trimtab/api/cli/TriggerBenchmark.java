package trimtab.api.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import trimtab.engine.book.BookSnapshot;
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

        BookSnapshot book = DemoBook.replicated(COPIES);
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
