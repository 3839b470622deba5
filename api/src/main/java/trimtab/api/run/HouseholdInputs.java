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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** The same, with the lines shared by the households of one book (models, securities, firm list) written once. */
    static String hash(Household household, BookSnapshot book, SharedLines shared) {
        return Hashes.sha256(canonical(household, book, shared));
    }

    static String canonical(Household household, BookSnapshot book) {
        return canonical(household, book, new SharedLines(book));
    }

    /**
     * The lines of a book that many households' texts repeat, each made once: a slice of a run hashes a hundred
     * households that hold the same securities and follow the same few models.
     */
    static final class SharedLines {
        private final BookSnapshot book;
        private final Map<ModelId, List<String>> targetLines = new HashMap<>();
        private final Map<ModelId, Set<Symbol>> targetSymbols = new HashMap<>();
        private final Map<Symbol, String> securityLines = new HashMap<>();
        private String firmLines;

        SharedLines(BookSnapshot book) {
            this.book = book;
        }

        private void model(ModelId id) {
            if (targetLines.containsKey(id)) {
                return;
            }
            ModelPortfolio model = book.model(id);
            List<String> lines = new ArrayList<>();
            Set<Symbol> symbols = new HashSet<>();
            for (ModelTarget target : model.targets().stream().sorted(Comparator.comparing(t -> t.assetClass().code())).toList()) {
                target.primary().ifPresent(symbols::add);
                symbols.addAll(target.alternates());
                lines.add(join("target", id.value(), target.assetClass().code(), n(target.targetPct()),
                        target.absoluteBandPts().map(HouseholdInputs::n).orElse(""),
                        target.relativeBandPct().map(HouseholdInputs::n).orElse(""), target.primary().map(Symbol::value).orElse(""),
                        target.alternates().stream().map(Symbol::value).collect(Collectors.joining(" "))));
            }
            targetLines.put(id, lines);
            targetSymbols.put(id, symbols);
        }

        /** The security's line, or null when the master does not have it. */
        private String security(Symbol symbol) {
            return securityLines.computeIfAbsent(symbol, sym -> book.securities().find(sym).map((Security s) -> join("security",
                    s.symbol(), s.type(), s.assetClass().code(), s.issuer(), s.washSaleGroup().value(), n(s.price()),
                    s.priceDate() == null ? "" : s.priceDate(), sorted(s.esgTags()))).orElse(null));
        }

        private String firm() {
            if (firmLines == null) {
                StringBuilder text = new StringBuilder();
                book.firmRestrictions().stream().map(r -> join("firm-restriction", r.symbol(), r.reason())).sorted()
                        .forEach(l -> text.append(l).append('\n'));
                firmLines = text.toString();
            }
            return firmLines;
        }
    }

    static String canonical(Household household, BookSnapshot book, SharedLines shared) {
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
            shared.model(id);
            shared.targetLines.get(id).forEach(l -> text.append(l).append('\n'));
            symbols.addAll(shared.targetSymbols.get(id));
        }
        for (Symbol symbol : symbols) {
            String line = shared.security(symbol);
            if (line != null) {
                text.append(line).append('\n');
            }
        }
        text.append(shared.firm());
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
