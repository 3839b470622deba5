package trimtab.api.screening;

import trimtab.api.audit.Hashes;
import trimtab.engine.book.Account;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.IpsBound;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.TaxLot;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * A fingerprint of the part of a household the guardrails read, for a decision's input hash: two decisions with
 * the same fingerprint saw the same accounts, cash, lots, trading lists, restrictions, IPS bounds and recent
 * trades. Written as sorted text (sets have no stable order across JVMs) with plain decimals without trailing
 * zeros (a book read from YAML and from MariaDB then hash alike), then hashed.
 */
final class HouseholdState {
    private HouseholdState() {
    }

    static String fingerprint(Household household) {
        StringBuilder text = new StringBuilder(512);
        text.append("household ").append(household.id()).append(' ').append(household.model().map(Object::toString).orElse("-"))
                .append('\n');
        household.accounts().stream().sorted(Comparator.comparing(Account::id)).forEach(account -> {
            text.append("account ").append(account.id()).append(' ').append(account.type()).append(' ')
                    .append(plain(account.cash())).append(' ').append(account.fractionalShares())
                    .append(" model=").append(account.model().map(Object::toString).orElse("-"))
                    .append(" noBuy=").append(sorted(account.noBuy())).append(" noSell=").append(sorted(account.noSell()))
                    .append(" esg=").append(sorted(account.esgExclusions())).append(" plan=").append(sorted(account.planMenu()))
                    .append('\n');
            account.lots().stream().sorted(Comparator.comparing(TaxLot::id)).forEach(lot -> text.append("lot ").append(lot.id())
                    .append(' ').append(lot.symbol()).append(' ').append(plain(lot.quantity())).append(' ')
                    .append(plain(lot.costBasis())).append(' ').append(lot.acquired()).append('\n'));
        });
        household.restrictions().stream().sorted(Comparator.comparing(Restriction::symbol)).forEach(r -> text
                .append("restriction ").append(r.symbol()).append(' ').append(r.reason()).append('\n'));
        household.ipsBounds().stream().sorted(Comparator.comparing(IpsBound::assetClass)).forEach(b -> text.append("ips ")
                .append(b.assetClass().code()).append(' ').append(plain(b.minPct())).append(' ').append(plain(b.maxPct())).append('\n'));
        for (ExecutedTrade t : household.recentTrades()) {
            text.append("trade ").append(t.account()).append(' ').append(t.symbol()).append(' ').append(t.side()).append(' ')
                    .append(plain(t.quantity())).append(' ').append(plain(t.price())).append(' ').append(t.tradeDate()).append(' ')
                    .append(t.realisedGain().map(HouseholdState::plain).orElse("-")).append('\n');
        }
        return Hashes.sha256(text.toString());
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String sorted(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(",", "[", "]"));
    }
}
