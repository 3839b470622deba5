package trimtab.api.bookstore;

import jakarta.inject.Singleton;
import trimtab.api.database.Transactions;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.AdvisorId;
import trimtab.engine.book.AssetClass;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.IpsBound;
import trimtab.engine.book.LifeEvent;
import trimtab.engine.book.LifeEventType;
import trimtab.engine.book.LotId;
import trimtab.engine.book.MarketSnapshot;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Security;
import trimtab.engine.book.SecurityMaster;
import trimtab.engine.book.SecurityType;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;
import trimtab.engine.book.TaxProfile;
import trimtab.engine.book.TradeSide;
import trimtab.engine.book.WashSaleGroup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@link BookSnapshot} as of a date: securities priced with their latest price on or before it, the VIX
 * of that date (or the latest before it), models, the firm's restricted list, and the selected households with
 * their accounts, lots, cash flows, life events, restrictions, IPS bounds and the trades of the wash-sale
 * look-back window. Queries are per table, not per household, so reading N households costs a fixed number of
 * round trips.
 */
@Singleton
public final class BookSnapshots {
    /** Trades older than this cannot matter to a wash sale (30 days either side), with room for weekends. */
    private static final int TRADE_LOOKBACK_DAYS = 45;

    private final Transactions transactions;

    BookSnapshots(Transactions transactions) {
        this.transactions = transactions;
    }

    public BookSnapshot load(LocalDate asOf, HouseholdSelection selection) {
        return transactions.read(connection -> load(connection, asOf, selection));
    }

    /** Reads on the caller's connection (inside its transaction). */
    public BookSnapshot load(Connection connection, LocalDate asOf, HouseholdSelection selection) throws SQLException {
        SecurityMaster securities = new SecurityMaster(securities(connection, asOf));
        MarketSnapshot market = new MarketSnapshot(asOf, vix(connection, asOf));
        List<ModelPortfolio> models = models(connection);
        List<Restriction> firmRestrictions = restrictions(connection, "scope = 'FIRM'", List.of()).getOrDefault("FIRM", List.of());
        List<Household> households = households(connection, asOf, selection);
        return new BookSnapshot(market, securities, models, households, firmRestrictions);
    }

