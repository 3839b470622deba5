package trimtab.api.bookstore;

import java.util.List;

/** Which households a snapshot holds: all of them, the ones named, or the ones owning the accounts named. */
public sealed interface HouseholdSelection {
    record All() implements HouseholdSelection {
    }

    record Households(List<String> householdIds) implements HouseholdSelection {
        public Households {
            householdIds = List.copyOf(householdIds);
        }
    }

    record OwningAccounts(List<String> accountIds) implements HouseholdSelection {
        public OwningAccounts {
            accountIds = List.copyOf(accountIds);
        }
    }

    static HouseholdSelection all() {
        return new All();
    }

    static HouseholdSelection households(List<String> ids) {
        return new Households(ids);
    }

    static HouseholdSelection owningAccounts(List<String> accountIds) {
        return new OwningAccounts(accountIds);
    }
}
