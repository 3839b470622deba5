package trimtab.api.bookstore;

import jakarta.inject.Singleton;
import trimtab.api.database.Transactions;
import trimtab.api.security.HouseholdScope;
import trimtab.api.web.ApiException;
import trimtab.api.web.Problem;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The households a request names in {@code $.households}: each must exist and be named once, and leaving the
 * list out means every household of the book. Runs and shadow runs both take their households this way.
 */
@Singleton
public final class RequestedHouseholds {
    private final Transactions transactions;

    RequestedHouseholds(Transactions transactions) {
        this.transactions = transactions;
    }

    /** For the whole firm. */
    public List<String> resolve(List<String> requested, String verb) {
        return resolve(requested, verb, HouseholdScope.FIRM);
    }

    /**
     * @param requested the ids sent, or null for all the scope sees
     * @param verb      what the request does with them, for the message ("run", "compare")
     * @param scope     the households the caller may see: one outside it is answered exactly like one that does not exist
     * @throws ApiException 422 naming every offending {@code $.households[i]}
     */
    public List<String> resolve(List<String> requested, String verb, HouseholdScope scope) {
        if (requested == null) {
            return transactions.read(connection -> {
                List<String> all = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT household_id FROM household WHERE " + HouseholdScope.filter("household_id") + " ORDER BY household_id")) {
                    scope.bind(statement, 1);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            all.add(rs.getString(1));
                        }
                    }
                }
                return all;
            });
        }
        if (requested.isEmpty()) {
            throw ApiException.invalid("$.households", "name at least one household, or leave households out to " + verb + " them all");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String id = requested.get(i);
            if (id == null || id.isBlank()) {
                errors.add(new Problem.FieldError("$.households[" + i + "]", "a household id must not be empty"));
            } else if (!seen.add(id)) {
                errors.add(new Problem.FieldError("$.households[" + i + "]", "household " + id + " is named twice"));
            }
        }
        if (errors.isEmpty()) {
            Set<String> known = transactions.read(connection -> {
                Set<String> found = new HashSet<>();
                String marks = String.join(",", Collections.nCopies(requested.size(), "?"));
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT household_id FROM household WHERE household_id IN (" + marks + ") AND "
                                + HouseholdScope.filter("household_id"))) {
                    for (int i = 0; i < requested.size(); i++) {
                        statement.setString(i + 1, requested.get(i));
                    }
                    scope.bind(statement, requested.size() + 1);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
                return found;
            });
            for (int i = 0; i < requested.size(); i++) {
                if (!known.contains(requested.get(i))) {
                    errors.add(new Problem.FieldError("$.households[" + i + "]", "household " + requested.get(i) + " does not exist"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.get(0).message(), errors);
        }
        return List.copyOf(requested);
    }
}
