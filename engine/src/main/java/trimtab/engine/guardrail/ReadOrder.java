package trimtab.engine.guardrail;

import java.math.BigDecimal;
import java.time.LocalDate;
import trimtab.engine.book.Account;
import trimtab.engine.book.Household;
import trimtab.engine.book.Security;

/**
 * One order as {@link OrderReader} read it: what it says, checked and resolved against the book, and
 * everything about it that does not depend on the rest of the batch (restrictions, lists, price age).
 * Filled once per screening and never changed afterwards, so that a second pass over a household
 * (after a blocked order left it) measures the same order again without reading it again.
 */
final class ReadOrder {
    /** The order's place in its batch. */
    final int position;
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
    boolean unknownAccount;
    boolean unknownSecurity;
    boolean priceMissing;
    int priceAgeDays;
    LocalDate priceDate;
    boolean firmRestricted;
    String firmRestrictionReason = "";
    boolean clientRestricted;
    String clientRestrictionReason = "";
    boolean onNoBuyList;
    boolean onNoSellList;
    String esgConflictTags = "";
    boolean offPlanMenu;
    BigDecimal vix = BigDecimal.ZERO;

    /**
     * Set when the order is readable, its account and security are known and it has a price: it can be
     * played in the batch. Null otherwise.
     */
    Household household;
    Account account;
    /** The account's state before the batch. */
    HouseholdBase.AccountBase accountBase;
    Security security;
    boolean buy;

    ReadOrder(int position) {
        this.position = position;
    }

    /** Readable, known and priced: the batch plays it. */
    boolean placed() {
        return household != null;
    }
}
