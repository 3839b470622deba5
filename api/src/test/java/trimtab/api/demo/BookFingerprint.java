package trimtab.api.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.stream.Collectors;
import trimtab.engine.book.Account;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.IpsBound;
import trimtab.engine.book.LifeEvent;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TaxProfile;

/**
 * A SHA-256 over a canonical text of a book: every field of every household, account, lot, flow, event,
 * restriction, bound and trade, and the securities' prices and the restricted list. Sets are written sorted
 * (the engine keeps them in hash order, which changes from one JVM run to the next), amounts as plain decimals.
 */
final class BookFingerprint {
    private BookFingerprint() {
    }

    static String of(BookSnapshot book) {
        StringBuilder text = new StringBuilder();
        text.append("market|").append(book.asOf()).append('|').append(plain(book.market().vix())).append('\n');
        book.securities().all().stream().sorted((a, b) -> a.symbol().compareTo(b.symbol())).forEach(s -> {
            text.append("security|").append(s.symbol()).append('|').append(plain(s.price())).append('|').append(s.priceDate());
            book.firmRestriction(s.symbol()).map(Restriction::reason).ifPresent(r -> text.append("|restricted:").append(r));
            text.append('\n');
        });
        for (Household h : book.households()) {
            TaxProfile tax = h.taxProfile();
            text.append("household|").append(h.id()).append('|').append(h.name()).append('|').append(h.advisor()).append('|')
                    .append(h.model().orElse(null)).append('|').append(h.lastRebalance().orElse(null)).append('|')
                    .append(plain(tax.shortTermRate())).append('|').append(plain(tax.longTermRate())).append('|')
                    .append(plain(tax.realisedShortTermYtd())).append('|').append(plain(tax.realisedLongTermYtd())).append('|')
                    .append(plain(tax.lossCarryForward())).append('\n');
            for (Account a : h.accounts()) {
                text.append(" account|").append(a.id()).append('|').append(a.type()).append('|').append(a.custodian()).append('|')
                        .append(plain(a.cash())).append('|').append(a.fractionalShares()).append('|').append(a.model().orElse(null))
                        .append("|noBuy=").append(sorted(a.noBuy())).append("|noSell=").append(sorted(a.noSell()))
                        .append("|esg=").append(sorted(a.esgExclusions())).append("|menu=").append(sorted(a.planMenu())).append('\n');
                for (TaxLot l : a.lots()) {
                    text.append("  lot|").append(l.id()).append('|').append(l.symbol()).append('|').append(plain(l.quantity()))
                            .append('|').append(plain(l.costBasis())).append('|').append(l.acquired()).append('\n');
                }
            }
            for (CashFlow f : h.cashFlows()) {
                text.append(" flow|").append(f.account()).append('|').append(f.date()).append('|').append(plain(f.amount()))
                        .append('|').append(f.note()).append('\n');
            }
            for (LifeEvent e : h.lifeEvents()) {
                text.append(" event|").append(e.type()).append('|').append(e.date()).append('|').append(e.note()).append('\n');
            }
            for (Restriction r : h.restrictions()) {
                text.append(" restriction|").append(r.symbol()).append('|').append(r.reason()).append('\n');
            }
            for (IpsBound b : h.ipsBounds()) {
                text.append(" ips|").append(b.assetClass()).append('|').append(plain(b.minPct())).append('|')
                        .append(plain(b.maxPct())).append('\n');
            }
            for (ExecutedTrade t : h.recentTrades()) {
                text.append(" trade|").append(t.account()).append('|').append(t.symbol()).append('|').append(t.side()).append('|')
                        .append(plain(t.quantity())).append('|').append(plain(t.price())).append('|').append(t.tradeDate())
                        .append('|').append(t.realisedGain().map(BookFingerprint::plain).orElse("")).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String sorted(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
    }
}
