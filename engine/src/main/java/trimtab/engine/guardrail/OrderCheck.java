package trimtab.engine.guardrail;

import java.math.BigDecimal;

/**
 * Rule fact: one order with everything a guardrail row may test, computed on the post-trade state of
 * its whole batch. Its getters are the guardrails workbook's vocabulary. Filled by {@link PostTradeBatch}
 * before it is inserted, never changed afterwards. Fields that do not apply (a concentration for an order
 * whose account is unknown) hold neutral values (false, 0, ""), so that only the rows about the actual
 * problem fire.
 */
public final class OrderCheck {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The order's place in its batch. */
    int position;
    String orderId = "";
    String accountId = "";
    String householdId = "";
    String symbol = "";
    String side = "";
    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal price = BigDecimal.ZERO;
    BigDecimal notional = BigDecimal.ZERO;
    boolean automated;
    String accountType = "";
    String securityType = "";
    String assetClass = "";
    String issuer = "";
    String inputProblem = "";
    boolean valued;
    boolean unknownAccount;
    boolean unknownSecurity;
    boolean priceMissing;
    int priceAgeDays;
    java.time.LocalDate priceDate;
    boolean firmRestricted;
    String firmRestrictionReason = "";
    boolean clientRestricted;
    String clientRestrictionReason = "";
    boolean onNoBuyList;
    boolean onNoSellList;
    String esgConflictTags = "";
    boolean offPlanMenu;
    BigDecimal securityPctOfAccount = BigDecimal.ZERO;
    BigDecimal issuerPctOfAccount = BigDecimal.ZERO;
    BigDecimal securityPctOfHousehold = BigDecimal.ZERO;
    BigDecimal issuerPctOfHousehold = BigDecimal.ZERO;
    BigDecimal classPctOfHousehold = BigDecimal.ZERO;
    BigDecimal ipsMin = BigDecimal.ZERO;
    BigDecimal ipsMax = HUNDRED;
    BigDecimal ipsExcessPts = BigDecimal.ZERO;
    BigDecimal heldQuantity = BigDecimal.ZERO;
    BigDecimal shortBy = BigDecimal.ZERO;
    BigDecimal cashAvailable = BigDecimal.ZERO;
    BigDecimal overdraftBy = BigDecimal.ZERO;
    BigDecimal estimatedLoss = BigDecimal.ZERO;
    String washSaleDetail = "";
    boolean washSalePermanent;
    BigDecimal vix = BigDecimal.ZERO;

    public String getOrderId() {
        return orderId;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getHouseholdId() {
        return householdId;
    }

    public String getSymbol() {
        return symbol;
    }

    /** BUY or SELL ("" when the order's side was not understood). */
    public String getSide() {
        return side;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    /** The limit price, or the security's last price. */
    public BigDecimal getPrice() {
        return price;
    }

    /** Quantity times price, to the cent. */
    public BigDecimal getNotional() {
        return notional;
    }

    public boolean isAutomated() {
        return automated;
    }

    public String getAccountType() {
        return accountType;
    }

    public String getSecurityType() {
        return securityType;
    }

    public String getAssetClass() {
        return assetClass;
    }

    public String getIssuer() {
        return issuer;
    }

    /** What is wrong with the order as sent ("quantity -5 is not positive"), or "". */
    public String getInputProblem() {
        return inputProblem;
    }

    public boolean isInvalidInput() {
        return !inputProblem.isEmpty();
    }

    /**
     * True when the order is readable, its account and security are known and it has a price: it was
     * played in the batch and its notional, concentration and cash figures mean something.
     */
    public boolean isValued() {
        return valued;
    }

    public boolean isUnknownAccount() {
        return unknownAccount;
    }

    public boolean isUnknownSecurity() {
        return unknownSecurity;
    }

    /** No limit price was given and the security has no price. */
    public boolean isPriceMissing() {
        return priceMissing;
    }

    /** Business days (Monday to Friday) from the security's price date to the screening date. */
    public int getPriceAgeDays() {
        return priceAgeDays;
    }

    /** The date of the security's last price ("none" when it has none). */
    public String getPriceDate() {
        return priceDate == null ? "none" : priceDate.toString();
    }

    public boolean isFirmRestricted() {
        return firmRestricted;
    }

    public String getFirmRestrictionReason() {
        return firmRestrictionReason;
    }

    public boolean isClientRestricted() {
        return clientRestricted;
    }

    public String getClientRestrictionReason() {
        return clientRestrictionReason;
    }

    public boolean isOnNoBuyList() {
        return onNoBuyList;
    }

    public boolean isOnNoSellList() {
        return onNoSellList;
    }

    /** True when the security carries a tag the account excludes. */
    public boolean isEsgConflict() {
        return !esgConflictTags.isEmpty();
    }

    /** The excluded tags the security carries, e.g. "tobacco". */
    public String getEsgConflictTags() {
        return esgConflictTags;
    }

    /** A buy in an ERISA plan account of a fund that is not on the plan's menu. */
    public boolean isOffPlanMenu() {
        return offPlanMenu;
    }

    /** The security's weight in the account after the batch, in percent. */
    public BigDecimal getSecurityPctOfAccount() {
        return securityPctOfAccount;
    }

    /** The weight of all the issuer's securities in the account after the batch, in percent. */
    public BigDecimal getIssuerPctOfAccount() {
        return issuerPctOfAccount;
    }

    public BigDecimal getSecurityPctOfHousehold() {
        return securityPctOfHousehold;
    }

    public BigDecimal getIssuerPctOfHousehold() {
        return issuerPctOfHousehold;
    }

    /** The weight of the order's asset class in the household after the batch, in percent. */
    public BigDecimal getClassPctOfHousehold() {
        return classPctOfHousehold;
    }

    public BigDecimal getIpsMin() {
        return ipsMin;
    }

    public BigDecimal getIpsMax() {
        return ipsMax;
    }

    /**
     * How far, in points, the order leaves its asset class outside the household's IPS range after the
     * batch, when the order moves it the wrong way (a buy above the maximum, a sale below the minimum); 0 otherwise.
     */
    public BigDecimal getIpsExcessPts() {
        return ipsExcessPts;
    }

    /** Shares held in the account before this order (after the batch's earlier sales of the same security). */
    public BigDecimal getHeldQuantity() {
        return heldQuantity;
    }

    /** Shares sold beyond those held (a short sale); 0 when covered. */
    public BigDecimal getShortBy() {
        return shortBy;
    }

    /** Cash available to this buy: account cash plus the batch's sale proceeds, less the batch's earlier buys. */
    public BigDecimal getCashAvailable() {
        return cashAvailable;
    }

    /** How much this buy exceeds the cash available to it; 0 when covered. */
    public BigDecimal getOverdraftBy() {
        return overdraftBy;
    }

    /** For a sale in a taxable account, the loss it would realise (highest-cost lots first); 0 otherwise. */
    public BigDecimal getEstimatedLoss() {
        return estimatedLoss;
    }

    public boolean isWashSale() {
        return !washSaleDetail.isEmpty();
    }

    /** Which purchase or loss sale makes this order a wash sale, in words. */
    public String getWashSaleDetail() {
        return washSaleDetail;
    }

    /** The wash sale's replacement is in an IRA or Roth IRA: the loss would be lost for good. */
    public boolean isWashSalePermanent() {
        return washSalePermanent;
    }

    public BigDecimal getVix() {
        return vix;
    }

    @Override
    public String toString() {
        return "OrderCheck[" + orderId + " " + side + " " + quantity.toPlainString() + " " + symbol + " in " + accountId + "]";
    }
}
