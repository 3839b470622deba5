package trimtab.api.screening;

import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.Security;
import trimtab.engine.book.Symbol;

import java.util.Locale;
import java.util.Map;

/**
 * Reads, for each order of one request, what the snapshot said about it ({@link SeenFacts}). Household
 * fingerprints come with the snapshot, one for each of its households ({@link KeptBook} works each out once per
 * household kept).
 */
final class SnapshotFacts {
    private final BookSnapshot book;
    private final int batchSize;
    private final String batchHash;
    private final Map<HouseholdId, String> fingerprints;

    SnapshotFacts(BookSnapshot book, Map<HouseholdId, String> fingerprints, int batchSize, String batchHash) {
        this.book = book;
        this.fingerprints = fingerprints;
        this.batchSize = batchSize;
        this.batchHash = batchHash;
    }

    SeenFacts of(OrderInput order) {
        String accountId = blank(order.accountId()) ? null : order.accountId().strip();
        String symbol = blank(order.symbol()) ? null : order.symbol().strip().toUpperCase(Locale.ROOT);
        Household household = accountId == null ? null : book.householdOf(AccountId.of(accountId)).orElse(null);
        Account account = household == null ? null : book.account(AccountId.of(accountId)).orElse(null);
        Security security = symbol == null ? null : book.securities().find(Symbol.of(symbol)).orElse(null);
        return new SeenFacts(book.asOf().toString(), HouseholdState.plain(book.market().vix()),
                household == null ? null : household.id().value(),
                household == null ? null : fingerprints.get(household.id()),
                account == null ? null : account.type().name(),
                account == null ? null : HouseholdState.plain(account.cash()),
                account == null || security == null ? null : HouseholdState.plain(account.quantityOf(security.symbol())),
                security == null ? null : HouseholdState.plain(security.price()),
                security == null || security.priceDate() == null ? null : security.priceDate().toString(),
                security != null && book.firmRestriction(security.symbol()).isPresent(), batchSize, batchHash);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
