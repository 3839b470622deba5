package trimtab.api.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import trimtab.api.audit.ChainVerification;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.database.EmbeddedMariaDb;
import trimtab.api.database.Transactions;
import trimtab.api.demo.SyntheticFirm;
import trimtab.api.security.SigningSecret;
import trimtab.engine.book.BookSnapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * {@code ./trimtab bench-screening [--households 2000] [--seconds 10] [--warmup 5] [--connections 50]
 * [--batch-connections 8] [--rate 1000] [--folder target/bench-screening] [--jit-warmup 40] [--repeat 1]
 * [--batch-sweep N,N,...]}: the order system's pre-trade check over
 * HTTP on loopback, with every decision persisted as the service persists it.
 *
 * <p>Starts the service (its own beans, an embedded MariaDB in a fresh folder), loads a synthetic firm of
 * {@code households} households with {@link BookWriter}, then measures in the same run, each phase warmed up first:
 * <ol>
 * <li>{@code GET /health} in a closed loop on 50 connections: the ceiling, what the HTTP stack and the client do
 *     for a request that does nothing;</li>
 * <li>single-order {@code POST /api/v1/orders/screen} in a closed loop, by default on as many connections as the
 *     ceiling's, so that the ratio of the two compares like with like: requests/s, p50 and p99;</li>
 * <li>100-order batches (ten accounts each) in a closed loop: orders/s, p50 and p99;</li>
 * <li>single orders in an open loop at {@code rate} requests/s: p50 and p99 from when each was due.</li>
 * </ol>
 * After each phase the benchmark waits for mariadbd to finish the purge it left ({@link DatabaseSettling}), so that no phase
 * measures the previous one's leftovers, and reads the phase's CPU per request after that wait, purge included.
 * Every screening request carries its own Idempotency-Key, as an order system's would. At the end the database must
 * hold one request row per answered request and one decision row per order, and the audit chain must verify.
 *
 * <p>The load client runs in the service's JVM (one platform thread per connection, raw HTTP/1.1 on keep-alive
 * sockets, see {@link LoopbackConnection}), so it shares the two cores with the service and mariadbd as wrk would.
 * Requests carry a bearer token: the benchmark logs in as the demo order system {@code oms} (the service runs in
 * demo mode, which creates the demo users, with a book of no households before the synthetic firm is loaded), and
 * as the compliance officer {@code carol} to verify the chain; {@code /health} is sent without one.
 */
public final class ScreeningHttpBenchmark {
    /** The demo users the service creates in demo mode: the order system, and a compliance officer to verify the chain. */
    static final RequestHeaders ORDER_SYSTEM = RequestHeaders.login("oms", "oms-demo-pass");
    static final RequestHeaders COMPLIANCE = RequestHeaders.login("carol", "carol-demo-pass");
    private static final long SEED = 8;
    private static final int HEALTH_CONNECTIONS = 50;
    private static final int BATCH_SIZE = 100;
    private static final int ACCOUNTS_PER_BATCH = 10;

    private ScreeningHttpBenchmark() {
    }

