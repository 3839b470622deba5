package trimtab.api.cli;

import io.micronaut.context.ApplicationContext;
import trimtab.api.database.EmbeddedMariaDb;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetCompilers;
import trimtab.api.rulesets.RuleSetStore;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.api.rulesets.activation.RuleSetLifecycle;
import trimtab.api.web.Actor;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.TableKind;
import trimtab.engine.rules.Workbook;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./trimtab bench-activation [--rows 1000] [--runs 5] [--folder target/bench-activation]}: what it costs to
 * put a firm-sized guardrail table in force. Generates a guardrails workbook of {@code rows} rule rows
 * ({@link LargeGuardrailsWorkbook}) and measures, median of {@code runs} after one warm-up:
 * <ol>
 * <li>compile: {@code RuleSetCompilers.compile}, the Drools build with every check and row map;</li>
 * <li>upload then activate, on an embedded MariaDB with the service's own beans: compile (as an upload validates and
 *     keeps it), store the version, approve it (a second officer), activate it (event and audit entry in one
 *     transaction) and swap it in ({@code RuleSetsInForce.refresh});</li>
 * <li>activate a version compiled nowhere yet (an instance that did not see its upload): store, approve, and an
 *     activation that must compile it before recording the event.</li>
 * </ol>
 * The scheduled poll is turned off (1 hour) so that it does not compile approved versions ahead in the background.
 */
public final class RuleSetActivationBenchmark {
    private static final String UPLOADER = "bench-uploader";
    private static final String APPROVER = "bench-approver";
    /** Compiles after the first (cold) one before measuring: the JIT needs several to settle on Drools' build. */
    private static final int COMPILE_WARMUPS = 5;

    private RuleSetActivationBenchmark() {
    }

    /** Medians in milliseconds; {@code compileCpu} is the process CPU time of a compile (all threads, JIT and GC included). */
    public record Result(int rows, int bytes, double compile, double compileCpu, double uploadThenActivate, double store,
                         double approve, double activate, double activateCompilingIt) {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int rows = Integer.parseInt(options.getOrDefault("--rows", "1000"));
        int runs = Integer.parseInt(options.getOrDefault("--runs", "5"));
        Path folder = Path.of(options.getOrDefault("--folder", "target/bench-activation"));
        run(rows, runs, folder);
    }

