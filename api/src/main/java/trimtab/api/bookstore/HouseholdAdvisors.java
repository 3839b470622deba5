package trimtab.api.bookstore;

import jakarta.inject.Singleton;
import trimtab.api.database.Transactions;
import trimtab.api.security.HouseholdScope;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Who looks after a household now: what decides whether an advisor may see something about it. */
@Singleton
public final class HouseholdAdvisors {
    private final Transactions transactions;

    HouseholdAdvisors(Transactions transactions) {
        this.transactions = transactions;
    }

    public Optional<String> advisorOf(String householdId) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT advisor_id FROM household WHERE household_id = ?")) {
                statement.setString(1, householdId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Whether the scope sees this household (false for a household that does not exist). */
    public boolean visible(HouseholdScope scope, String householdId) {
        if (householdId == null) {
            return scope.isFirm();
        }
        return advisorOf(householdId).map(scope::covers).orElse(scope.isFirm());
    }

    /** The households the scope sees among those given. */
    public Set<String> visibleAmong(HouseholdScope scope, Set<String> householdIds) {
        if (scope.isFirm()) {
            return householdIds;
        }
        Set<String> own = householdsOf(scope);
        own.retainAll(householdIds);
        return own;
    }

    /** Every household of an advisor's (or no) scope; not for the whole firm, which callers check first. */
    public Set<String> householdsOf(HouseholdScope scope) {
        if (scope.isFirm()) {
            throw new IllegalArgumentException("the whole firm's households are not listed this way");
        }
        return transactions.read(connection -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT household_id FROM household WHERE advisor_id = ?")) {
                statement.setString(1, scope.sqlAdvisor());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }
}
