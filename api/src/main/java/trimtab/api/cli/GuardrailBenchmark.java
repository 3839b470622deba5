package trimtab.api.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import trimtab.engine.book.Account;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.guardrail.GuardrailScreener;
import trimtab.engine.guardrail.GuardrailVocabulary;
import trimtab.engine.guardrail.OrderCheck;
import trimtab.engine.guardrail.OrderRequest;
import trimtab.engine.guardrail.ScreeningResult;
import trimtab.engine.guardrail.Verdict;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.RuleSetCompiler;
import trimtab.engine.rules.TableKind;
import trimtab.rules.ShippedRules;

/**
 * {@code ./trimtab bench-guardrails}: in-process screening throughput (orders/s) for batches of 1 and 100
 * orders on 1 and 2 threads, against the demo book; and, in the same run, a bare Drools execution of the
 * same compiled guardrails over the same number of facts (no batch simulation, no explanations), with
 * the ratio. The book is 40 copies of the demo book (200 households), so a batch's orders spread over many
 * households, as the order system's do. After a first warm-up of 3 seconds for each flow, batch size and side, each
 * figure is the median of 5 rounds of 2 seconds after a 3-second warm-up;
 * the screen's and bare Drools' rounds alternate, and each ratio is the median of the 5 rounds' ratios.
 *
 * <p>Beside the wall-clock rate, each round measures the CPU time the worker threads consumed
 * ({@link ThreadMXBean#getCurrentThreadCpuTime}, read by each worker at its start and end) and reports orders per
 * CPU-second: what the code costs, however busy the machine is with other work. It also reports orders per
 * second of the whole process's CPU time during the round, which adds the garbage collector's and the JIT's
 * threads (and the benchmark's idle main thread): the screener allocates more than bare Drools, and its
 * collections run outside the workers.
 */
public final class GuardrailBenchmark {
    private static final int ROUNDS = 5;
    private static final long ROUND_MILLIS = 2_000;
    private static final long WARMUP_MILLIS = 3_000;

