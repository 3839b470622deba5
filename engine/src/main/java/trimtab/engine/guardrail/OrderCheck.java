package trimtab.engine.guardrail;

import java.math.BigDecimal;

/**
 * Rule fact: one order with everything a guardrail row may test, computed on the post-trade state of
 * its whole batch. Its getters are the guardrails workbook's vocabulary. Filled by {@link PostTradeBatch}
 * before it is inserted, never changed afterwards: the weights and the IPS excess are worked out from the
 * household's play when a row first reads them (most rows never read most orders' weights), and the
 * percentages divided out then ({@link Share}); a race between two threads reading the same fact only
 * repeats that work. Fields that do not apply (a concentration for an order whose account is
 * unknown) hold neutral values (false, 0, ""), so that only the rows about the actual problem fire.
 * What the order itself says is read once per screening ({@link ReadOrder}); each pass over the batch
 * gets a fresh fact for the post-trade figures.
 */
public final class OrderCheck {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the order says and what the book says about it, read once per screening. */
    private final ReadOrder order;
    /** True when the order takes part in the batch's post-trade state (see {@link #isValued}). */
    final boolean valued;
    /** The household's play the order took part in, from which its weights are worked out; null when not played. */
    HouseholdPlay play;
    private Share classShareOfHousehold;
    private Weights weights;
    BigDecimal ipsMin = BigDecimal.ZERO;
    BigDecimal ipsMax = HUNDRED;
    /** True when the household has an IPS bound for the order's asset class. */
    boolean ipsBounded;
    private BigDecimal ipsExcessPts;
    BigDecimal heldQuantity = BigDecimal.ZERO;
    BigDecimal shortBy = BigDecimal.ZERO;
    BigDecimal cashAvailable = BigDecimal.ZERO;
    BigDecimal overdraftBy = BigDecimal.ZERO;
    BigDecimal estimatedLoss = BigDecimal.ZERO;
    String washSaleDetail = "";
    boolean washSalePermanent;

    /** A fresh fact for one pass over the batch: the post-trade fields start neutral. */
    OrderCheck(ReadOrder order) {
        this.order = order;
        this.valued = order.placed();
    }

    ReadOrder order() {
        return order;
    }

    /** The order's security and issuer weights in its account and household after the batch. */
    record Weights(Share securityOfAccount, Share issuerOfAccount, Share securityOfHousehold, Share issuerOfHousehold) {
        static final Weights NONE = new Weights(Share.NONE, Share.NONE, Share.NONE, Share.NONE);
    }

    private Weights weights() {
        Weights w = weights;
        if (w == null) {
            w = play == null ? Weights.NONE : play.weights(this);
            weights = w;
        }
        return w;
    }

    private Share classShare() {
        Share share = classShareOfHousehold;
        if (share == null) {
            share = play == null ? Share.NONE : play.classShare(this);
            classShareOfHousehold = share;
        }
        return share;
    }

    /** The order's place in its batch. */
    int position() {
        return order.position;
    }

    public String getOrderId() {
        return order.orderId;
    }

    public String getAccountId() {
        return order.accountId;
    }

    public String getHouseholdId() {
        return order.householdId;
    }

    public String getSymbol() {
        return order.symbol;
    }

    /** BUY or SELL ("" when the order's side was not understood). */
    public String getSide() {
        return order.side;
    }

    public BigDecimal getQuantity() {
        return order.quantity;
    }

    /** The limit price, or the security's last price. */
    public BigDecimal getPrice() {
        return order.price;
    }

    /** Quantity times price, to the cent. */
    public BigDecimal getNotional() {
        return order.notional;
    }

    public boolean isAutomated() {
        return order.automated;
    }

    public String getAccountType() {
        return order.accountType;
    }

    public String getSecurityType() {
        return order.securityType;
    }

    public String getAssetClass() {
        return order.assetClass;
    }

    public String getIssuer() {
        return order.issuer;
    }

    /** What is wrong with the order as sent ("quantity -5 is not positive"), or "". */
    public String getInputProblem() {
        return order.inputProblem;
    }

    public boolean isInvalidInput() {
        return !order.inputProblem.isEmpty();
    }

    /**
     * True when the order is readable, its account and security are known and it has a price: it was
     * played in the batch and its notional, concentration and cash figures mean something.
     */
    public boolean isValued() {
        return valued;
    }

    public boolean isUnknownAccount() {
        return order.unknownAccount;
    }

    public boolean isUnknownSecurity() {
        return order.unknownSecurity;
    }

    /** No limit price was given and the security has no price. */
    public boolean isPriceMissing() {
        return order.priceMissing;
    }

    /** Business days (Monday to Friday) from the security's price date to the screening date. */
    public int getPriceAgeDays() {
        return order.priceAgeDays;
    }

    /** The date of the security's last price ("none" when it has none). */
    public String getPriceDate() {
        return order.priceDate == null ? "none" : order.priceDate.toString();
    }

    public boolean isFirmRestricted() {
        return order.firmRestricted;
    }

    public String getFirmRestrictionReason() {
        return order.firmRestrictionReason;
    }

    public boolean isClientRestricted() {
        return order.clientRestricted;
    }

    public String getClientRestrictionReason() {
        return order.clientRestrictionReason;
    }

    public boolean isOnNoBuyList() {
        return order.onNoBuyList;
    }

    public boolean isOnNoSellList() {
        return order.onNoSellList;
    }

    /** True when the security carries a tag the account excludes. */
    public boolean isEsgConflict() {
        return !order.esgConflictTags.isEmpty();
    }

    /** The excluded tags the security carries, e.g. "tobacco". */
    public String getEsgConflictTags() {
        return order.esgConflictTags;
    }

    /** A buy in an ERISA plan account of a fund that is not on the plan's menu. */
    public boolean isOffPlanMenu() {
        return order.offPlanMenu;
    }

    /** The security's weight in the account after the batch, in percent. */
    public BigDecimal getSecurityPctOfAccount() {
        return weights().securityOfAccount().percent();
    }

    /** The weight of all the issuer's securities in the account after the batch, in percent. */
    public BigDecimal getIssuerPctOfAccount() {
        return weights().issuerOfAccount().percent();
    }

    public BigDecimal getSecurityPctOfHousehold() {
        return weights().securityOfHousehold().percent();
    }

    public BigDecimal getIssuerPctOfHousehold() {
        return weights().issuerOfHousehold().percent();
    }

    /** The weight of the order's asset class in the household after the batch, in percent. */
    public BigDecimal getClassPctOfHousehold() {
        return classShare().percent();
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
        BigDecimal excess = ipsExcessPts;
        if (excess == null) {
            excess = play == null || !ipsBounded ? BigDecimal.ZERO : play.ipsExcess(this);
            ipsExcessPts = excess;
        }
        return excess;
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
        return order.vix;
    }

    @Override
    public String toString() {
        return "OrderCheck[" + order.orderId + " " + order.side + " " + order.quantity.toPlainString() + " " + order.symbol + " in "
                + order.accountId + "]";
    }
}
