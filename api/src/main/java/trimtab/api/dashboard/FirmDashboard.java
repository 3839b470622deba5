package trimtab.api.dashboard;

import jakarta.inject.Singleton;
import trimtab.api.database.JdbcValues;
import trimtab.api.database.Transactions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the dashboard in SQL from the recorded runs: {@code rebalance_run} and {@code run_event} for the
 * runs and their times, {@code run_household.result} (JSON) for drift before and after and the harvest rows'
 * lots, {@code proposed_trade} and {@code trade_approval} for verdicts, violations and approvals, {@code account}
 * for the accounts of the households evaluated. The same measures are taken per run (for the charts) and over the
 * whole period, by one query text whose filter differs.
 */
@Singleton
final class FirmDashboard {
    /**
     * The runs requested in the period and the per-household facts the measures are made of. JSON_TABLE reads the
     * stored results: each portfolio's worst class before (driftBefore) and after (plans[].driftAfter), and the
     * unrealised loss of each lot a HARVEST row picked out (the row's facts carry the lot's {@code loss}).
     */
    private static final String FACTS = """
            WITH runs AS (
                SELECT r.run_id, r.requested_at, r.as_of, r.household_total,
                       (SELECT MIN(e.occurred_at) FROM run_event e WHERE e.run_id = r.run_id AND e.event_type = 'STARTED') AS started_at,
                       (SELECT MAX(e.occurred_at) FROM run_event e WHERE e.run_id = r.run_id AND e.event_type = 'FINISHED') AS finished_at,
                       (SELECT e.event_type FROM run_event e WHERE e.run_id = r.run_id ORDER BY e.run_event_id DESC LIMIT 1) AS last_event
                FROM rebalance_run r
                WHERE r.requested_at >= ? AND r.requested_at < ? AND (? OR r.dry_run = FALSE)
            ),
            before_portfolio AS (
                SELECT h.run_id, h.household_id, d.scope, MAX(ABS(d.drift)) AS worst
                FROM runs JOIN run_household h ON h.run_id = runs.run_id
                CROSS JOIN JSON_TABLE(h.result, '$.driftBefore[*]' COLUMNS (
                    scope VARCHAR(200) PATH '$.scope',
                    NESTED PATH '$.classes[*]' COLUMNS (drift DECIMAL(12, 4) PATH '$.driftPts'))) d
                WHERE h.failed = FALSE
                GROUP BY h.run_id, h.household_id, d.scope
            ),
            after_portfolio AS (
                SELECT h.run_id, h.household_id, d.scope, MAX(ABS(d.drift)) AS worst
                FROM runs JOIN run_household h ON h.run_id = runs.run_id
                CROSS JOIN JSON_TABLE(h.result, '$.plans[*]' COLUMNS (
                    scope VARCHAR(200) PATH '$.scope',
                    NESTED PATH '$.driftAfter.classes[*]' COLUMNS (drift DECIMAL(12, 4) PATH '$.driftPts'))) d
                WHERE h.failed = FALSE
                GROUP BY h.run_id, h.household_id, d.scope
            ),
            household_drift AS (
                SELECT b.run_id, b.household_id, MAX(b.worst) AS before_pts, MAX(COALESCE(a.worst, b.worst)) AS after_pts
                FROM before_portfolio b
                LEFT JOIN after_portfolio a ON a.run_id = b.run_id AND a.household_id = b.household_id AND a.scope = b.scope
                WHERE b.worst IS NOT NULL
                GROUP BY b.run_id, b.household_id
            ),
            harvest_lots AS (
                SELECT h.run_id, h.household_id, j.lot, MAX(CAST(j.loss AS DECIMAL(19, 2))) AS loss
                FROM runs JOIN run_household h ON h.run_id = runs.run_id
                CROSS JOIN JSON_TABLE(h.result, '$.hits[*]' COLUMNS (
                    action VARCHAR(20) PATH '$.action',
                    lot VARCHAR(100) PATH '$.lot',
                    NESTED PATH '$.explanation.facts.*' COLUMNS (loss VARCHAR(40) PATH '$.loss'))) j
                WHERE j.action = 'HARVEST' AND j.lot IS NOT NULL AND j.loss IS NOT NULL
                GROUP BY h.run_id, h.household_id, j.lot
            ),
            decided AS (
                SELECT t.run_id, t.trade_id, t.verdict,
                       (SELECT a.decision FROM trade_approval a WHERE a.trade_id = t.trade_id
                        ORDER BY a.trade_approval_id DESC LIMIT 1) AS approval,
                       (JSON_SEARCH(t.explanation, 'one', 'WASH%', NULL, '$.violations[*].ruleId') IS NOT NULL
                        OR JSON_SEARCH(t.explanation, 'one', 'WashSale', NULL, '$.violations[*].explanation.sheet') IS NOT NULL) AS wash
                FROM runs JOIN proposed_trade t ON t.run_id = runs.run_id
            ),
            trades AS (
                SELECT d.*, (d.verdict IN ('PASS', 'WARN') OR (d.verdict = 'REQUIRE_APPROVAL' AND d.approval = 'APPROVED')) AS tradable
                FROM decided d
            )
            """;