    private GuardrailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // order-system flow: each batch's orders spread over the accounts of 200 households
        BookSnapshot book = DemoBook.replicated(40);
        CompiledRuleSet guardrails = new RuleSetCompiler(GuardrailVocabulary.get())
                .compile(TableKind.GUARDRAILS, 1, ShippedRules.workbook(TableKind.GUARDRAILS));
        GuardrailScreener screener = new GuardrailScreener(guardrails);
        Map<Boolean, List<List<List<OrderRequest>>>> flows = new java.util.LinkedHashMap<>();
        for (boolean clean : List.of(false, true)) {
            flows.put(clean, List.of(batches(book, 1, 500, clean), batches(book, 100, 50, clean)));
        }
        // one warm-up of every flow, batch size and side before the first measurement: on a busy machine the
        // JIT is still compiling long after a single 3-second warm-up, which would fall on the first figures only
        for (List<List<List<OrderRequest>>> flow : flows.values()) {
            for (List<List<OrderRequest>> batches : flow) {
                run(1, batches, b -> screener.screen(b, book).verdicts().size(), WARMUP_MILLIS);
                run(1, batches, b -> {
                    guardrails.fireBare(facts(b));
                    return b.size();
                }, WARMUP_MILLIS);
            }
        }
        for (boolean clean : List.of(false, true)) {
            List<List<OrderRequest>> singles = flows.get(clean).get(0);
            List<List<OrderRequest>> hundreds = flows.get(clean).get(1);
            ScreeningResult sample = screener.screen(hundreds.get(0), book);
            long violations = sample.verdicts().stream().mapToLong(v -> v.violations().size()).sum();
            long blocked = sample.verdicts().stream().filter(v -> v.verdict() == Verdict.BLOCK).count();
            System.out.printf(Locale.ROOT, "%s flow: %d rules, %d households; a sample 100-order batch has %d violations, %d orders blocked%n",
                    clean ? "clean" : "mixed", guardrails.ruleCount(), book.households().size(), violations, blocked);
            for (int threads = 1; threads <= 2; threads++) {
                for (List<List<OrderRequest>> batches : List.of(singles, hundreds)) {
                    int size = batches.get(0).size();
                    Comparison c = compare(threads, batches, b -> screener.screen(b, book).verdicts().size(), b -> {
                        guardrails.fireBare(facts(b));
                        return b.size();
                    });
                    System.out.printf(Locale.ROOT, "  %d thread(s), batches of %3d: screen %,9.0f orders/s; bare Drools %,10.0f orders/s;"
                            + " ratio %.2fx%n", threads, size, c.screen.wall, c.bare.wall, c.ratio.wall);
                    System.out.printf(Locale.ROOT, "  %-29s screen %,9.0f orders/CPU-s; bare Drools %,10.0f orders/CPU-s; ratio %.2fx"
                            + " (process CPU: %,.0f vs %,.0f, %.2fx)%n", "", c.screen.cpu, c.bare.cpu, c.ratio.cpu,
                            c.screen.process, c.bare.process, c.ratio.process);
                }
            }
        }
    }

    /** The bare run fires over the screener's own facts for each batch, built once up front. */
    private static final Map<List<OrderRequest>, List<OrderCheck>> FACTS = new IdentityHashMap<>();

    private static List<OrderCheck> facts(List<OrderRequest> batch) {
        return FACTS.get(batch);
    }

    /**
     * Medians over the rounds, each taken on its own: orders per wall-clock second, per CPU-second of the
     * worker threads, per CPU-second of the whole process.
     */
    private record Rates(double wall, double cpu, double process) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * Both sides' medians, and the median of each round's ratio (bare Drools over screen, for each measure).
     */
    private record Comparison(Rates screen, Rates bare, Rates ratio) {
    }

    /**
     * Warms both sides up, then runs their rounds alternately (screen, bare, screen, bare, ...), so that a
     * change in the machine's load falls on both sides rather than on one, and each round's ratio compares
     * two measurements taken seconds apart.
     */
    private static Comparison compare(int threads, List<List<OrderRequest>> batches, Function<List<OrderRequest>, Integer> screen,
                                      Function<List<OrderRequest>, Integer> bare) throws Exception {
        run(threads, batches, screen, WARMUP_MILLIS);
        run(threads, batches, bare, WARMUP_MILLIS);
        Rates[] screened = new Rates[ROUNDS];
        Rates[] fired = new Rates[ROUNDS];
        Rates[] ratios = new Rates[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            screened[i] = run(threads, batches, screen, ROUND_MILLIS);
            fired[i] = run(threads, batches, bare, ROUND_MILLIS);
            ratios[i] = new Rates(fired[i].wall / screened[i].wall, fired[i].cpu / screened[i].cpu,
                    fired[i].process / screened[i].process);
        }
        return new Comparison(median(screened), median(fired), median(ratios));
    }

    private static Rates median(Rates[] rounds) {
        return new Rates(median(Arrays.stream(rounds).mapToDouble(Rates::wall).toArray()),
                median(Arrays.stream(rounds).mapToDouble(Rates::cpu).toArray()),
                median(Arrays.stream(rounds).mapToDouble(Rates::process).toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** What one worker did in a round: orders screened and the CPU time its thread used doing it. */
    private record Work(long orders, long cpuNanos) {
    }

    private static Rates run(int threads, List<List<OrderRequest>> batches, Function<List<OrderRequest>, Integer> work,
                             long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Work>> counts = new ArrayList<>();
        long processStart = OS.getProcessCpuTime();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            counts.add(pool.submit(() -> {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long orders = 0;
                for (int i = offset; !stop.get(); i++) {
                    orders += work.apply(batches.get(i % batches.size()));
                }
                return new Work(orders, THREADS.getCurrentThreadCpuTime() - cpuStart);
            }));
        }
        Thread.sleep(millis);
        stop.set(true);
        long total = 0;
        long cpuNanos = 0;
        for (Future<Work> count : counts) {
            Work done = count.get();
            total += done.orders;
            cpuNanos += done.cpuNanos;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double processSeconds = (OS.getProcessCpuTime() - processStart) / 1e9;
        pool.shutdown();
        return new Rates(total / seconds, total / (cpuNanos / 1e9), total / processSeconds);
    }

    /** Realistic batches: sales of held lots and buys of model funds and a few stocks, across the demo accounts. */
    /**
     * Seeded batches. Mixed flow: sales of up to a quarter of a held lot, buys of 1-20 shares of model funds and
     * three stocks in any account, so many orders break a rule. Clean flow: sales of at least 100.00, buys of
     * funds of at most a tenth of the account's cash: what an order system that knows its accounts sends.
     */
    private static List<List<OrderRequest>> batches(BookSnapshot book, int size, int count, boolean clean) {
        Random random = new Random(42);
        List<Account> accounts = book.households().stream().flatMap(h -> h.accounts().stream()).toList();
        List<Account> withCash = accounts.stream().filter(a -> a.cash().compareTo(new BigDecimal("5000")) >= 0).toList();
        List<String> funds = List.of("VTI", "ITOT", "VEA", "IEFA", "VWO", "BND", "AGG", "VGSH", "SGOV");
        List<String> buyable = clean ? funds : List.of("VTI", "ITOT", "VEA", "IEFA", "VWO", "BND", "AGG", "VGSH", "SGOV",
                "AAPL", "MSFT", "JNJ");
        List<List<OrderRequest>> batches = new ArrayList<>();
        int id = 0;
        for (int b = 0; b < count; b++) {
            List<OrderRequest> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                boolean sell = random.nextBoolean();
                Account account = (clean && !sell ? withCash : accounts).get(random.nextInt((clean && !sell ? withCash : accounts).size()));
                String orderId = "O-" + (++id);
                if (!account.lots().isEmpty() && sell) {
                    TaxLot lot = account.lots().get(random.nextInt(account.lots().size()));
                    BigDecimal price = book.securities().find(lot.symbol()).orElseThrow().price();
                    int least = clean ? new BigDecimal("100").divide(price, 0, RoundingMode.UP).intValue() : 1;
                    int most = Math.max(least, lot.quantity().intValue() / 4);
                    int quantity = least + random.nextInt(Math.max(1, most - least + 1));
                    batch.add(OrderRequest.sell(orderId, account.id().value(), lot.symbol().value(), String.valueOf(quantity)));
                } else {
                    String symbol = buyable.get(random.nextInt(buyable.size()));
                    int quantity = 1 + random.nextInt(20);
                    if (clean) {
                        BigDecimal price = book.securities().find(Symbol.of(symbol)).orElseThrow().price();
                        int least = new BigDecimal("100").divide(price, 0, RoundingMode.UP).intValue();
                        int most = account.cash().divide(BigDecimal.TEN.multiply(price), 0, RoundingMode.DOWN).intValue();
                        quantity = least + random.nextInt(Math.max(1, most - least + 1));
                    }
                    batch.add(OrderRequest.buy(orderId, account.id().value(), symbol, String.valueOf(quantity)));
                }
            }
            batches.add(batch);
            FACTS.put(batch, GuardrailScreener.checks(batch, book));
        }
        return batches;
    }
}
