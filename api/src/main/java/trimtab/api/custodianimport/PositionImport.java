package trimtab.api.custodianimport;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import trimtab.api.audit.AuditRecord;
import trimtab.api.audit.AuditTrail;
import trimtab.api.audit.Hashes;
import trimtab.api.book.StoredBook;
import trimtab.api.book.StoredBook.StoredAccount;
import trimtab.api.book.StoredBook.StoredLot;
import trimtab.api.bookstore.AccountOwnershipException;
import trimtab.api.bookstore.BookSnapshots;
import trimtab.api.bookstore.BookWriter;
import trimtab.api.bookstore.HouseholdSelection;
import trimtab.api.custodianimport.PositionFile.Line;
import trimtab.api.database.Transactions;
import trimtab.api.web.Actor;
import trimtab.api.web.ApiException;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.Household;
import trimtab.engine.book.InvalidBookException;
import trimtab.engine.book.LotId;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports a custodian's position file. The file is the full position state of the accounts it names: their lots
 * are replaced by the file's, and their cash by the file's where it gives one. Accounts new to the book are added
 * to the household the file names, which must exist.
 *
 * <p>Everything is checked before anything is written, in the transaction that writes: the lines themselves,
 * that every line of an account agrees on its household, type, custodian and cash, that symbols are in the
 * security master, that an account is not another household's, and that a lot id is not used twice. One bad
 * line refuses the whole file and every bad line is listed. A good file is written with an IMPORT audit entry
 * in the same transaction.
 */
@Singleton
public final class PositionImport {
    private final Transactions transactions;
    private final BookSnapshots snapshots;
    private final BookWriter writer;
    private final AuditTrail audit;
    private final JsonMapper json;

    PositionImport(Transactions transactions, BookSnapshots snapshots, BookWriter writer, AuditTrail audit, JsonMapper json) {
        this.transactions = transactions;
        this.snapshots = snapshots;
        this.writer = writer;
        this.audit = audit;
        this.json = json;
    }

    /** An account as the file gives it, gathered from all its lines. */
    private static final class FileAccount {
        final Line first;
        final List<Line> lines = new ArrayList<>();
        BigDecimal cash;
        int cashLine;

        FileAccount(Line first) {
            this.first = first;
        }
    }