    /** The measures over the runs that the filter {@code %1$s} keeps (alias x has the run id). */
    private static final String MEASURES = """
            (SELECT COUNT(*) FROM runs x WHERE %1$s),
            (SELECT COUNT(*) FROM run_household h JOIN runs x ON x.run_id = h.run_id WHERE %1$s),
            (SELECT COUNT(*) FROM run_household h JOIN runs x ON x.run_id = h.run_id
                JOIN account a ON a.household_id = h.household_id WHERE %1$s),
            (SELECT ROUND(AVG(x.before_pts), 2) FROM household_drift x WHERE %1$s),
            (SELECT ROUND(AVG(x.after_pts), 2) FROM household_drift x WHERE %1$s),
            (SELECT ROUND(SUM(TIMESTAMPDIFF(MICROSECOND, x.started_at, x.finished_at)) / 1000000 / SUM(x.household_total) * 50, 1)
                FROM runs x WHERE %1$s AND x.last_event = 'FINISHED' AND x.household_total > 0),
            (SELECT COALESCE(SUM(h.harvested_losses), 0) FROM run_household h JOIN runs x ON x.run_id = h.run_id WHERE %1$s),
            (SELECT COALESCE(SUM(x.loss), 0) FROM harvest_lots x WHERE %1$s),
            (SELECT COUNT(*) FROM trades x WHERE %1$s AND x.wash AND x.tradable),
            (SELECT COUNT(*) FROM trades x WHERE %1$s AND x.wash AND NOT x.tradable),
            (SELECT COUNT(*) FROM trades x WHERE %1$s),
            (SELECT COUNT(*) FROM trades x WHERE %1$s AND x.verdict = 'BLOCK'),
            (SELECT COUNT(*) FROM trades x WHERE %1$s AND x.verdict = 'REQUIRE_APPROVAL')
            """;

    private static final String PER_RUN = FACTS + "SELECT r.run_id, r.requested_at, r.as_of, r.last_event, "
            + MEASURES.formatted("x.run_id = r.run_id") + " FROM runs r ORDER BY r.requested_at, r.run_id";

    private static final String TOTALS = FACTS + "SELECT " + MEASURES.formatted("TRUE");

