package trimtab.api.book;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.audit.Hashes;
import trimtab.api.book.SecurityRequests.PriceRow;
import trimtab.api.bookstore.AccountOwnershipException;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.api.database.MultiRowInsert;
import trimtab.api.database.Transactions;
import trimtab.api.web.Actor;
import trimtab.api.web.ApiException;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.CashFlow;
import trimtab.engine.book.Household;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.LifeEvent;
import trimtab.engine.book.ModelPortfolio;
import trimtab.engine.book.Restriction;
import trimtab.engine.book.Security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every write of the book API: checks the request against the engine's rules and the stored book, converts it
 * to engine records and writes them through {@link BookWriter}, with a BOOK_CHANGE audit entry, in one
 * transaction. Nothing is written unless everything is: the first problem found rolls the transaction back.
 *
 * <p>A household is written whole. Adding a cash flow or a life event, or replacing its restrictions, locks the
 * household, reads it as stored, changes it and writes it back, so the same checks apply and two such changes
 * cannot overwrite each other.
 */
@Singleton
public final class BookUpdates {
    private final Transactions transactions;
    private final BookWriter writer;
    private final BookSnapshots snapshots;
    private final AuditTrail audit;
    private final JsonMapper json;

    BookUpdates(Transactions transactions, BookWriter writer, BookSnapshots snapshots, AuditTrail audit, JsonMapper json) {
        this.transactions = transactions;
        this.writer = writer;
        this.snapshots = snapshots;
        this.audit = audit;
        this.json = json;
    }

    public WriteReceipt securities(List<SecurityJson> items, byte[] body, Actor actor) {
        return write(connection -> {
            RequestErrors errors = new RequestErrors();
            List<Security> securities = SecurityRequests.securities(items, errors);
            errors.throwIfAny();
            SecurityRequests.checkModelsStayConsistent(securities, StoredBook.washSaleGroups(connection),
                    StoredBook.modelTargets(connection), errors);
            errors.throwIfAny();
            writer.securities(connection, securities);
            return receipt(connection, "PUT /api/v1/securities", securities.stream().map(s -> s.symbol().value()).toList(), body, actor);
        });
    }

    public WriteReceipt prices(List<PriceJson> items, byte[] body, Actor actor) {
        return write(connection -> {
            RequestErrors errors = new RequestErrors();
            List<PriceRow> prices = SecurityRequests.prices(items, StoredBook.washSaleGroups(connection), errors);
            errors.throwIfAny();
            // BookWriter.price writes one row per statement; a day's prices for the whole master go in one.
            MultiRowInsert rows = MultiRowInsert.into("security_price", "symbol", "price_date", "price").onDuplicateKeyUpdate("price");
            prices.forEach(p -> rows.row(p.symbol(), p.date(), p.price()));
            rows.execute(connection);
            return receipt(connection, "PUT /api/v1/market/prices",
                    prices.stream().map(p -> p.symbol() + "@" + p.date()).toList(), body, actor);
        });
    }

    public VixJson vix(VixJson item, byte[] body, Actor actor) {
        RequestErrors errors = new RequestErrors();
        LocalDate asOf = errors.date(item.asOf(), JsonPath.ROOT.field("asOf"), true);
        BigDecimal vix = errors.amount(item.vix(), JsonPath.ROOT.field("vix"), DecimalColumn.VIX, true, true);
        errors.throwIfAny();
        return write(connection -> {
            writer.vix(connection, asOf, vix);
            receipt(connection, "PUT /api/v1/market/vix", List.of(asOf.toString()), body, actor);
            return new VixJson(asOf, Numbers.plain(vix));
        });
    }

    public WriteReceipt models(List<ModelJson> items, byte[] body, Actor actor) {
        return write(connection -> {
            RequestErrors errors = new RequestErrors();
            List<ModelPortfolio> models = ModelRequests.models(items, StoredBook.washSaleGroups(connection), errors);
            errors.throwIfAny();
            writer.models(connection, models);
            return receipt(connection, "PUT /api/v1/models", models.stream().map(m -> m.id().value()).toList(), body, actor);
        });
    }

    public WriteReceipt households(List<HouseholdJson> items, byte[] body, Actor actor) {
        return write(connection -> {
            HouseholdRequests.Context context = new HouseholdRequests.Context(StoredBook.washSaleGroups(connection),
                    StoredBook.modelIds(connection), StoredBook.accounts(connection, HouseholdRequests.accountIds(items)),
                    StoredBook.lots(connection, HouseholdRequests.lotIds(items)));
            RequestErrors invalid = new RequestErrors();
            RequestErrors conflicts = new RequestErrors();
            List<Household> households = new HouseholdRequests(context, invalid, conflicts).households(items);
            invalid.throwIfAny();
            conflicts.throwIfAny(HttpStatus.CONFLICT, "conflict");
            writer.households(connection, households);
            return receipt(connection, "PUT /api/v1/households", households.stream().map(h -> h.id().value()).toList(), body, actor);
        });
    }

