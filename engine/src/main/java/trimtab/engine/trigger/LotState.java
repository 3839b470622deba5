package trimtab.engine.trigger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import trimtab.engine.book.Account;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.Security;
import trimtab.engine.book.TaxLot;

/** Rule fact: one tax lot at today's price, as the tax-loss-harvest rows see it. */
public final class LotState {
    private final HouseholdId household;
    private final Account account;
    private final TaxLot lot;
    private final Security security;
    private final LocalDate asOf;
    private final BigDecimal marketValue;

    public LotState(HouseholdId household, Account account, TaxLot lot, Security security, LocalDate asOf) {
        this.household = household;
        this.account = account;
        this.lot = lot;
        this.security = security;
        this.asOf = asOf;
        this.marketValue = lot.quantity().multiply(security.requirePrice("lot " + lot.id() + " of account " + account.id()))
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    public String getHouseholdId() {
        return household.value();
    }

    public String getAccountId() {
        return account.id().value();
    }

    public String getAccountType() {
        return account.type().name();
    }

    /** True when a loss realised in this account is deductible (taxable accounts and trusts). */
    public boolean isTaxable() {
        return !account.type().isTaxSheltered();
    }

    public String getLotId() {
        return lot.id().value();
    }

    public String getSymbol() {
        return lot.symbol().value();
    }

    public String getAssetClass() {
        return security.assetClass().code();
    }

    public BigDecimal getQuantity() {
        return lot.quantity();
    }

    public BigDecimal getCostBasis() {
        return lot.costBasis();
    }

    public BigDecimal getMarketValue() {
        return marketValue;
    }

    /** Market value minus cost basis: negative for a loss. */
    public BigDecimal getUnrealisedGain() {
        return marketValue.subtract(lot.costBasis());
    }

    /** The unrealised loss as a positive amount, 0 for a lot at a gain. */
    public BigDecimal getLoss() {
        return getUnrealisedGain().signum() < 0 ? getUnrealisedGain().negate() : BigDecimal.ZERO;
    }

    /** The loss as a percentage of cost basis, 0 for a lot at a gain. */
    public BigDecimal getLossPct() {
        if (lot.costBasis().signum() == 0) {
            return BigDecimal.ZERO;
        }
        return getLoss().multiply(BigDecimal.valueOf(100)).divide(lot.costBasis(), 6, RoundingMode.HALF_EVEN);
    }

    public LocalDate getAcquired() {
        return lot.acquired();
    }

    public int getHoldingDays() {
        return (int) ChronoUnit.DAYS.between(lot.acquired(), asOf);
    }

    /** Long-term once sold after the anniversary of the acquisition date (held more than one year). */
    public boolean isLongTerm() {
        return asOf.isAfter(lot.acquired().plusYears(1));
    }

    public String getTerm() {
        return isLongTerm() ? "long-term" : "short-term";
    }

    @Override
    public String toString() {
        return "LotState[" + getAccountId() + " " + getLotId() + " " + getSymbol() + "]";
    }
}
