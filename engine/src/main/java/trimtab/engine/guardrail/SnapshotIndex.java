package trimtab.engine.guardrail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Security;
import trimtab.engine.book.Symbol;

/**
 * What screening works out once per book snapshot rather than once per order: the account an order
 * names (with its household), the security it names (with its price age and firm restriction), and each
 * household's pre-batch state. A snapshot never changes, so neither do these.
 *
 * <p>Thread-safe. It holds no reference to the snapshot itself, so that a screener can keep it in a weak
 * map keyed by the snapshot. Only hits are kept: an order system that sends unknown ids must not grow it.
 */
final class SnapshotIndex {
    /** An account of the book with its household, and its pre-batch state once an order of it was placed. */
    static final class AccountEntry {
        private final Household household;
        private final Account account;
        private volatile HouseholdBase.AccountBase base;

        AccountEntry(Household household, Account account) {
            this.household = household;
            this.account = account;
        }

        Household household() {
            return household;
        }

        Account account() {
            return account;
        }
    }

    /**
     * A security of the master, with what every order of it needs.
     *
     * @param priceAgeDays    business days from its price date to the snapshot's date (0 without a date)
     * @param firmRestriction its entry on the firm's restricted list, or null
     */
    record SecurityEntry(Security security, int priceAgeDays, Restriction firmRestriction) {
    }

    private final Map<String, AccountEntry> accounts = new ConcurrentHashMap<>();
    private final Map<String, SecurityEntry> securities = new ConcurrentHashMap<>();
    private final Map<HouseholdId, HouseholdBase> bases = new ConcurrentHashMap<>();

    /** @param id an account id as sent, trimmed and not empty; null when the book has no such account */
    AccountEntry account(BookSnapshot book, String id) {
        AccountEntry entry = accounts.get(id);
        if (entry == null) {
            AccountId accountId = new AccountId(id);
            Household household = book.householdOf(accountId).orElse(null);
            if (household == null) {
                return null;
            }
            entry = new AccountEntry(household, book.account(accountId).orElseThrow());
            accounts.putIfAbsent(id, entry);
        }
        return entry;
    }

    /** @param symbol a symbol as sent, trimmed, upper case and not empty; null when the master has no such security */
    SecurityEntry security(BookSnapshot book, String symbol) {
        SecurityEntry entry = securities.get(symbol);
        if (entry == null) {
            Symbol key = Symbol.of(symbol);
            Security security = book.securities().find(key).orElse(null);
            if (security == null) {
                return null;
            }
            int priceAge = security.priceDate() == null ? 0 : PostTradeBatch.businessDaysBetween(security.priceDate(), book.asOf());
            entry = new SecurityEntry(security, priceAge, book.firmRestriction(key).orElse(null));
            securities.putIfAbsent(symbol, entry);
        }
        return entry;
    }

    /**
     * The account's state before any batch (its household's worked out on first use), kept with the
     * account so that playing an order needs no lookup by household or account id.
     */
    HouseholdBase.AccountBase accountBase(BookSnapshot book, AccountEntry entry) {
        HouseholdBase.AccountBase base = entry.base;
        if (base == null) {
            base = base(book, entry.household).account(entry.account.id());
            entry.base = base;
        }
        return base;
    }

    /** The household's state before any batch, worked out on first use. */
    HouseholdBase base(BookSnapshot book, Household household) {
        HouseholdBase base = bases.get(household.id());
        return base != null ? base
                : bases.computeIfAbsent(household.id(), id -> new HouseholdBase(household, book.securities(), book.asOf()));
    }
}
