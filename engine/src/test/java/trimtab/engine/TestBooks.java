package trimtab.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.LotId;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.SecurityType;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.WashSaleGroup;

/** Small, hand-checkable books for engine tests. */
public final class TestBooks {
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);
    public static final AssetClass EQUITY = AssetClass.of("US_TOTAL_MARKET");
    public static final AssetClass BONDS = AssetClass.of("US_AGG_BOND");

    private TestBooks() {
    }

    public static Security security(String symbol, AssetClass assetClass, String price, String group) {
        return new Security(Symbol.of(symbol), symbol, SecurityType.ETF, assetClass, "issuer", "diversified", Set.of(),
                new WashSaleGroup(group), price == null ? null : new BigDecimal(price), AS_OF);
    }

    /** VTI 335.00, BND 66.00, SGOV 100.45 (cash class), VEA 58.40. */
    public static SecurityMaster securities() {
        return new SecurityMaster(List.of(
                security("VTI", EQUITY, "335.00", "CRSP_US_TOTAL"),
                security("BND", BONDS, "66.00", "BBG_US_AGG_FLOAT_ADJ"),
                security("SGOV", AssetClass.CASH, "100.45", "ICE_TBILL_0_3M"),
                security("VEA", AssetClass.of("INTL_DEVELOPED"), "58.40", "FTSE_DEV_ALLCAP_XUS")));
    }

    public static ModelTarget target(AssetClass assetClass, String pct, String absBand, String relBand) {
        return new ModelTarget(assetClass, new BigDecimal(pct), Optional.ofNullable(absBand).map(BigDecimal::new),
                Optional.ofNullable(relBand).map(BigDecimal::new), Optional.empty(), List.of());
    }

    /** 60 % US total market, 40 % aggregate bonds, both with 5-pt / 25 % bands. */
    public static ModelPortfolio sixtyForty() {
        return new ModelPortfolio(ModelId.of("EQ60_BD40"), "60/40", List.of(
                target(EQUITY, "60", "5", "25"), target(BONDS, "40", "5", "25")));
    }

    public static TaxLot lot(String id, String symbol, String quantity, String costBasis, LocalDate acquired) {
        return new TaxLot(LotId.of(id), Symbol.of(symbol), new BigDecimal(quantity), new BigDecimal(costBasis), acquired);
    }

    public static Account account(String id, AccountType type, String cash, TaxLot... lots) {
        return new Account(AccountId.of(id), type, "SCHWAB", new BigDecimal(cash), false, Set.of(), Set.of(), Set.of(),
                List.of(lots), Optional.empty(), Set.of());
    }
}
