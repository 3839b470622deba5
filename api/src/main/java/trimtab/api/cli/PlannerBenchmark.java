package trimtab.api.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.LotId;
import trimtab.engine.book.MarketSnapshot;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TaxProfile;
import trimtab.engine.bookfile.ReferenceData;
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
 * household model (copied 400 times) and for 1,000 synthetic households of the specified shape (3 accounts,
 * 20 positions, 3 lots each), planning alone and planning with guardrail screening; tax policies are
 * resolved once beforehand. Median of 7 rounds after 3 warm-up passes.
 */
public final class PlannerBenchmark {
    private static final int ROUNDS = 7;

    private PlannerBenchmark() {
    }

    public static void main(String[] args) {
        run("demo households x 400", DemoBook.replicated(400));
        run("synthetic households (3 accounts, 20 positions, 3 lots each)", synthetic(1000));
    }

    private static void run(String title, BookSnapshot book) {
        System.out.println("== " + title);
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

    /**
     * Seeded households of the shape the planner is specified for: a taxable account, a traditional IRA and a
     * Roth IRA on the GROWTH_80_20 model, 20 positions among them from the model's classes and three large
     * stocks, 3 lots each with costs from 60 % to 130 % of today's price and dates over 10 years, 0–5 % cash.
     */
    private static BookSnapshot synthetic(int count) {
        Random random = new Random(7);
        ReferenceData reference = ShippedRules.referenceData();
        SecurityMaster securities = new SecurityMaster(reference.securities());
        List<String> pool = List.of("VTI", "ITOT", "SCHB", "VB", "IJR", "SCHA", "IWM", "VEA", "IEFA", "SCHF", "VWO", "IEMG", "SCHE",
                "BND", "AGG", "SCHZ", "SGOV", "AAPL", "MSFT", "JNJ");
        AccountType[] types = {AccountType.TAXABLE,
                AccountType.TRADITIONAL_IRA, AccountType.ROTH_IRA};
        List<Household> households = new ArrayList<>();
        LocalDate asOf = LocalDate.of(2026, 11, 24);
        for (int h = 0; h < count; h++) {
            List<String> symbols = new ArrayList<>(pool);
            Collections.shuffle(symbols, random);
            List<Account> accounts = new ArrayList<>();
            for (int a = 0; a < 3; a++) {
                List<TaxLot> lots = new ArrayList<>();
                BigDecimalHolder value = new BigDecimalHolder();
                for (String symbol : symbols.subList(a == 0 ? 0 : a == 1 ? 7 : 14, a == 0 ? 7 : a == 1 ? 14 : 20)) {
                    BigDecimal price = securities.find(Symbol.of(symbol)).orElseThrow().price();
                    for (int l = 0; l < 3; l++) {
                        int quantity = 10 + random.nextInt(190);
                        BigDecimal cost = price.multiply(BigDecimal.valueOf(60 + random.nextInt(71)))
                                .multiply(BigDecimal.valueOf(quantity)).divide(BigDecimal.valueOf(100), 2,
                                        RoundingMode.HALF_EVEN);
                        lots.add(new TaxLot(LotId.of("H" + h + "A" + a + symbol + l),
                                Symbol.of(symbol), BigDecimal.valueOf(quantity), cost,
                                asOf.minusDays(1 + random.nextInt(3650))));
                        value.add(price.multiply(BigDecimal.valueOf(quantity)));
                    }
                }
                BigDecimal cash = value.total.multiply(BigDecimal.valueOf(random.nextInt(6)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
                accounts.add(new Account(AccountId.of("H" + h + "-A" + a), types[a], "SCHWAB",
                        cash, false, Set.of(), Set.of(), Set.of(), lots, Optional.empty(),
                        Set.of()));
            }
            households.add(new Household(HouseholdId.of("H" + h), "H" + h, AdvisorId.of("ADV"),
                    new TaxProfile(new BigDecimal("0.35"), new BigDecimal("0.15"), null, null, null),
                    Optional.of(ModelId.of("GROWTH_80_20")), Optional.of(asOf.minusDays(120)),
                    accounts, List.of(), List.of(), List.of(), List.of(), List.of()));
        }
        return new BookSnapshot(new MarketSnapshot(asOf, new BigDecimal("16")), securities,
                reference.models(), households, List.of());
    }

    private static final class BigDecimalHolder {
        private BigDecimal total = BigDecimal.ZERO;

        void add(BigDecimal value) {
            total = total.add(value);
        }
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