    private static List<Security> securities(Connection connection, LocalDate asOf) throws SQLException {
        Map<String, BigDecimal> prices = new HashMap<>();
        Map<String, LocalDate> priceDates = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT p.symbol, p.price, p.price_date FROM security_price p
                JOIN (SELECT symbol, MAX(price_date) AS price_date FROM security_price WHERE price_date <= ? GROUP BY symbol) latest
                  ON latest.symbol = p.symbol AND latest.price_date = p.price_date""")) {
            statement.setDate(1, Date.valueOf(asOf));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    prices.put(rs.getString(1), rs.getBigDecimal(2));
                    priceDates.put(rs.getString(1), rs.getDate(3).toLocalDate());
                }
            }
        }
        List<Security> securities = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT symbol, name, security_type, asset_class, issuer, sector, esg_tags, wash_sale_group FROM security");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String symbol = rs.getString(1);
                securities.add(new Security(Symbol.of(symbol), rs.getString(2), SecurityType.valueOf(rs.getString(3)),
                        AssetClass.of(rs.getString(4)), rs.getString(5), rs.getString(6), Set.copyOf(TextList.split(rs.getString(7))),
                        new WashSaleGroup(rs.getString(8)), stripped(prices.get(symbol)), priceDates.get(symbol)));
            }
        }
        return securities;
    }

    private static BigDecimal vix(Connection connection, LocalDate asOf) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT vix FROM market_vix WHERE as_of <= ? ORDER BY as_of DESC LIMIT 1")) {
            statement.setDate(1, Date.valueOf(asOf));
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new MissingMarketDataException("no VIX is recorded on or before " + asOf
                            + "; record one with PUT /api/v1/market/vix before evaluating the book on that date");
                }
                return stripped(rs.getBigDecimal(1));
            }
        }
    }

    private static List<ModelPortfolio> models(Connection connection) throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT model_id, name FROM model_portfolio ORDER BY model_id");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, List<ModelTarget>> targets = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT model_id, asset_class, target_pct, absolute_band_pts, relative_band_pct, primary_symbol, alternates
                FROM model_target ORDER BY model_id, asset_class""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                targets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ModelTarget(AssetClass.of(rs.getString(2)),
                        stripped(rs.getBigDecimal(3)), Optional.ofNullable(stripped(rs.getBigDecimal(4))),
                        Optional.ofNullable(stripped(rs.getBigDecimal(5))), Optional.ofNullable(rs.getString(6)).map(Symbol::of),
                        TextList.split(rs.getString(7)).stream().map(Symbol::of).toList()));
            }
        }
        List<ModelPortfolio> models = new ArrayList<>();
        names.forEach((id, name) -> models.add(new ModelPortfolio(ModelId.of(id), name, targets.getOrDefault(id, List.of()))));
        return models;
    }

    /**
     * The selected households exactly as stored, with every recorded trade rather than the wash-sale window's: what
     * a read-modify-write of a household starts from, since writing a household replaces all its trades.
     * Reads on the caller's connection and needs no market data.
     */
    public List<Household> households(Connection connection, HouseholdSelection selection) throws SQLException {
        return households(connection, null, selection);
    }

    /** @param asOf the snapshot date, whose wash-sale look-back limits the trades read; null for every trade */
    public List<Household> households(Connection connection, LocalDate asOf, HouseholdSelection selection) throws SQLException {
        Filter filter = Filter.of(selection);
        Map<String, List<Account>> accounts = accounts(connection, filter);
        Map<String, List<CashFlow>> cashFlows = grouped(connection, """
                SELECT a.household_id, f.account_id, f.flow_date, f.amount, f.note FROM cash_flow f
                JOIN account a ON a.account_id = f.account_id WHERE %s ORDER BY f.flow_date, f.cash_flow_id""", filter, "a",
                rs -> new CashFlow(AccountId.of(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4), rs.getString(5)));
        Map<String, List<LifeEvent>> lifeEvents = grouped(connection, """
                SELECT e.household_id, e.event_type, e.event_date, e.note FROM life_event e
                WHERE %s ORDER BY e.event_date, e.life_event_id""", filter, "e",
                rs -> new LifeEvent(LifeEventType.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getString(4)));
        Map<String, List<IpsBound>> ipsBounds = grouped(connection, """
                SELECT i.household_id, i.asset_class, i.min_pct, i.max_pct FROM ips_bound i
                WHERE %s ORDER BY i.asset_class""", filter, "i",
                rs -> new IpsBound(AssetClass.of(rs.getString(2)), stripped(rs.getBigDecimal(3)), stripped(rs.getBigDecimal(4))));
        Map<String, List<ExecutedTrade>> trades = grouped(connection, """
                SELECT a.household_id, t.account_id, t.symbol, t.side, t.quantity, t.price, t.trade_date, t.realised_gain
                FROM executed_trade t JOIN account a ON a.account_id = t.account_id
                WHERE %s""" + (asOf == null ? "" : " AND t.trade_date >= '" + asOf.minusDays(TRADE_LOOKBACK_DAYS) + "'")
                        + " ORDER BY t.trade_date, t.executed_trade_id",
                filter, "a", rs -> new ExecutedTrade(AccountId.of(rs.getString(2)), Symbol.of(rs.getString(3)),
                        TradeSide.valueOf(rs.getString(4)), stripped(rs.getBigDecimal(5)), stripped(rs.getBigDecimal(6)),
                        rs.getDate(7).toLocalDate(), Optional.ofNullable(rs.getBigDecimal(8))));
        Map<String, List<Restriction>> restrictions = restrictions(connection,
                "scope <> 'FIRM' AND " + filter.where("restriction", "scope"), filter.parameters);

        List<Household> households = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT h.household_id, h.name, h.advisor_id, h.model_id, h.last_rebalance, h.short_term_rate, h.long_term_rate,
                       h.realised_short_term_ytd, h.realised_long_term_ytd, h.loss_carry_forward
                FROM household h WHERE %s ORDER BY h.household_id""".formatted(filter.where("h", "household_id")))) {
            filter.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    Date lastRebalance = rs.getDate(5);
                    households.add(new Household(HouseholdId.of(id), rs.getString(2), AdvisorId.of(rs.getString(3)),
                            new TaxProfile(rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                                    rs.getBigDecimal(10)),
                            Optional.ofNullable(rs.getString(4)).map(ModelId::of),
                            Optional.ofNullable(lastRebalance).map(Date::toLocalDate),
                            accounts.getOrDefault(id, List.of()), cashFlows.getOrDefault(id, List.of()),
                            lifeEvents.getOrDefault(id, List.of()), restrictions.getOrDefault(id, List.of()),
                            ipsBounds.getOrDefault(id, List.of()), trades.getOrDefault(id, List.of())));
                }
            }
        }
        return households;
    }

    private static Map<String, List<Account>> accounts(Connection connection, Filter filter) throws SQLException {
        Map<String, List<TaxLot>> lots = grouped(connection, """
                SELECT l.account_id, l.lot_id, l.symbol, l.quantity, l.cost_basis, l.acquired FROM tax_lot l
                JOIN account a ON a.account_id = l.account_id WHERE %s ORDER BY l.account_id, l.acquired, l.lot_id""", filter, "a",
                rs -> new TaxLot(LotId.of(rs.getString(2)), Symbol.of(rs.getString(3)), stripped(rs.getBigDecimal(4)),
                        stripped(rs.getBigDecimal(5)), rs.getDate(6).toLocalDate()));
        return grouped(connection, """
                SELECT a.household_id, a.account_id, a.account_type, a.custodian, a.cash, a.fractional_shares, a.no_buy, a.no_sell,
                       a.esg_exclusions, a.model_id, a.plan_menu
                FROM account a WHERE %s ORDER BY a.account_id""", filter, "a",
                rs -> new Account(AccountId.of(rs.getString(2)), AccountType.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBoolean(6), symbols(rs.getString(7)), symbols(rs.getString(8)),
                        Set.copyOf(TextList.split(rs.getString(9))), lots.getOrDefault(rs.getString(2), List.of()),
                        Optional.ofNullable(rs.getString(10)).map(ModelId::of), symbols(rs.getString(11))));
    }

    private static Map<String, List<Restriction>> restrictions(Connection connection, String where, List<String> parameters)
            throws SQLException {
        Map<String, List<Restriction>> byScope = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT scope, symbol, reason FROM restriction WHERE " + where + " ORDER BY scope, symbol")) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    byScope.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Restriction(Symbol.of(rs.getString(2)), rs.getString(3)));
                }
            }
        }
        return byScope;
    }

    /** Runs a query whose first column is the owner's id and groups the mapped rows by it. */
    private static <T> Map<String, List<T>> grouped(Connection connection, String sqlWithWhere, Filter filter, String alias,
                                                   RowMapper<T> mapper) throws SQLException {
        Map<String, List<T>> grouped = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sqlWithWhere.formatted(filter.where(alias, "household_id")))) {
            filter.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    grouped.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(mapper.map(rs));
                }
            }
        }
        return grouped;
    }

    private static Set<Symbol> symbols(String stored) {
        Set<Symbol> symbols = new HashSet<>();
        TextList.split(stored).forEach(s -> symbols.add(Symbol.of(s)));
        return symbols;
    }

    /** DECIMAL columns come back with their column scale (12.500000); the engine's messages want 12.5. */
    private static BigDecimal stripped(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The WHERE clause a selection puts on a table's household column, with its parameters. */
    private record Filter(String kind, List<String> parameters) {
        static Filter of(HouseholdSelection selection) {
            if (selection instanceof HouseholdSelection.Households h) {
                return new Filter("households", h.householdIds());
            }
            if (selection instanceof HouseholdSelection.OwningAccounts a) {
                return new Filter("accounts", a.accountIds());
            }
            return new Filter("all", List.of());
        }

        String where(String alias, String column) {
            String qualified = alias + "." + column;
            String marks = String.join(",", java.util.Collections.nCopies(Math.max(1, parameters.size()), "?"));
            return switch (kind) {
                case "all" -> "1 = 1";
                case "households" -> parameters.isEmpty() ? "1 = 0" : qualified + " IN (" + marks + ")";
                default -> parameters.isEmpty() ? "1 = 0"
                        : qualified + " IN (SELECT sel.household_id FROM account sel WHERE sel.account_id IN (" + marks + "))";
            };
        }

        void bind(PreparedStatement statement, int first) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(first + i, parameters.get(i));
            }
        }
    }
}
