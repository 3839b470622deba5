package trimtab.api.book;

import jakarta.inject.Singleton;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.api.bookstore.TextList;
import trimtab.api.database.Transactions;
import trimtab.engine.book.Household;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reads of the book API, answered in the shape the writes take, so that what is read can be sent back.
 * Prices are each security's latest on or before the date asked for (the latest of all when none is given).
 */
@Singleton
public final class BookQueries {
    /** "No date given": later than any price, so the latest one is taken. */
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private final Transactions transactions;
    private final BookSnapshots snapshots;

    BookQueries(Transactions transactions, BookSnapshots snapshots) {
        this.transactions = transactions;
        this.snapshots = snapshots;
    }

    public List<SecurityJson> securities(LocalDate asOf) {
        return securities(null, asOf);
    }

    public Optional<SecurityJson> security(String symbol, LocalDate asOf) {
        return securities(symbol.strip(), asOf).stream().findFirst();
    }

    private List<SecurityJson> securities(String symbol, LocalDate asOf) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT s.symbol, s.name, s.security_type, s.asset_class, s.issuer, s.sector, s.esg_tags, s.wash_sale_group,
                           p.price, p.price_date
                    FROM security s
                    LEFT JOIN (SELECT symbol, MAX(price_date) AS price_date FROM security_price WHERE price_date <= ? GROUP BY symbol) latest
                           ON latest.symbol = s.symbol
                    LEFT JOIN security_price p ON p.symbol = latest.symbol AND p.price_date = latest.price_date
                    WHERE (? IS NULL OR s.symbol = ?)
                    ORDER BY s.symbol""")) {
                statement.setDate(1, Date.valueOf(asOf == null ? LATEST : asOf));
                statement.setString(2, symbol);
                statement.setString(3, symbol);
                List<SecurityJson> securities = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Date priceDate = rs.getDate(10);
                        securities.add(new SecurityJson(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), TextList.split(rs.getString(7)), rs.getString(8), Numbers.money(rs.getBigDecimal(9)),
                                priceDate == null ? null : priceDate.toLocalDate()));
                    }
                }
                return securities;
            }
        });
    }

    /** The VIX of the date, or the latest recorded before it; the latest of all without a date. */
    public Optional<VixJson> vix(LocalDate asOf) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT as_of, vix FROM market_vix WHERE as_of <= ? ORDER BY as_of DESC LIMIT 1")) {
                statement.setDate(1, Date.valueOf(asOf == null ? LATEST : asOf));
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(new VixJson(rs.getDate(1).toLocalDate(), Numbers.plain(rs.getBigDecimal(2))))
                            : Optional.<VixJson>empty();
                }
            }
        });
    }

    public List<ModelJson> models() {
        return models(null);
    }

    public Optional<ModelJson> model(String modelId) {
        return models(modelId.strip()).stream().findFirst();
    }

    private List<ModelJson> models(String modelId) {
        return transactions.read(connection -> {
            Map<String, String> names = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT model_id, name FROM model_portfolio WHERE (? IS NULL OR model_id = ?) ORDER BY model_id")) {
                statement.setString(1, modelId);
                statement.setString(2, modelId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            Map<String, List<TargetJson>> targets = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT model_id, asset_class, target_pct, absolute_band_pts, relative_band_pct, primary_symbol, alternates
                    FROM model_target WHERE (? IS NULL OR model_id = ?) ORDER BY model_id, asset_class""")) {
                statement.setString(1, modelId);
                statement.setString(2, modelId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        targets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new TargetJson(rs.getString(2),
                                Numbers.plain(rs.getBigDecimal(3)), Numbers.plain(rs.getBigDecimal(4)), Numbers.plain(rs.getBigDecimal(5)),
                                rs.getString(6), TextList.split(rs.getString(7))));
                    }
                }
            }
            List<ModelJson> models = new ArrayList<>();
            names.forEach((id, name) -> models.add(new ModelJson(id, name, targets.getOrDefault(id, List.of()))));
            return models;
        });
    }

    /**
     * One line per household, optionally of one advisor, valued on a date: a fixed number of grouped queries
     * however many households there are.
     */
    public List<HouseholdSummary> households(String advisorId, LocalDate asOf) {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT h.household_id, h.name, h.advisor_id, h.model_id, h.last_rebalance,
                           COALESCE(a.accounts, 0), COALESCE(a.cash, 0), COALESCE(l.lots, 0), COALESCE(l.value, 0), COALESCE(l.unpriced, 0)
                    FROM household h
                    LEFT JOIN (SELECT household_id, COUNT(*) AS accounts, SUM(cash) AS cash FROM account GROUP BY household_id) a
                           ON a.household_id = h.household_id
                    LEFT JOIN (SELECT ac.household_id, COUNT(*) AS lots, SUM(t.quantity * p.price) AS value,
                                      SUM(CASE WHEN p.price IS NULL THEN 1 ELSE 0 END) AS unpriced
                               FROM tax_lot t
                               JOIN account ac ON ac.account_id = t.account_id
                               LEFT JOIN (SELECT symbol, MAX(price_date) AS price_date FROM security_price WHERE price_date <= ?
                                          GROUP BY symbol) lp ON lp.symbol = t.symbol
                               LEFT JOIN security_price p ON p.symbol = lp.symbol AND p.price_date = lp.price_date
                               GROUP BY ac.household_id) l
                           ON l.household_id = h.household_id
                    WHERE (? IS NULL OR h.advisor_id = ?)
                    ORDER BY h.household_id""")) {
                statement.setDate(1, Date.valueOf(asOf == null ? LATEST : asOf));
                statement.setString(2, advisorId);
                statement.setString(3, advisorId);
                List<HouseholdSummary> summaries = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Date lastRebalance = rs.getDate(5);
                        int unpriced = rs.getInt(10);
                        BigDecimal total = rs.getBigDecimal(7).add(rs.getBigDecimal(9)).setScale(2, RoundingMode.HALF_UP);
                        summaries.add(new HouseholdSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                lastRebalance == null ? null : lastRebalance.toLocalDate(), rs.getInt(6), rs.getInt(8),
                                unpriced == 0 ? total : null, unpriced));
                    }
                }
                return summaries;
            }
        });
    }

    public Optional<HouseholdJson> household(String householdId) {
        List<Household> found = transactions.read(connection ->
                snapshots.households(connection, HouseholdSelection.households(List.of(householdId.strip()))));
        return found.stream().findFirst().map(HouseholdJson::of);
    }

    public List<RestrictionJson> firmRestrictions() {
        return transactions.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT symbol, reason FROM restriction WHERE scope = 'FIRM' ORDER BY symbol");
                 ResultSet rs = statement.executeQuery()) {
                List<RestrictionJson> restrictions = new ArrayList<>();
                while (rs.next()) {
                    restrictions.add(new RestrictionJson(rs.getString(1), rs.getString(2)));
                }
                return restrictions;
            }
        });
    }
}
