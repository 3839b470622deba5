package trimtab.engine.taxpolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trimtab.engine.book.Account;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.drift.PortfolioValuer;
import trimtab.engine.lots.LotMethod;
import trimtab.engine.rules.CompiledRuleSet;
import trimtab.engine.rules.FiredRule;
import trimtab.engine.rules.RuleRef;
import trimtab.engine.rules.RuleVocabulary;
import trimtab.engine.rules.ThresholdRange;
import trimtab.engine.rules.TableKind;

/**
 * Resolves each account's {@link TaxPolicy} from the tax-policy workbook. Rows matching an account are
 * layered in workbook order (sheet, then row): each setting comes from the first matching row that fills
 * it. An account for which no row fills a setting is an error naming the account and the setting: the
 * workbook should end with a default row that matches every account.
 */
public final class TaxPolicyResolver {
    private final CompiledRuleSet policy;

    public TaxPolicyResolver(CompiledRuleSet policy) {
        if (policy.version().kind() != TableKind.TAX_POLICY) {
            throw new IllegalArgumentException("a " + policy.version().kind() + " rule set cannot decide tax policy");
        }
        this.policy = policy;
    }

    public static RuleVocabulary vocabulary() {
        return new RuleVocabulary(Set.of(PolicySubject.class), Set.of(LotMethod.class, WashSaleScope.class, RebalanceMode.class))
                .withValues(PolicySubject.class, "accountType", trimtab.engine.book.AccountType.class)
                .withRange(PolicySubject.class, "householdValue", ThresholdRange.DOLLARS)
                .withRange(PolicySubject.class, "shortTermRatePct", ThresholdRange.PERCENT)
                .withRange(PolicySubject.class, "longTermRatePct", ThresholdRange.PERCENT)
                .withRange(PolicyLimit.class, "gainBudget", ThresholdRange.DOLLARS)
                .withRange(PolicyLimit.class, "shortTermGainCap", ThresholdRange.DOLLARS)
                .withRange(PolicyLimit.class, "harvestLossPct", ThresholdRange.PERCENT)
                .withRange(PolicyLimit.class, "harvestLossAmount", ThresholdRange.DOLLARS);
    }

    /** The policy of every account of a household. */
    public List<TaxPolicy> resolve(Household household, BookSnapshot book) {
        PortfolioValuer valuer = new PortfolioValuer(book.securities());
        BigDecimal householdValue = valuer.valueByAssetClass(household.accounts()).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<TaxPolicy> policies = new ArrayList<>();
        for (Account account : household.accounts()) {
            policies.add(resolve(new PolicySubject(household, account, householdValue), account));
        }
        return policies;
    }

    private TaxPolicy resolve(PolicySubject subject, Account account) {
        List<RuleRef> order = policy.rules();
        List<FiredRule> fired = new ArrayList<>(policy.evaluate(List.of(subject)));
        fired.sort(Comparator.comparingInt(f -> order.indexOf(f.explanation().rule())));
        LotMethod lotMethod = null;
        WashSaleScope scope = null;
        RebalanceMode mode = null;
        Map<PolicyLimit.Kind, BigDecimal> limits = new EnumMap<>(PolicyLimit.Kind.class);
        Set<RuleRef> decidedBy = new LinkedHashSet<>();
        for (FiredRule rule : fired) {
            for (Object outcome : rule.outcomes()) {
                boolean used = false;
                if (outcome instanceof LotMethod m && lotMethod == null) {
                    lotMethod = m;
                    used = true;
                } else if (outcome instanceof WashSaleScope s && scope == null) {
                    scope = s;
                    used = true;
                } else if (outcome instanceof RebalanceMode r && mode == null) {
                    mode = r;
                    used = true;
                } else if (outcome instanceof PolicyLimit limit && !limits.containsKey(limit.kind())) {
                    limits.put(limit.kind(), limit.value());
                    used = true;
                }
                if (used) {
                    decidedBy.add(rule.explanation().rule());
                }
            }
        }
        String where = "account " + account.id() + " (" + account.type() + ")";
        return new TaxPolicy(account.id(), required(lotMethod, "lot method", where),
                required(limits.get(PolicyLimit.Kind.GAIN_BUDGET), "gain budget", where),
                required(limits.get(PolicyLimit.Kind.SHORT_TERM_GAIN_CAP), "short-term gain cap", where),
                required(limits.get(PolicyLimit.Kind.HARVEST_LOSS_PCT), "harvest loss %", where),
                required(limits.get(PolicyLimit.Kind.HARVEST_LOSS_AMOUNT), "harvest loss $", where),
                required(scope, "wash-sale scope", where), required(mode, "rebalance mode", where), List.copyOf(decidedBy));
    }

    private <T> T required(T value, String setting, String where) {
        if (value == null) {
            throw new InvalidBookException("no row of " + policy.workbookName() + " sets the " + setting + " for " + where
                    + "; end the workbook with a default row that matches every account");
        }
        return value;
    }
}