    public HouseholdJson addCashFlow(String householdId, CashFlowJson item, byte[] body, Actor actor) {
        return rewrite(householdId, "POST /api/v1/households/{id}/cash-flows", body, actor, (household, errors) -> {
            Map<String, AccountId> accounts = new HashMap<>();
            household.accounts().forEach(a -> accounts.put(StoredBook.key(a.id().value()), a.id()));
            CashFlow flow = HouseholdRequests.cashFlow(item, JsonPath.ROOT, accounts, errors);
            if (flow == null) {
                return null;
            }
            List<CashFlow> flows = new ArrayList<>(household.cashFlows());
            flows.add(flow);
            return new Household(household.id(), household.name(), household.advisor(), household.taxProfile(), household.model(),
                    household.lastRebalance(), household.accounts(), flows, household.lifeEvents(), household.restrictions(),
                    household.ipsBounds(), household.recentTrades());
        });
    }

    public HouseholdJson addLifeEvent(String householdId, LifeEventJson item, byte[] body, Actor actor) {
        return rewrite(householdId, "POST /api/v1/households/{id}/life-events", body, actor, (household, errors) -> {
            LifeEvent event = HouseholdRequests.lifeEvent(item, JsonPath.ROOT, errors);
            if (event == null) {
                return null;
            }
            List<LifeEvent> events = new ArrayList<>(household.lifeEvents());
            events.add(event);
            return new Household(household.id(), household.name(), household.advisor(), household.taxProfile(), household.model(),
                    household.lastRebalance(), household.accounts(), household.cashFlows(), events, household.restrictions(),
                    household.ipsBounds(), household.recentTrades());
        });
    }

    public HouseholdJson replaceRestrictions(String householdId, List<RestrictionJson> items, byte[] body, Actor actor) {
        return rewrite(householdId, "PUT /api/v1/households/{id}/restrictions", body, actor, (household, errors) -> {
            List<Restriction> restrictions = HouseholdRequests.restrictions(items, JsonPath.ROOT, errors);
            return new Household(household.id(), household.name(), household.advisor(), household.taxProfile(), household.model(),
                    household.lastRebalance(), household.accounts(), household.cashFlows(), household.lifeEvents(), restrictions,
                    household.ipsBounds(), household.recentTrades());
        });
    }

    public WriteReceipt firmRestrictions(List<RestrictionJson> items, byte[] body, Actor actor) {
        return write(connection -> {
            RequestErrors errors = new RequestErrors();
            List<Restriction> restrictions = HouseholdRequests.restrictions(items, JsonPath.ROOT, errors);
            errors.throwIfAny();
            writer.firmRestrictions(connection, restrictions);
            WriteReceipt receipt = receipt(connection, "PUT /api/v1/restrictions/firm",
                    restrictions.stream().map(r -> r.symbol().value()).toList(), body, actor);
            // Emptying the list is a change too, and the one compliance most wants on record.
            return receipt.auditSeq() != null ? receipt
                    : new WriteReceipt(0, append(connection, "PUT /api/v1/restrictions/firm", List.of(), body, actor));
        });
    }

    /** A change to one stored household. */
    @FunctionalInterface
    private interface HouseholdChange {
        /** The changed household, or null when the request was refused (its problems are in the errors). */
        Household apply(Household stored, RequestErrors errors);
    }

    private HouseholdJson rewrite(String householdId, String request, byte[] body, Actor actor, HouseholdChange change) {
        return write(connection -> {
            Household stored = lockAndRead(connection, householdId);
            RequestErrors errors = new RequestErrors();
            Household changed = errors.build(JsonPath.ROOT, () -> change.apply(stored, errors));
            errors.throwIfAny();
            writer.households(connection, List.of(changed));
            append(connection, request.replace("{id}", stored.id().value()), List.of(stored.id().value()), body, actor);
            return HouseholdJson.of(read(connection, stored.id().value()));
        });
    }

    private Household lockAndRead(Connection connection, String householdId) throws SQLException {
        Map<String, String> found = StoredBook.lockHouseholds(connection, List.of(householdId.strip()));
        String stored = found.get(StoredBook.key(householdId));
        if (stored == null) {
            throw ApiException.notFound("household " + householdId);
        }
        return read(connection, stored);
    }

    private Household read(Connection connection, String householdId) throws SQLException {
        return snapshots.households(connection, HouseholdSelection.households(List.of(householdId))).get(0);
    }

    private WriteReceipt receipt(Connection connection, String request, List<String> ids, byte[] body, Actor actor) throws SQLException {
        if (ids.isEmpty()) {
            return new WriteReceipt(0, null);
        }
        return new WriteReceipt(ids.size(), append(connection, request, ids, body, actor));
    }

    private long append(Connection connection, String request, List<String> ids, byte[] body, Actor actor) throws SQLException {
        String payload;
        try {
            payload = json.writeValueAsString(new BookChange(request, ids.size(), ids));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String subject = request.substring(request.indexOf(' ') + 1);
        AuditRecord record = new AuditRecord(BookChange.ENTRY_TYPE, subject, actor.name(), "", Hashes.sha256(body), payload);
        return audit.append(connection, List.of(record)).get(0);
    }

    /**
     * Runs a write transaction and answers what the engine or the store still refuses in the client's terms:
     * an account moving households is a conflict, an engine constraint is invalid input, and a key the store
     * already holds (a change racing this one) is a conflict rather than a server error.
     */
    private <T> T write(Transactions.SqlWork<T> work) {
        try {
            return transactions.write(work);
        } catch (AccountOwnershipException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (InvalidBookException e) {
            throw ApiException.invalid("$", e.getMessage());
        } catch (DataAccessException e) {
            if (causedBy(e, SQLIntegrityConstraintViolationException.class)) {
                throw ApiException.conflict("the book changed while this request was being written; send it again ("
                        + e.getMessage() + ")");
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
