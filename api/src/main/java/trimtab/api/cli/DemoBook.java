package trimtab.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.bookfile.BookYaml;
import trimtab.engine.bookfile.ReferenceData;
import trimtab.rules.ShippedRules;

/** The demo book shipped with the command line ({@code api/src/main/resources/demo/book.yaml}), and copies of it. */
final class DemoBook {
    static final String RESOURCE = "/demo/book.yaml";

    private DemoBook() {
    }

    static String yaml() {
        try (InputStream in = DemoBook.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BookSnapshot read() {
        return BookYaml.read(yaml(), "demo/book.yaml", ShippedRules.referenceData());
    }

    /** {@code copies} copies of every demo household, each with its own household and account ids. */
    static BookSnapshot replicated(int copies) {
        ReferenceData reference = ShippedRules.referenceData();
        BookSnapshot demo = read();
        List<Household> households = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            String suffix = "-" + copy;
            for (Household h : demo.households()) {
                List<Account> accounts = h.accounts().stream().map(a -> new Account(AccountId.of(a.id() + suffix), a.type(),
                        a.custodian(), a.cash(), a.fractionalShares(), a.noBuy(), a.noSell(), a.esgExclusions(), a.lots(),
                        a.model(), a.planMenu())).toList();
                List<CashFlow> flows = h.cashFlows().stream().map(f -> new CashFlow(AccountId.of(f.account() + suffix),
                        f.date(), f.amount(), f.note())).toList();
                List<ExecutedTrade> trades = h.recentTrades().stream().map(t -> new ExecutedTrade(AccountId.of(t.account() + suffix),
                        t.symbol(), t.side(), t.quantity(), t.price(), t.tradeDate(), t.realisedGain())).toList();
                households.add(new Household(HouseholdId.of(h.id() + suffix), h.name(), h.advisor(), h.taxProfile(), h.model(),
                        h.lastRebalance(), accounts, flows, h.lifeEvents(), h.restrictions(), h.ipsBounds(), trades));
            }
        }
        return new BookSnapshot(demo.market(), demo.securities(), reference.models(), households, List.of());
    }
}
