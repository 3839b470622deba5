package trimtab.api.book;

import trimtab.api.bookstore.TextList;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a write must agree with in the stored book, read on the writing transaction's connection: the security
 * master's symbols and wash-sale groups, the model ids, and who owns the accounts and lots a request names.
 * Ids are compared as the database compares them, without case ({@link #key}).
 */
public final class StoredBook {
    /** Keeps IN lists well under the protocol's placeholder limit. */
    private static final int CHUNK = 1000;

    private StoredBook() {
    }

    /** The key ids are compared by: the database's collation ignores case, so "acc-1" and "ACC-1" are one account. */
    public static String key(String id) {
        return id.strip().toLowerCase(Locale.ROOT);
    }

    /** Symbol (upper case, as stored) to its wash-sale group. */
    public static Map<String, String> washSaleGroups(Connection connection) throws SQLException {
        Map<String, String> groups = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT symbol, wash_sale_group FROM security");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                groups.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getString(2));
            }
        }
        return groups;
    }

    /** Model ids by {@link #key}. */
    public static Set<String> modelIds(Connection connection) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT model_id FROM model_portfolio");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(key(rs.getString(1)));
            }
        }
        return ids;
    }

    /** A model's target that names securities: its primary and its substitutes. */
    public record StoredTarget(String modelId, String assetClass, String primary, List<String> alternates) {
    }

    public static List<StoredTarget> modelTargets(Connection connection) throws SQLException {
        List<StoredTarget> targets = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT model_id, asset_class, primary_symbol, alternates FROM model_target ORDER BY model_id, asset_class");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                targets.add(new StoredTarget(rs.getString(1), rs.getString(2), rs.getString(3), TextList.split(rs.getString(4))));
            }
        }
        return targets;
    }

    /** Household ids by {@link #key}, of those named that exist. */
    public static Map<String, String> existingHouseholds(Connection connection, Collection<String> householdIds) throws SQLException {
        Map<String, String> found = new HashMap<>();
        query(connection, "SELECT household_id FROM household WHERE household_id IN (%s)", householdIds,
                rs -> found.put(key(rs.getString(1)), rs.getString(1)));
        return found;
    }

    /** An account as stored: whose it is and its registration. */
    public record StoredAccount(String accountId, String householdId, String type) {
    }

    /** The stored accounts among those named, by {@link #key} of the account id. */
    public static Map<String, StoredAccount> accounts(Connection connection, Collection<String> accountIds) throws SQLException {
        Map<String, StoredAccount> found = new HashMap<>();
        query(connection, "SELECT account_id, household_id, account_type FROM account WHERE account_id IN (%s)", accountIds,
                rs -> found.put(key(rs.getString(1)), new StoredAccount(rs.getString(1), rs.getString(2), rs.getString(3))));
        return found;
    }

    /** A lot as stored: the account and household holding it. */
    public record StoredLot(String lotId, String accountId, String householdId) {
    }

    /** The stored lots among those named, by {@link #key} of the lot id. */
    public static Map<String, StoredLot> lots(Connection connection, Collection<String> lotIds) throws SQLException {
        Map<String, StoredLot> found = new HashMap<>();
        query(connection, """
                SELECT l.lot_id, l.account_id, a.household_id FROM tax_lot l JOIN account a ON a.account_id = l.account_id
                WHERE l.lot_id IN (%s)""", lotIds,
                rs -> found.put(key(rs.getString(1)), new StoredLot(rs.getString(1), rs.getString(2), rs.getString(3))));
        return found;
    }

    /**
     * Locks the households' rows until the transaction ends, so that two read-modify-writes of one household
     * cannot interleave and lose each other's change; returns the ids that exist, by {@link #key}.
     */
    public static Map<String, String> lockHouseholds(Connection connection, Collection<String> householdIds) throws SQLException {
        Map<String, String> found = new HashMap<>();
        List<String> sorted = householdIds.stream().distinct().sorted().toList(); // one lock order, fewer deadlocks
        query(connection, "SELECT household_id FROM household WHERE household_id IN (%s) ORDER BY household_id FOR UPDATE", sorted,
                rs -> found.put(key(rs.getString(1)), rs.getString(1)));
        return found;
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sqlWithIn, Collection<String> values, RowHandler handler) throws SQLException {
        List<String> distinct = values.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            try (PreparedStatement statement = connection.prepareStatement(
                    sqlWithIn.formatted(String.join(",", Collections.nCopies(chunk.size(), "?"))))) {
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        handler.handle(rs);
                    }
                }
            }
        }
    }
}