    public ImportSummary run(byte[] bytes, String custodian, Actor actor) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.invalid("line 1", "the file is empty; the first line must be the header: " + PositionColumn.all());
        }
        LineErrors errors = new LineErrors();
        PositionFile file = PositionFile.read(bytes, custodian, errors);
        Map<String, FileAccount> accounts = accounts(file, errors);
        try {
            return transactions.write(connection -> {
                checkAgainstBook(connection, file, accounts, errors);
                errors.throwIfAny();
                return write(connection, bytes, file, accounts, actor);
            });
        } catch (AccountOwnershipException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (DataAccessException e) {
            // A key taken by a change racing this import (its checks saw the book before it): send the file again.
            if (e.getCause() instanceof SQLIntegrityConstraintViolationException) {
                throw ApiException.conflict("the book changed while the file was being imported; send it again (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    /** Groups the lines by account; the account's lines must agree on what they say about it. */
    private static Map<String, FileAccount> accounts(PositionFile file, LineErrors errors) {
        Map<String, FileAccount> accounts = new LinkedHashMap<>();
        Map<String, Integer> lotLines = new HashMap<>();
        for (Line line : file.lines()) {
            FileAccount account = accounts.computeIfAbsent(StoredBook.key(line.accountId()), k -> new FileAccount(line));
            Line first = account.first;
            String which = "account " + first.accountId() + " is ";
            if (!StoredBook.key(line.householdId()).equals(StoredBook.key(first.householdId()))) {
                error(errors, file, line, PositionColumn.HOUSEHOLD_ID, which + "in household " + first.householdId() + " on line " + first.line());
            }
            if (line.type() != first.type()) {
                error(errors, file, line, PositionColumn.ACCOUNT_TYPE, which + first.type() + " on line " + first.line());
            }
            if (first.custodian() != null && !first.custodian().equalsIgnoreCase(line.custodian())) {
                error(errors, file, line, PositionColumn.CUSTODIAN, which + "held at " + first.custodian() + " on line " + first.line());
            }
            if (line.cash() != null) {
                if (account.cash == null) {
                    account.cash = line.cash();
                    account.cashLine = line.line();
                } else if (account.cash.compareTo(line.cash()) != 0) {
                    error(errors, file, line, PositionColumn.CASH, which + "given cash " + account.cash.toPlainString() + " on line "
                            + account.cashLine + "; an account has one cash balance");
                }
            }
            if (line.lot() != null) {
                Integer earlier = lotLines.putIfAbsent(StoredBook.key(line.lot().lotId()), line.line());
                if (earlier != null) {
                    error(errors, file, line, PositionColumn.LOT_ID, "lot id " + line.lot().lotId() + " is also on line " + earlier
                            + "; a lot id is unique");
                }
            }
            account.lines.add(line);
        }
        return accounts;
    }

    private static void checkAgainstBook(Connection connection, PositionFile file, Map<String, FileAccount> accounts, LineErrors errors)
            throws SQLException {
        Map<String, String> securities = StoredBook.washSaleGroups(connection);
        Map<String, String> households = StoredBook.existingHouseholds(connection,
                accounts.values().stream().map(a -> a.first.householdId()).toList());
        Map<String, StoredAccount> stored = StoredBook.accounts(connection, accounts.values().stream().map(a -> a.first.accountId()).toList());
        Map<String, StoredLot> storedLots = StoredBook.lots(connection,
                file.lines().stream().filter(l -> l.lot() != null).map(l -> l.lot().lotId()).toList());
        for (FileAccount account : accounts.values()) {
            StoredAccount existing = stored.get(StoredBook.key(account.first.accountId()));
            for (Line line : account.lines) {
                if (!households.containsKey(StoredBook.key(line.householdId()))) {
                    error(errors, file, line, PositionColumn.HOUSEHOLD_ID, "household " + line.householdId()
                            + " does not exist; create it with PUT /api/v1/households first");
                } else if (existing != null && !StoredBook.key(existing.householdId()).equals(StoredBook.key(line.householdId()))
                        && StoredBook.key(line.householdId()).equals(StoredBook.key(account.first.householdId()))) {
                    // (a line disagreeing with the account's first line is reported as that, once)
                    error(errors, file, line, PositionColumn.HOUSEHOLD_ID, "account " + line.accountId() + " belongs to household "
                            + existing.householdId() + ", not " + line.householdId());
                }
                if (existing != null && !existing.type().equals(line.type().name()) && line.type() == account.first.type()) {
                    error(errors, file, line, PositionColumn.ACCOUNT_TYPE, "account " + line.accountId() + " is " + existing.type()
                            + " in the book, not " + line.type() + "; a position file does not change an account's registration");
                }
                if (line.lot() == null) {
                    continue;
                }
                if (!securities.containsKey(line.lot().symbol())) {
                    error(errors, file, line, PositionColumn.SYMBOL, "security " + line.lot().symbol()
                            + " is not in the security master; add it with PUT /api/v1/securities first");
                }
                StoredLot lot = storedLots.get(StoredBook.key(line.lot().lotId()));
                if (lot != null && !accounts.containsKey(StoredBook.key(lot.accountId()))) {
                    error(errors, file, line, PositionColumn.LOT_ID, "lot id " + line.lot().lotId() + " is a lot of account "
                            + lot.accountId() + " (household " + lot.householdId() + "), which this file does not replace");
                }
            }
        }
    }

    private ImportSummary write(Connection connection, byte[] bytes, PositionFile file, Map<String, FileAccount> accounts, Actor actor)
            throws SQLException {
        Set<String> householdIds = new TreeSet<>(StoredBook.lockHouseholds(connection,
                accounts.values().stream().map(a -> a.first.householdId()).toList()).values());
        Map<String, List<FileAccount>> byHousehold = new HashMap<>();
        accounts.values().forEach(a -> byHousehold.computeIfAbsent(StoredBook.key(a.first.householdId()), k -> new ArrayList<>()).add(a));
        List<Household> changed = new ArrayList<>();
        List<String> created = new ArrayList<>();
        int lots = 0;
        for (Household household : snapshots.households(connection, HouseholdSelection.households(List.copyOf(householdIds)))) {
            Map<String, FileAccount> named = new LinkedHashMap<>();
            byHousehold.get(StoredBook.key(household.id().value())).forEach(a -> named.put(StoredBook.key(a.first.accountId()), a));
            List<Account> updated = new ArrayList<>();
            for (Account account : household.accounts()) {
                FileAccount given = named.remove(StoredBook.key(account.id().value()));
                updated.add(given == null ? account : replaced(account, given, file));
            }
            for (FileAccount given : named.values()) {
                updated.add(replaced(null, given, file));
                created.add(given.first.accountId());
            }
            lots += byHousehold.get(StoredBook.key(household.id().value())).stream().mapToInt(a -> (int) a.lines.stream()
                    .filter(l -> l.lot() != null).count()).sum();
            changed.add(new Household(household.id(), household.name(), household.advisor(), household.taxProfile(), household.model(),
                    household.lastRebalance(), updated, household.cashFlows(), household.lifeEvents(), household.restrictions(),
                    household.ipsBounds(), household.recentTrades()));
        }
        writer.households(connection, changed);

        String inputHash = Hashes.sha256(bytes);
        List<String> accountIds = accounts.values().stream().map(a -> a.first.accountId()).toList();
        Set<String> custodians = new LinkedHashSet<>();
        accounts.values().forEach(a -> Optional.ofNullable(a.first.custodian()).ifPresent(custodians::add));
        ImportRecord record = new ImportRecord("custodian positions", List.copyOf(custodians), file.lines().size(), lots, accountIds,
                created, List.copyOf(householdIds));
        long seq = audit.append(connection, List.of(new AuditRecord(ImportRecord.ENTRY_TYPE, "positions:" + inputHash, actor.name(), "",
                inputHash, payload(record)))).get(0);
        return new ImportSummary(file.lines().size(), accountIds.size(), created.size(), lots, List.copyOf(householdIds), inputHash, seq);
    }

    /** The account with the file's lots, and the file's cash and custodian where it gives them. */
    private static Account replaced(Account stored, FileAccount given, PositionFile file) {
        List<TaxLot> lots = new ArrayList<>();
        for (Line line : given.lines) {
            if (line.lot() != null) {
                PositionFile.Lot lot = line.lot();
                lots.add(new TaxLot(LotId.of(lot.lotId()), Symbol.of(lot.symbol()), lot.quantity(), lot.costBasis(), lot.acquired()));
            }
        }
        try {
            if (stored == null) {
                Line first = given.first;
                return new Account(AccountId.of(first.accountId()), first.type(), first.custodian(),
                        given.cash == null ? BigDecimal.ZERO : given.cash, false, Set.of(), Set.of(), Set.of(), lots, Optional.empty(), Set.of());
            }
            return new Account(stored.id(), stored.type(), given.first.custodian() == null ? stored.custodian() : given.first.custodian(),
                    given.cash == null ? stored.cash() : given.cash, stored.fractionalShares(), stored.noBuy(), stored.noSell(),
                    stored.esgExclusions(), lots, stored.model(), stored.planMenu());
        } catch (InvalidBookException e) {
            // The line checks mirror the engine's; should they ever disagree, the file is still refused by line.
            LineErrors errors = new LineErrors();
            errors.add(given.first.line(), e.getMessage());
            errors.throwIfAny();
            throw e;
        }
    }

    private String payload(ImportRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void error(LineErrors errors, PositionFile file, Line line, PositionColumn column, String message) {
        errors.add(line.line(), column.header(), file.number(column), message);
    }
}