    public static Result run(int rows, int runs, Path folder) {
        long generating = System.nanoTime();
        Workbook workbook = LargeGuardrailsWorkbook.withRows(rows);
        System.out.printf(Locale.ROOT, "guardrails workbook of %d rows generated (%,d bytes) in %d ms; %d measured runs%n",
                rows, workbook.bytes().length, (System.nanoTime() - generating) / 1_000_000, runs);

        System.out.printf(Locale.ROOT, "machine: %d processors, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double[] compile = new double[runs];
        double[] compileCpu = new double[runs];
        double cold = 0;
        for (int i = -1 - COMPILE_WARMUPS; i < runs; i++) {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            CompiledRuleSet compiled = RuleSetCompilers.compile(TableKind.GUARDRAILS, 2, workbook);
            if (compiled.ruleCount() != rows) {
                throw new IllegalStateException("the workbook compiled to " + compiled.ruleCount() + " rules, not " + rows);
            }
            if (i == -1 - COMPILE_WARMUPS) {
                cold = millis(start);
            } else if (i >= 0) {
                compile[i] = millis(start);
                compileCpu[i] = (processCpuNanos() - cpu) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "compile (RuleSetCompilers.compile): first in this JVM %,.0f ms; after %d more, median %,.0f ms %s; "
                + "process CPU median %,.0f ms %s%n", cold, COMPILE_WARMUPS, median(compile), list(compile), median(compileCpu), list(compileCpu));

        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "trimtab.embedded-db.folder", folder.toString(),
                "trimtab.embedded-db.fresh", true,
                "trimtab.rule-sets.poll-interval", "1h",
                "trimtab.demo.enabled", false))) {
            Transactions transactions = context.getBean(Transactions.class);
            RuleSetStore store = context.getBean(RuleSetStore.class);
            RuleSetsInForce inForce = context.getBean(RuleSetsInForce.class);
            RuleSetLifecycle lifecycle = context.getBean(RuleSetLifecycle.class);

            double[] total = new double[runs];
            double[] storing = new double[runs];
            double[] approving = new double[runs];
            double[] activating = new double[runs];
            double[] unseen = new double[runs];
            for (int i = -1; i < runs; i++) {
                // the path of an upload on this instance: compiled once when uploaded, kept, activated without compiling
                long start = System.nanoTime();
                int next = transactions.read(c -> store.versions(c, TableKind.GUARDRAILS).get(0).version()) + 1;
                CompiledRuleSet compiled = RuleSetCompilers.compile(TableKind.GUARDRAILS, next, workbook);
                long stored = System.nanoTime();
                int version = transactions.write(c -> store.addVersion(c, TableKind.GUARDRAILS, workbook, compiled.ruleCount(),
                        UPLOADER, "benchmark: " + rows + " rows"));
                if (version != next) {
                    throw new IllegalStateException("stored as version " + version + ", compiled as " + next);
                }
                inForce.prepared(compiled);
                long approved = System.nanoTime();
                lifecycle.approve(TableKind.GUARDRAILS, version, "benchmark", new Actor(APPROVER));
                long activated = System.nanoTime();
                lifecycle.activate(TableKind.GUARDRAILS, version, "benchmark", new Actor(APPROVER));
                long end = System.nanoTime();
                check(inForce, version, rows);
                if (i >= 0) {
                    total[i] = (end - start) / 1e6;
                    storing[i] = (approved - stored) / 1e6;
                    approving[i] = (activated - approved) / 1e6;
                    activating[i] = (end - activated) / 1e6;
                }

                // an instance that never compiled the version: the activation compiles it before recording anything
                long coldStart = System.nanoTime();
                int unseenVersion = transactions.write(c -> store.addVersion(c, TableKind.GUARDRAILS, workbook, rows, UPLOADER,
                        "benchmark: " + rows + " rows, not compiled at upload"));
                lifecycle.approve(TableKind.GUARDRAILS, unseenVersion, "benchmark", new Actor(APPROVER));
                lifecycle.activate(TableKind.GUARDRAILS, unseenVersion, "benchmark", new Actor(APPROVER));
                check(inForce, unseenVersion, rows);
                if (i >= 0) {
                    unseen[i] = millis(coldStart);
                }
            }
            System.out.printf(Locale.ROOT, "upload then activate (compile, store, approve, activate, swap): median %,.0f ms %s%n",
                    median(total), list(total));
            System.out.printf(Locale.ROOT, "  of which store %,.1f ms, approve %,.1f ms, activate and swap %,.1f ms (medians)%n",
                    median(storing), median(approving), median(activating));
            System.out.printf(Locale.ROOT, "activate a version compiled nowhere yet (store, approve, activate compiling it, swap): "
                    + "median %,.0f ms %s%n", median(unseen), list(unseen));
            System.out.printf(Locale.ROOT, "load average at the end %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return new Result(rows, workbook.bytes().length, median(compile), median(compileCpu), median(total), median(storing), median(approving),
                    median(activating), median(unseen));
        } finally {
            EmbeddedMariaDb.stop(folder);
        }
    }

    private static void check(RuleSetsInForce inForce, int version, int rows) {
        CompiledRuleSet guardrails = inForce.current().guardrails();
        if (guardrails.version().version() != version || guardrails.ruleCount() != rows) {
            throw new IllegalStateException("in force: " + guardrails.version() + " with " + guardrails.ruleCount()
                    + " rules, not version " + version + " with " + rows);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: bench-activation [--rows N] [--runs N] [--folder PATH]");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    /** CPU time of the whole process: a compile is not all on the calling thread (JIT, GC, Drools' own pools). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String list(double[] values) {
        StringBuilder text = new StringBuilder("(runs:");
        for (double v : values) {
            text.append(String.format(Locale.ROOT, " %,.0f", v));
        }
        return text.append(')').toString();
    }
}