    /**
     * Per rule: trades whose violations name a guardrail row (blocked when the trade is BLOCK and the row's severity
     * BLOCK, held when the row's severity is REQUIRE_APPROVAL), and trades a SUSPEND or REVIEW trigger row holds
     * for approval (the household's heldBy) although the guardrails passed them.
     */
    private static final String BY_RULE = FACTS + """
            SELECT rule_id, kind, SUM(blocked), SUM(held) FROM (
                SELECT v.rule_id, 'GUARDRAIL' AS kind,
                       COUNT(DISTINCT CASE WHEN v.severity = 'BLOCK' AND t.verdict = 'BLOCK' THEN t.trade_id END) AS blocked,
                       COUNT(DISTINCT CASE WHEN v.severity = 'REQUIRE_APPROVAL' THEN t.trade_id END) AS held
                FROM runs JOIN proposed_trade t ON t.run_id = runs.run_id
                CROSS JOIN JSON_TABLE(t.explanation, '$.violations[*]' COLUMNS (
                    rule_id VARCHAR(100) PATH '$.ruleId',
                    severity VARCHAR(20) PATH '$.severity')) v
                GROUP BY v.rule_id
                UNION ALL
                SELECT hb.rule_id, 'TRIGGER' AS kind, 0 AS blocked, COUNT(DISTINCT t.trade_id) AS held
                FROM runs JOIN proposed_trade t ON t.run_id = runs.run_id
                JOIN run_household h ON h.run_id = t.run_id AND h.household_id = t.household_id
                CROSS JOIN JSON_TABLE(h.result, '$.heldBy[*]' COLUMNS (rule_id VARCHAR(100) PATH '$')) hb
                WHERE t.verdict = 'REQUIRE_APPROVAL' AND JSON_VALUE(t.explanation, '$.heldBecause') IS NOT NULL
                GROUP BY hb.rule_id
            ) counted
            GROUP BY rule_id, kind
            HAVING SUM(blocked) > 0 OR SUM(held) > 0
            ORDER BY SUM(blocked) + SUM(held) DESC, rule_id
            """;

    private final Transactions transactions;

    FirmDashboard(Transactions transactions) {
        this.transactions = transactions;
    }

    DashboardView between(LocalDate from, LocalDate to, boolean dryRuns) {
        return transactions.read(connection -> {
            List<DashboardView.RunPoint> runs = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, PER_RUN, from, to, dryRuns); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String last = rs.getString(4);
                    String status = "FINISHED".equals(last) || "FAILED".equals(last) ? last : "RUNNING";
                    runs.add(new DashboardView.RunPoint(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getDate(3).toLocalDate(),
                            status, measures(rs, 5)));
                }
            }
            DashboardView.Measures totals;
            try (PreparedStatement statement = prepare(connection, TOTALS, from, to, dryRuns); ResultSet rs = statement.executeQuery()) {
                rs.next();
                totals = measures(rs, 1);
            }
            List<DashboardView.RuleCount> byRule = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, BY_RULE, from, to, dryRuns); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    byRule.add(new DashboardView.RuleCount(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
                }
            }
            return new DashboardView(from, to, dryRuns, totals, byRule, runs);
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, LocalDate from, LocalDate to, boolean dryRuns)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        JdbcValues.bind(statement, 1, from.atStartOfDay(ZoneOffset.UTC).toInstant());
        JdbcValues.bind(statement, 2, to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        JdbcValues.bind(statement, 3, dryRuns);
        return statement;
    }

    private static DashboardView.Measures measures(ResultSet rs, int first) throws SQLException {
        int households = rs.getInt(first + 1);
        int accounts = rs.getInt(first + 2);
        BigDecimal harvested = rs.getBigDecimal(first + 6).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal available = rs.getBigDecimal(first + 7).setScale(2, RoundingMode.HALF_EVEN);
        int washViolations = rs.getInt(first + 8);
        return new DashboardView.Measures(rs.getInt(first), households, accounts, scaled(rs.getBigDecimal(first + 3), 2),
                scaled(rs.getBigDecimal(first + 4), 2), scaled(rs.getBigDecimal(first + 5), 1), harvested, available,
                available.signum() == 0 ? null : percent(harvested, available), washViolations,
                accounts == 0 ? null : percent(BigDecimal.valueOf(washViolations), BigDecimal.valueOf(accounts)),
                rs.getInt(first + 9), rs.getInt(first + 10), rs.getInt(first + 11), rs.getInt(first + 12));
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_EVEN);
    }
}
