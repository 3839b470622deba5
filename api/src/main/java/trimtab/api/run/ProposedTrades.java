package trimtab.api.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.database.Transactions;
import trimtab.api.security.HouseholdScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proposed trades of runs, each with the latest approval decision on it (approvals are append-only: the
 * latest one counts). The one place their rows are read, for run results, approvals and the order export.
 */
@Singleton
public final class ProposedTrades {
    private static final String SELECT = """
            SELECT t.trade_id, t.run_id, r.dry_run, t.household_id, t.account_id, t.custodian, t.symbol, t.side, t.quantity,
                   t.price, t.notional, t.purpose, t.verdict, t.rule_set_version, t.rule_set_checksum, t.explanation, t.audit_seq,
                   a.trade_approval_id, a.decision, a.reason, a.actor, a.decided_at, a.audit_seq
            FROM proposed_trade t
            JOIN rebalance_run r ON r.run_id = t.run_id
            LEFT JOIN trade_approval a ON a.trade_approval_id =
                 (SELECT MAX(x.trade_approval_id) FROM trade_approval x WHERE x.trade_id = t.trade_id)
            """;

    private final Transactions transactions;
    private final JsonMapper json;

    ProposedTrades(Transactions transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    public Optional<StoredTrade> find(String tradeId) {
        return transactions.read(connection -> find(connection, tradeId));
    }

    /** Reads on the caller's connection (inside its transaction). */
    public Optional<StoredTrade> find(Connection connection, String tradeId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE t.trade_id = ?")) {
            statement.setString(1, tradeId);
            List<StoredTrade> trades = trades(statement);
            return trades.stream().findFirst();
        }
    }

    /**
     * Locks the trade's row until the caller's transaction ends, so that two approvals of one trade are decided one
     * after the other (the second sees the first), on any service instance; then reads it.
     */
    public Optional<StoredTrade> lock(Connection connection, String tradeId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT trade_id FROM proposed_trade WHERE trade_id = ? FOR UPDATE")) {
            statement.setString(1, tradeId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        return find(connection, tradeId);
    }

    /**
     * A run's trades in run order (household by household), optionally of one verdict or household, after a trade id
     * (for paging).
     */
    public List<StoredTrade> ofRun(String runId, @Nullable String verdict, @Nullable String householdId, @Nullable String afterTradeId,
                                   int limit, HouseholdScope scope) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT + """
                     WHERE t.run_id = ? AND (? IS NULL OR t.verdict = ?) AND (? IS NULL OR t.household_id = ?)
                       AND t.trade_id > ? AND %s ORDER BY t.trade_id LIMIT ?""".formatted(HouseholdScope.filter("t.household_id")))) {
                statement.setString(1, runId);
                statement.setString(2, verdict);
                statement.setString(3, verdict);
                statement.setString(4, householdId);
                statement.setString(5, householdId);
                statement.setString(6, afterTradeId == null ? "" : afterTradeId);
                int next = scope.bind(statement, 7);
                statement.setInt(next, limit);
                return trades(statement);
            }
        });
    }

    /** Every decision on a trade, oldest first. */
    public List<StoredTrade.Approval> approvals(String tradeId) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT trade_approval_id, decision, reason, actor, decided_at, audit_seq FROM trade_approval
                    WHERE trade_id = ? ORDER BY trade_approval_id""")) {
                statement.setString(1, tradeId);
                List<StoredTrade.Approval> approvals = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        approvals.add(new StoredTrade.Approval(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant(), rs.getLong(6)));
                    }
                }
                return approvals;
            }
        });
    }

    private List<StoredTrade> trades(PreparedStatement statement) throws SQLException {
        List<StoredTrade> trades = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long approvalId = rs.getLong(18);
                Optional<StoredTrade.Approval> approval = rs.wasNull() ? Optional.empty() : Optional.of(new StoredTrade.Approval(
                        approvalId, rs.getString(19), rs.getString(20), rs.getString(21), rs.getTimestamp(22).toInstant(), rs.getLong(23)));
                trades.add(new StoredTrade(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), Decimals.stripped(rs.getBigDecimal(9)),
                        Decimals.price(rs.getBigDecimal(10)), rs.getBigDecimal(11), rs.getString(12), rs.getString(13), rs.getInt(14),
                        rs.getString(15), JsonText.read(json, rs.getString(16), TradeExplanation.class), rs.getLong(17), approval));
            }
        }
        return trades;
    }
}
