package trimtab.api.bookstore;

import jakarta.inject.Singleton;
import trimtab.api.database.MultiRowInsert;
import trimtab.engine.book.Account;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.ExecutedTrade;
import trimtab.engine.book.Household;
import trimtab.engine.book.IpsBound;
import trimtab.engine.book.LifeEvent;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.ModelTarget;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Security;
import trimtab.engine.book.TaxLot;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the engine's book records to MariaDB as upserts, on the caller's connection and inside its
 * transaction, so that a bulk request or an import is written whole or not at all.
 *
 * <p>A household is written with everything it owns: its accounts, their lots, cash flows and recent trades,
 * its life events, client restrictions and IPS bounds replace what was stored for it (the record sent is the
 * household's whole state, as a custodian file or a CRM export gives it).
 */
@Singleton
public final class BookWriter {

    /** Securities with their prices (on each security's price date), inserted or updated by symbol. */
    public void securities(Connection connection, Collection<Security> securities) throws SQLException {
        if (securities.isEmpty()) {
            return;
        }
        MultiRowInsert rows = MultiRowInsert.into("security", "symbol", "name", "security_type", "asset_class", "issuer",
                "sector", "esg_tags", "wash_sale_group");
        for (Security s : securities) {
            rows.row(s.symbol().value(), s.name(), s.type().name(), s.assetClass().code(), s.issuer(), s.sector(),
                    TextList.join(s.esgTags()), s.washSaleGroup().value());
        }
        upsert(connection, rows, "name", "security_type", "asset_class", "issuer", "sector", "esg_tags", "wash_sale_group");
        MultiRowInsert prices = MultiRowInsert.into("security_price", "symbol", "price_date", "price");
        for (Security s : securities) {
            if (s.price() != null && s.priceDate() != null) {
                prices.row(s.symbol().value(), s.priceDate(), s.price());
            }
        }
        upsert(connection, prices, "price");
    }

    /** A closing price per symbol and date. */
    public void price(Connection connection, String symbol, LocalDate date, BigDecimal price) throws SQLException {
        upsert(connection, MultiRowInsert.into("security_price", "symbol", "price_date", "price").row(symbol, date, price), "price");
    }

    public void vix(Connection connection, LocalDate asOf, BigDecimal vix) throws SQLException {
        upsert(connection, MultiRowInsert.into("market_vix", "as_of", "vix").row(asOf, vix), "vix");
    }

    /** Models with their targets; a model's targets are replaced by those sent. */
    public void models(Connection connection, Collection<ModelPortfolio> models) throws SQLException {
        if (models.isEmpty()) {
            return;
        }
        MultiRowInsert rows = MultiRowInsert.into("model_portfolio", "model_id", "name");
        MultiRowInsert targets = MultiRowInsert.into("model_target", "model_id", "asset_class", "target_pct",
                "absolute_band_pts", "relative_band_pct", "primary_symbol", "alternates");
        for (ModelPortfolio model : models) {
            rows.row(model.id().value(), model.name());
            for (ModelTarget t : model.targets()) {
                targets.row(model.id().value(), t.assetClass().code(), t.targetPct(), t.absoluteBandPts().orElse(null),
                        t.relativeBandPct().orElse(null), t.primary().map(Object::toString).orElse(null), TextList.join(t.alternates()));
            }
        }
        upsert(connection, rows, "name");
        deleteWhereIn(connection, "model_target", "model_id", models.stream().map(m -> m.id().value()).toList());
        targets.execute(connection);
    }

    /** The firm's restricted list, replaced whole by the one sent. */
    public void firmRestrictions(Connection connection, Collection<Restriction> restrictions) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM restriction WHERE scope = 'FIRM'")) {
            delete.executeUpdate();
        }
        MultiRowInsert rows = MultiRowInsert.into("restriction", "scope", "symbol", "reason");
        restrictions.forEach(r -> rows.row("FIRM", r.symbol().value(), r.reason()));
        rows.execute(connection);
    }

    /** Households with everything they own, each replacing what was stored for it. */
    public void households(Connection connection, Collection<Household> households) throws SQLException {
        if (households.isEmpty()) {
            return;
        }
        List<String> ids = households.stream().map(h -> h.id().value()).toList();
        checkAccountsStayInHouseholds(connection, households);
        MultiRowInsert rows = MultiRowInsert.into("household", "household_id", "name", "advisor_id", "model_id", "last_rebalance",
                "short_term_rate", "long_term_rate", "realised_short_term_ytd", "realised_long_term_ytd", "loss_carry_forward");
        for (Household h : households) {
            rows.row(h.id().value(), h.name(), h.advisor().value(), h.model().map(Object::toString).orElse(null),
                    h.lastRebalance().orElse(null), h.taxProfile().shortTermRate(), h.taxProfile().longTermRate(),
                    h.taxProfile().realisedShortTermYtd(), h.taxProfile().realisedLongTermYtd(), h.taxProfile().lossCarryForward());
        }
        upsert(connection, rows, "name", "advisor_id", "model_id", "last_rebalance", "short_term_rate", "long_term_rate",
                "realised_short_term_ytd", "realised_long_term_ytd", "loss_carry_forward");

        // Children are replaced: cascade from account removes lots, cash flows and trades of the old accounts.
        deleteWhereIn(connection, "account", "household_id", ids);
        deleteWhereIn(connection, "life_event", "household_id", ids);
        deleteWhereIn(connection, "ips_bound", "household_id", ids);
        deleteWhereIn(connection, "restriction", "scope", ids);

        MultiRowInsert accounts = MultiRowInsert.into("account", "account_id", "household_id", "account_type", "custodian", "cash",
                "fractional_shares", "model_id", "no_buy", "no_sell", "esg_exclusions", "plan_menu");
        MultiRowInsert lots = MultiRowInsert.into("tax_lot", "lot_id", "account_id", "symbol", "quantity", "cost_basis", "acquired");
        MultiRowInsert flows = MultiRowInsert.into("cash_flow", "account_id", "flow_date", "amount", "note");
        MultiRowInsert events = MultiRowInsert.into("life_event", "household_id", "event_type", "event_date", "note");
        MultiRowInsert restrictions = MultiRowInsert.into("restriction", "scope", "symbol", "reason");
        MultiRowInsert bounds = MultiRowInsert.into("ips_bound", "household_id", "asset_class", "min_pct", "max_pct");
        MultiRowInsert trades = MultiRowInsert.into("executed_trade", "account_id", "symbol", "side", "quantity", "price",
                "trade_date", "realised_gain");
        for (Household h : households) {
            String householdId = h.id().value();
            for (Account a : h.accounts()) {
                accounts.row(a.id().value(), householdId, a.type().name(), a.custodian(), a.cash(), a.fractionalShares(),
                        a.model().map(Object::toString).orElse(null), TextList.join(a.noBuy()), TextList.join(a.noSell()),
                        TextList.join(a.esgExclusions()), TextList.join(a.planMenu()));
                for (TaxLot lot : a.lots()) {
                    lots.row(lot.id().value(), a.id().value(), lot.symbol().value(), lot.quantity(), lot.costBasis(), lot.acquired());
                }
            }
            for (CashFlow f : h.cashFlows()) {
                flows.row(f.account().value(), f.date(), f.amount(), f.note());
            }
            for (LifeEvent e : h.lifeEvents()) {
                events.row(householdId, e.type().name(), e.date(), e.note());
            }
            for (Restriction r : h.restrictions()) {
                restrictions.row(householdId, r.symbol().value(), r.reason());
            }
            for (IpsBound b : h.ipsBounds()) {
                bounds.row(householdId, b.assetClass().code(), b.minPct(), b.maxPct());
            }
            for (ExecutedTrade t : h.recentTrades()) {
                trades.row(t.account().value(), t.symbol().value(), t.side().name(), t.quantity(), t.price(), t.tradeDate(),
                        t.realisedGain().orElse(null));
            }
        }
        accounts.execute(connection);
        lots.execute(connection);
        flows.execute(connection);
        events.execute(connection);
        restrictions.execute(connection);
        bounds.execute(connection);
        trades.execute(connection);
    }

    /** A whole snapshot: securities, models, firm restrictions, the VIX of its date, and its households. */
    public void snapshot(Connection connection, BookSnapshot book) throws SQLException {
        securities(connection, book.securities().all());
        models(connection, book.models());
        firmRestrictions(connection, book.firmRestrictions());
        vix(connection, book.market().asOf(), book.market().vix());
        households(connection, book.households());
    }

    /**
     * An account id belongs to one household for good: moving it silently would rewrite another client's book. One
     * query for all the households written (not one per household); the first household in the order given that
     * names another's account is reported.
     */
    private static void checkAccountsStayInHouseholds(Connection connection, Collection<Household> households) throws SQLException {
        Map<String, String> claimedBy = new HashMap<>();
        for (Household household : households) {
            for (Account account : household.accounts()) {
                claimedBy.putIfAbsent(account.id().value(), household.id().value());
            }
        }
        if (claimedBy.isEmpty()) {
            return;
        }
        Map<String, String> storedOwner = new HashMap<>();
        List<String> accountIds = List.copyOf(claimedBy.keySet());
        int perQuery = 10_000;
        for (int from = 0; from < accountIds.size(); from += perQuery) {
            List<String> slice = accountIds.subList(from, Math.min(accountIds.size(), from + perQuery));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT account_id, household_id FROM account WHERE account_id IN (" + String.join(",", Collections.nCopies(slice.size(), "?")) + ")")) {
                for (int i = 0; i < slice.size(); i++) {
                    statement.setString(i + 1, slice.get(i));
                }
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        storedOwner.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        for (Household household : households) {
            for (Account account : household.accounts()) {
                String owner = storedOwner.get(account.id().value());
                if (owner != null && !owner.equals(household.id().value())) {
                    throw new AccountOwnershipException("account " + account.id() + " belongs to household " + owner
                            + ", not " + household.id());
                }
            }
        }
    }

    private static void upsert(Connection connection, MultiRowInsert rows, String... updatedColumns) throws SQLException {
        if (rows.size() == 0) {
            return;
        }
        rows.onDuplicateKeyUpdate(updatedColumns).execute(connection);
    }

    private static void deleteWhereIn(Connection connection, String table, String column, List<String> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        String marks = String.join(",", Collections.nCopies(values.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE " + column + " IN (" + marks + ")")) {
            for (int i = 0; i < values.size(); i++) {
                statement.setString(i + 1, values.get(i));
            }
            statement.executeUpdate();
        }
    }
}