    /** Benchmark settings. */
    public record Options(int households, Duration warmUp, Duration measure, int connections, int batchConnections, int rate,
                          Path folder, boolean verifyChain, int repeat, Duration jitWarmUp, List<Integer> batchSweep) {
        static Options parse(String[] args) {
            Map<String, String> options = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: bench-screening [--households N] [--seconds S] [--warmup S] "
                            + "[--connections N] [--batch-connections N] [--rate R] [--folder PATH] [--verify-chain true|false] [--repeat N] "
                            + "[--jit-warmup S] [--batch-sweep N,N,...]");
                }
                options.put(args[i], args[++i]);
            }
            return new Options(Integer.parseInt(options.getOrDefault("--households", "2000")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("--warmup", "5"))),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("--seconds", "10"))),
                    Integer.parseInt(options.getOrDefault("--connections", Integer.toString(HEALTH_CONNECTIONS))),
                    Integer.parseInt(options.getOrDefault("--batch-connections", "8")),
                    Integer.parseInt(options.getOrDefault("--rate", "1000")),
                    Path.of(options.getOrDefault("--folder", "target/bench-screening")),
                    Boolean.parseBoolean(options.getOrDefault("--verify-chain", "true")),
                    Integer.parseInt(options.getOrDefault("--repeat", "1")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("--jit-warmup", "40"))),
                    java.util.Arrays.stream(options.getOrDefault("--batch-sweep", "").split(",")).map(String::strip)
                            .filter(n -> !n.isEmpty()).map(Integer::parseInt).toList());
        }
    }

    /**
     * The four phases measured one after the other, and then the batch phase again at each concurrency of
     * {@code --batch-sweep} (none by default).
     */
    public record Round(LoopbackLoad.Stats health, LoopbackLoad.Stats single, LoopbackLoad.Stats batch, LoopbackLoad.Stats open,
                        List<LoopbackLoad.Stats> sweep) {
        double singleToCeiling() {
            return single.requestsPerSecond() / health.requestsPerSecond();
        }

        /** Every batch phase of the round. */
        java.util.stream.Stream<LoopbackLoad.Stats> batches() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(batch), sweep.stream());
        }
    }

    /** The JIT warm-up's phases: answered and persisted like any, not measured. */
    public record WarmUp(LoopbackLoad.Stats health, LoopbackLoad.Stats single, LoopbackLoad.Stats batch) {
    }

    /** What one run measured, round by round, and what the database held afterwards. */

    public record Result(WarmUp warmUp, List<Round> rounds, long requestsAnswered, long ordersAnswered, long requestRows, long decisionRows,
                         long auditEntries, ChainVerification chain) {
    }

    public static void main(String[] args) {
        Result result = run(Options.parse(args), ORDER_SYSTEM, COMPLIANCE);
        boolean correct = result.requestRows() == result.requestsAnswered() && result.decisionRows() == result.ordersAnswered()
                && (result.chain() == null || result.chain().intact());
        System.exit(correct ? 0 : 1);
    }

    /**
     * @param headers  who sends the orders (a user with the ORDER_SYSTEM role)
     * @param auditor  who verifies the audit chain afterwards (a COMPLIANCE_OFFICER)
     */
    public static Result run(Options options, RequestHeaders headers, RequestHeaders auditor) {
        System.out.printf(Locale.ROOT, "machine: %d processors, load average %.2f, max heap %,d MiB%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() >> 20);
        // demo mode for its users (a book of no households: the synthetic firm is loaded below)
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "micronaut.server.port", -1,
                "trimtab.embedded-db.folder", options.folder().toString(),
                "trimtab.embedded-db.fresh", true,
                "trimtab.demo.enabled", true,
                "trimtab.demo.households", 0,
                SigningSecret.PROPERTY, SigningSecret.random()))) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            int port = server.getPort();
            Transactions transactions = context.getBean(Transactions.class);
            LocalDate asOf = LocalDate.now();

            long loading = System.nanoTime();
            BookSnapshot book = SyntheticFirm.generate(SEED, options.households(), asOf);
            transactions.write(connection -> {
                context.getBean(BookWriter.class).snapshot(connection, book);
                return null;
            });
            BenchmarkOrders orders = new BenchmarkOrders(book, SEED);
            System.out.printf(Locale.ROOT, "book: %,d households, %,d accounts, %,d securities, as of %s, loaded in %,d ms; "
                            + "service on 127.0.0.1:%d%n", book.households().size(), orders.accountCount(),
                    book.securities().all().size(), asOf, (System.nanoTime() - loading) / 1_000_000, port);

            String authorization = headers.lines(port);
            String target = "/api/v1/orders/screen?asOf=" + asOf;
            List<byte[]> singles = orders.singles(8192);
            List<byte[]> batches = orders.batches(512, BATCH_SIZE, ACCOUNTS_PER_BATCH);

            WarmUp warmUp = jitWarmUp(port, options, target, authorization, singles, batches);
            DatabaseSettling.awaitIdle();
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= options.repeat(); r++) {
                if (options.repeat() > 1) {
                    System.out.printf(Locale.ROOT, "round %d of %d (load average %.2f)%n", r, options.repeat(), loadAverage());
                }
                rounds.add(round(r, port, transactions, options, target, authorization, singles, batches));
            }
            long sentSingles = rounds.stream().mapToLong(x -> x.single().sent() + x.open().sent()).sum() + warmUp.single().sent();
            long sentBatches = rounds.stream().flatMap(Round::batches).mapToLong(LoopbackLoad.Stats::sent).sum() + warmUp.batch().sent();
            long failedBatches = rounds.stream().flatMap(Round::batches).mapToLong(LoopbackLoad.Stats::errors).sum()
                    + warmUp.batch().errors();
            long failed = rounds.stream().mapToLong(x -> x.single().errors() + x.open().errors()).sum() + warmUp.single().errors()
                    + failedBatches;
            long requestsAnswered = sentSingles + sentBatches - failed;
            long ordersAnswered = sentSingles - (failed - failedBatches) + (sentBatches - failedBatches) * BATCH_SIZE;
            long requestRows = count(transactions, headers.actor(), "SELECT COUNT(*) FROM screening_request WHERE client_id = ?");
            long decisionRows = count(transactions, headers.actor(), "SELECT COUNT(*) FROM order_decision d JOIN screening_request r "
                    + "ON r.request_id = d.request_id WHERE r.client_id = ?");
            long auditEntries = count(transactions, headers.actor(), "SELECT COUNT(*) FROM audit_entry WHERE actor = ?");
            ChainVerification chain = null;
            if (options.verifyChain()) {
                long verifying = System.nanoTime();
                chain = verifyOverHttp(context.getBean(JsonMapper.class), port, auditor.lines(port));
                System.out.printf(Locale.ROOT, "audit chain: %s, %,d entries checked in %,d ms%n", chain.intact() ? "intact" : "BROKEN: "
                        + chain.problem(), chain.entriesChecked(), (System.nanoTime() - verifying) / 1_000_000);
            }
            Result result = new Result(warmUp, rounds, requestsAnswered, ordersAnswered, requestRows, decisionRows, auditEntries, chain);
            System.out.printf(Locale.ROOT, "persisted: %,d request rows for %,d requests answered, %,d decision rows for %,d orders, "
                    + "%,d audit entries%n", requestRows, requestsAnswered, decisionRows, ordersAnswered, auditEntries);
            System.out.printf(Locale.ROOT, "median of %d round(s): health %,.0f req/s; single orders %,.0f req/s = %.1f %% of the ceiling "
                            + "(target >= 40 %%), p50 %.1f ms, p99 %.1f ms; 100-order batches %,.0f orders/s (target >= 20,000), "
                            + "p50 %.1f ms, p99 %.1f ms; at %d req/s p50 %.1f ms, p99 %.1f ms (target < 25 ms)%s; load average at the end %.2f%n",
                    rounds.size(), median(rounds, x -> x.health().requestsPerSecond()), median(rounds, x -> x.single().requestsPerSecond()),
                    100 * median(rounds, Round::singleToCeiling), median(rounds, x -> x.single().percentileMillis(50)),
                    median(rounds, x -> x.single().percentileMillis(99)), median(rounds, x -> x.batch().unitsPerSecond()),
                    median(rounds, x -> x.batch().percentileMillis(50)), median(rounds, x -> x.batch().percentileMillis(99)),
                    options.rate(), median(rounds, x -> x.open().percentileMillis(50)), median(rounds, x -> x.open().percentileMillis(99)),
                    rounds.stream().anyMatch(x -> x.open().fellBehind()) ? " (FELL BEHIND in a round)" : "", loadAverage());
            return result;
        } finally {
            EmbeddedMariaDb.stop(options.folder());
        }
    }

    /**
     * Health, single orders and batches, each for {@code jitWarmUp} (40 s by default) and not counted: on two cores
     * the JIT compilers are still busy a minute into the run (with 10 s each, C2 took 61 % of the CPU samples of the
     * batch phase that followed; after 40 s each, 1 %), and the phases measured would pay for compiling the code.
     */
    private static WarmUp jitWarmUp(int port, Options options, String target, String authorization,
                                 List<byte[]> singles, List<byte[]> batches) {
        Duration time = options.jitWarmUp();
        byte[] health = LoopbackConnection.request("GET", "/health", "", null, null);
        WarmUp warmUp = new WarmUp(
                LoopbackLoad.closedLoop(port, new LoopbackLoad.Phase("jit-health", HEALTH_CONNECTIONS, Duration.ZERO, time, 1),
                        n -> health, r -> r.status() == 200),
                LoopbackLoad.closedLoop(port, new LoopbackLoad.Phase("jit-single", options.connections(), Duration.ZERO, time, 1),
                        screen(target, authorization, "0-s", singles), screened(1)),
                LoopbackLoad.closedLoop(port, new LoopbackLoad.Phase("jit-batch", options.batchConnections(), Duration.ZERO, time,
                        BATCH_SIZE), screen(target, authorization, "0-b", batches), screened(BATCH_SIZE)));
        System.out.printf(Locale.ROOT, "JIT warm-up: %d s each of health, single orders and batches (not counted)%n",
                time.toSeconds());
        return warmUp;
    }

    private static Round round(int number, int port, Transactions transactions, Options options, String target,
                               String authorization, List<byte[]> singles, List<byte[]> batches) {
        String prefix = number + "-";
        byte[] health = LoopbackConnection.request("GET", "/health", "", null, null);
        ProcessCpu cpu = ProcessCpu.now();
        LoopbackLoad.Stats ceiling = LoopbackLoad.closedLoop(port,
                new LoopbackLoad.Phase("health", HEALTH_CONNECTIONS, options.warmUp(), options.measure(), 1),
                n -> health, r -> r.status() == 200);
        print(ceiling, "requests");
        DatabaseSettling.awaitIdle();
        cpu = printCpu(cpu, ceiling, "request");

        ServerCounters before = ServerCounters.read(transactions);
        LoopbackLoad.Stats single = LoopbackLoad.closedLoop(port,
                new LoopbackLoad.Phase("single", options.connections(), options.warmUp(), options.measure(), 1),
                screen(target, authorization, prefix + "s", singles), screened(1));
        print(single, "orders");
        ServerCounters.read(transactions).since(before).printPer(single.sent(), "request");
        DatabaseSettling.awaitIdle();
        cpu = printCpu(cpu, single, "request");

        LoopbackLoad.Stats batch = batchPhase(port, transactions, options, options.batchConnections(),
                screen(target, authorization, prefix + "b", batches));
        cpu = printCpu(cpu, batch, "100-order request");

        LoopbackLoad.Stats open = LoopbackLoad.openLoop(port,
                new LoopbackLoad.Phase("open-" + options.rate(), Math.max(64, options.connections()), options.warmUp(),
                        options.measure(), 1),
                options.rate(), screen(target, authorization, prefix + "o", singles), screened(1));
        print(open, "orders");
        DatabaseSettling.awaitIdle();
        cpu = printCpu(cpu, open, "request");

        // the batch phase again at other concurrencies, to see where the closed loop stops adding throughput
        List<LoopbackLoad.Stats> sweep = new ArrayList<>();
        for (int i = 0; i < options.batchSweep().size(); i++) {
            LoopbackLoad.Stats swept = batchPhase(port, transactions, options, options.batchSweep().get(i),
                    screen(target, authorization, prefix + "w" + i + "-", batches));
            cpu = printCpu(cpu, swept, "100-order request");
            sweep.add(swept);
        }
        return new Round(ceiling, single, batch, open, List.copyOf(sweep));
    }

    /** 100-order batches in a closed loop on {@code connections}, printed with the database's counters per request. */
    private static LoopbackLoad.Stats batchPhase(int port, Transactions transactions, Options options, int connections,
                                                 LongFunction<byte[]> requests) {
        ServerCounters start = ServerCounters.read(transactions);
        LoopbackLoad.Stats batch = LoopbackLoad.closedLoop(port,
                new LoopbackLoad.Phase("batch", connections, options.warmUp(), options.measure(), BATCH_SIZE), requests,
                screened(BATCH_SIZE));
        print(batch, "orders");
        ServerCounters.read(transactions).since(start).printPer(batch.sent(), "100-order request");
        DatabaseSettling.awaitIdle();
        return batch;
    }

    private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** Screening requests cycling through prepared bodies, each with an Idempotency-Key of its own. */
    private static LongFunction<byte[]> screen(String target, String authorization, String phase, List<byte[]> bodies) {
        return n -> LoopbackConnection.request("POST", target, authorization + "Idempotency-Key: bench-" + phase + "-" + n + "\r\n",
                "application/json", bodies.get((int) (n % bodies.size())));
    }

    /**
     * A 200 whose body is a screening answer with a verdict for each of the orders sent (counted by their decision
     * ids, a scan of the bytes: parsing every answer would take the service's CPU).
     */
    private static Predicate<LoopbackConnection.Response> screened(int orders) {
        byte[] start = "{\"requestId\":".getBytes(StandardCharsets.US_ASCII);
        byte[] decision = "\"decisionId\":\"".getBytes(StandardCharsets.US_ASCII);
        return response -> {
            byte[] body = response.body();
            if (response.status() != 200 || !Arrays.equals(body, 0, Math.min(body.length, start.length), start, 0, start.length)) {
                return false;
            }
            int verdicts = 0;
            for (int i = 0; i <= body.length - decision.length; i++) {
                if (Arrays.equals(body, i, i + decision.length, decision, 0, decision.length)) {
                    verdicts++;
                    i += decision.length - 1;
                }
            }
            return verdicts == orders;
        };
    }

    private static ChainVerification verifyOverHttp(JsonMapper json, int port, String authorization) {
        try (LoopbackConnection connection = new LoopbackConnection(port)) {
            LoopbackConnection.Response response = connection.exchange(
                    LoopbackConnection.request("GET", "/api/v1/audit/verify", authorization, null, null));
            if (response.status() != 200) {
                throw new IllegalStateException("GET /api/v1/audit/verify answered " + response.status() + ": " + response.text());
            }
            return json.readValue(response.body(), ChainVerification.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(LoopbackLoad.Stats stats, String units) {
        System.out.printf(Locale.ROOT, "%-10s %3d connections: %,9.0f requests/s%s, p50 %6.2f ms, p99 %6.2f ms, p99.9 %6.2f ms "
                        + "(%,d requests in %.0f s, %d errors)%s%n", stats.name(), stats.connections(), stats.requestsPerSecond(),
                stats.units() == stats.requests() ? "" : String.format(Locale.ROOT, " (%,.0f %s/s)", stats.unitsPerSecond(), units),
                stats.percentileMillis(50), stats.percentileMillis(99), stats.percentileMillis(99.9), stats.requests(), stats.seconds(),
                stats.errors(), stats.firstError() == null ? "" : "; first error: " + stats.firstError());
        if (stats.fellBehind()) {
            System.out.printf(Locale.ROOT, "  FELL BEHIND: a request was more than 2 s late, so the service cannot take this rate "
                    + "(the figures above cover only what was sent before)%n");
        }
    }

    /** The CPU used since {@code since}, per request sent in the phase (warm-up included, as the CPU is). */
    private static ProcessCpu printCpu(ProcessCpu since, LoopbackLoad.Stats phase, String what) {
        ProcessCpu now = ProcessCpu.now();
        System.out.println("  " + now.since(since).describe(phase.sent(), what));
        return now;
    }

    private static long count(Transactions transactions, String actor, String sql) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, actor);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
