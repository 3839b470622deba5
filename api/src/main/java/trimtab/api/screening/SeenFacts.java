package trimtab.api.screening;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What the snapshot said about an order when it was judged, kept with the decision and hashed into its audit
 * entry: the date and VIX, the household and account it fell in (null when the account is not in the book), the
 * account's cash and holding of the security before the batch, the security's price and its date, whether the
 * firm restricts it, and the batch it came in (its size and the hash of the whole request, since the post-trade
 * numbers depend on the other orders of the batch).
 *
 * @param householdState SHA-256 of the household's state the guardrails read (accounts, cash, lots, lists,
 *                       restrictions, IPS bounds, recent trades), see {@link HouseholdState}
 */
@Serdeable
public record SeenFacts(String asOf, String vix, String householdId, String householdState, String accountType,
                        String accountCash, String heldQuantity, String securityPrice, String securityPriceDate,
                        boolean firmRestricted, int batchSize, String batchHash) {
}
