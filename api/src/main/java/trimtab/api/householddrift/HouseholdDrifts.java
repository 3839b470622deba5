package trimtab.api.householddrift;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.database.JdbcValues;
import trimtab.api.database.Transactions;
import trimtab.api.run.DriftView;
import trimtab.api.run.HouseholdResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the households of the book with their latest run's result (one query) and orders them worst drift first. */
@Singleton
final class HouseholdDrifts {
    private static final String SQL = """
            SELECT h.household_id, h.name, h.advisor_id, rh.run_id, r.as_of, rh.done_at, rh.result
            FROM household h
            LEFT JOIN run_household rh ON rh.household_id = h.household_id AND rh.run_id = (
                SELECT rh2.run_id FROM run_household rh2 JOIN rebalance_run r2 ON r2.run_id = rh2.run_id
                WHERE rh2.household_id = h.household_id AND r2.dry_run = FALSE
                ORDER BY rh2.done_at DESC, rh2.run_id LIMIT 1)
            LEFT JOIN rebalance_run r ON r.run_id = rh.run_id
            WHERE (? IS NULL OR h.advisor_id = ?)
            ORDER BY h.household_id""";

    private final Transactions transactions;
    private final JsonMapper json;

    HouseholdDrifts(Transactions transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    List<HouseholdDriftView> of(@Nullable String advisorId, int limit) {
        List<HouseholdDriftView> views = transactions.read(connection -> {
            List<HouseholdDriftView> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                JdbcValues.bind(statement, 1, advisorId);
                JdbcValues.bind(statement, 2, advisorId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(view(rs));
                    }
                }
            }
            return found;
        });
        List<HouseholdDriftView> sorted = new ArrayList<>(views);
        sorted.sort(Comparator.comparing(HouseholdDriftView::worstDriftPts, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(HouseholdDriftView::householdId));
        // sorted here, over every household in scope, so that a limit keeps the furthest from target, not the first ids
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    private HouseholdDriftView view(ResultSet rs) throws java.sql.SQLException {
        String runId = rs.getString(4);
        if (runId == null) {
            return new HouseholdDriftView(rs.getString(1), rs.getString(2), rs.getString(3), null, 0, null, List.of());
        }
        HouseholdResult result = read(rs.getString(7));
        BigDecimal worst = null;
        int outside = 0;
        for (DriftView portfolio : result.driftBefore()) {
            for (DriftView.ClassDrift c : portfolio.classes()) {
                worst = worst == null || c.driftPts().abs().compareTo(worst) > 0 ? c.driftPts().abs() : worst;
                outside += "NONE".equals(c.outsideBand()) ? 0 : 1;
            }
        }
        var latest = new HouseholdDriftView.LatestRun(runId, rs.getDate(5).toLocalDate(), rs.getTimestamp(6).toInstant(),
                result.decision(), result.course(), result.tradeCount(), result.blockedCount(), result.error(),
                "/api/v1/runs/" + runId + "/households/" + rs.getString(1));
        return new HouseholdDriftView(rs.getString(1), rs.getString(2), rs.getString(3), worst, outside, latest, result.driftBefore());
    }

    private HouseholdResult read(String text) {
        try {
            return json.readValue(text, HouseholdResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored run result is not readable: " + e.getMessage(), e);
        }
    }
}
