package trimtab.api.run;

import trimtab.api.audit.Hashes;
import trimtab.engine.book.Account;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Security;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit trail's input hash of a household's decisions: SHA-256 of a canonical text of everything the cycle read
 * for it — the household and its accounts, lots, cash flows, life events, restrictions, IPS bounds and recent trades,
 * its models, the securities it holds or may buy with their prices, the firm's restricted list, the VIX and the date.
 * Sets are sorted and numbers written without trailing zeros, so the same book hashes the same whether it was read
 * from YAML or from MariaDB, on any JVM.
 */
final class HouseholdInputs {
    private HouseholdInputs() {
    }

    static String hash(Household household, BookSnapshot book) {
        return Hashes.sha256(canonical(household, book));
    }

    static String canonical(Household household, BookSnapshot book) {
        StringBuilder text = new StringBuilder();
        line(text, "asOf", book.asOf(), "vix", n(book.market().vix()));
        var tax = household.taxProfile();
        line(text, "household", household.id(), household.advisor(), household.model().map(ModelId::value).orElse(""),
                household.lastRebalance().map(Object::toString).orElse(""), n(tax.shortTermRate()), n(tax.longTermRate()),
                n(tax.realisedShortTermYtd()), n(tax.realisedLongTermYtd()), n(tax.lossCarryForward()));
        Set<Symbol> symbols = new TreeSet<>();
        Set<ModelId> models = new TreeSet<>(Comparator.comparing(ModelId::value));
        household.model().ifPresent(models::add);
        for (Account account : household.accounts().stream().sorted(Comparator.comparing(a -> a.id().value())).toList()) {
            account.model().ifPresent(models::add);
            line(text, "account", account.id(), account.type(), account.custodian(), n(account.cash()), account.fractionalShares(),
                    account.model().map(ModelId::value).orElse(""), sorted(account.noBuy()), sorted(account.noSell()),
                    sorted(account.esgExclusions()), sorted(account.planMenu()));
            for (TaxLot lot : account.lots().stream().sorted(Comparator.comparing(l -> l.id().value())).toList()) {
                symbols.add(lot.symbol());
                line(text, "lot", lot.id(), lot.symbol(), n(lot.quantity()), n(lot.costBasis()), lot.acquired());
            }
        }
        household.cashFlows().stream().map(f -> join("flow", f.account(), f.date(), n(f.amount()), f.note())).sorted()
                .forEach(l -> text.append(l).append('\n'));
        household.lifeEvents().stream().map(e -> join("event", e.type(), e.date(), e.note())).sorted().forEach(l -> text.append(l).append('\n'));
        household.restrictions().stream().map(r -> join("restriction", r.symbol(), r.reason())).sorted().forEach(l -> text.append(l).append('\n'));
        household.ipsBounds().stream().map(b -> join("ips", b.assetClass().code(), n(b.minPct()), n(b.maxPct()))).sorted()
                .forEach(l -> text.append(l).append('\n'));
        household.recentTrades().stream().map(t -> join("trade", t.tradeDate(), t.account(), t.symbol(), t.side(), n(t.quantity()),
                n(t.price()), t.realisedGain().map(HouseholdInputs::n).orElse(""))).sorted().forEach(l -> text.append(l).append('\n'));
        household.recentTrades().forEach(t -> symbols.add(t.symbol()));
        for (ModelId id : models) {
            ModelPortfolio model = book.model(id);
            for (ModelTarget target : model.targets().stream().sorted(Comparator.comparing(t -> t.assetClass().code())).toList()) {
                target.primary().ifPresent(symbols::add);
                symbols.addAll(target.alternates());
                line(text, "target", id.value(), target.assetClass().code(), n(target.targetPct()), target.absoluteBandPts().map(HouseholdInputs::n).orElse(""),
                        target.relativeBandPct().map(HouseholdInputs::n).orElse(""), target.primary().map(Symbol::value).orElse(""),
                        target.alternates().stream().map(Symbol::value).collect(Collectors.joining(" ")));
            }
        }
        for (Symbol symbol : symbols) {
            book.securities().find(symbol).ifPresent((Security s) -> line(text, "security", s.symbol(), s.type(), s.assetClass().code(),
                    s.issuer(), s.washSaleGroup().value(), n(s.price()), s.priceDate() == null ? "" : s.priceDate(), sorted(s.esgTags())));
        }
        book.firmRestrictions().stream().map(r -> join("firm-restriction", r.symbol(), r.reason())).sorted()
                .forEach(l -> text.append(l).append('\n'));
        return text.toString();
    }

    private static void line(StringBuilder text, Object... fields) {
        text.append(join(fields)).append('\n');
    }

    private static String join(Object... fields) {
        return Stream.of(fields).map(f -> Objects.toString(f, "")).collect(Collectors.joining("|"));
    }

    private static String sorted(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(" "));
    }

    private static String n(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** For a household the run was asked for that the book no longer has. */
    static String missing(String householdId, java.time.LocalDate asOf) {
        return Hashes.sha256("missing|" + householdId + "|" + asOf);
    }
}
