package trimtab.engine.drift;

import java.util.Objects;
import java.util.Optional;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.HouseholdId;

/** What a drift measurement covers: a household's sleeve, or a single account with its own model. */
public record PortfolioScope(HouseholdId household, Optional<AccountId> account) {

    public PortfolioScope {
        Objects.requireNonNull(household, "household");
        account = account == null ? Optional.empty() : account;
    }

    public static PortfolioScope ofHousehold(HouseholdId household) {
        return new PortfolioScope(household, Optional.empty());
    }

    public static PortfolioScope ofAccount(HouseholdId household, AccountId account) {
        return new PortfolioScope(household, Optional.of(account));
    }

    public boolean isHousehold() {
        return account.isEmpty();
    }

    /** "household H-1001" or "account ACC-7" — the words an advisor reads. */
    @Override
    public String toString() {
        return account.map(a -> "account " + a).orElse("household " + household);
    }
}
