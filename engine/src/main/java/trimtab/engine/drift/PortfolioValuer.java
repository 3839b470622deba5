package trimtab.engine.drift;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trimtab.engine.book.Account;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;

/** Market value of accounts by asset class: positions at their last price, rounded to the cent, plus cash. */
public final class PortfolioValuer {
    private final SecurityMaster securities;

    public PortfolioValuer(SecurityMaster securities) {
        this.securities = securities;
    }

    public Map<AssetClass, BigDecimal> valueByAssetClass(List<Account> accounts) {
        Map<AssetClass, BigDecimal> values = new LinkedHashMap<>();
        for (Account account : accounts) {
            Map<Symbol, BigDecimal> quantities = new LinkedHashMap<>();
            for (TaxLot lot : account.lots()) {
                quantities.merge(lot.symbol(), lot.quantity(), BigDecimal::add);
            }
            quantities.forEach((symbol, quantity) -> {
                Security security = securities.require(symbol, "account " + account.id());
                values.merge(security.assetClass(), positionValue(security, quantity, account), BigDecimal::add);
            });
            if (account.cash().signum() > 0) {
                values.merge(AssetClass.CASH, account.cash(), BigDecimal::add);
            }
        }
        return values;
    }

    /** Value of a position in one account, to the cent. */
    public static BigDecimal positionValue(Security security, BigDecimal quantity, Account account) {
        BigDecimal price = security.requirePrice(security.symbol() + " in account " + account.id());
        return quantity.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
    }
}
