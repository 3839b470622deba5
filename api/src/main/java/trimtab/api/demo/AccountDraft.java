package trimtab.api.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trimtab.engine.book.Account;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.AccountType;
import trimtab.engine.book.LotId;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.Symbol;
import trimtab.engine.book.TaxLot;

/** An account while its household is being made up; {@link #toAccount()} freezes it. */
final class AccountDraft {
    final AccountId id;
    final AccountType type;
    final String custodian;
    /** Plan accounts trade in fractional fund units; brokerage accounts here trade whole shares. */
    final boolean fractionalShares;
    /** Share of the household's value this account is meant to hold (before asset location tilts it). */
    final double weight;
    final Set<Symbol> planMenu = new LinkedHashSet<>();
    final Set<Symbol> noBuy = new LinkedHashSet<>();
    final Set<Symbol> noSell = new LinkedHashSet<>();
    final Set<String> esgExclusions = new LinkedHashSet<>();
    final List<TaxLot> lots = new ArrayList<>();
    Optional<ModelId> model = Optional.empty();
    BigDecimal cash = BigDecimal.ZERO;
    private final Map<Symbol, LotNumbering> positions = new HashMap<>();

    /** The next lot number of a position, with the id prefix made once per position. */
    private static final class LotNumbering {
        final String prefix;
        int lots;

        LotNumbering(String prefix) {
            this.prefix = prefix;
        }
    }

    AccountDraft(AccountId id, AccountType type, String custodian, double weight) {
        this.id = id;
        this.type = type;
        this.custodian = custodian;
        this.fractionalShares = type == AccountType.ERISA_PLAN;
        this.weight = weight;
    }

    /** Readable and unique in the book: the account id, the symbol and the lot's number in that position. */
    LotId nextLotId(Symbol symbol) {
        LotNumbering numbering = positions.computeIfAbsent(symbol, s -> new LotNumbering(id.value() + "-" + s.value() + "-"));
        return new LotId(numbering.prefix + ++numbering.lots);
    }

    boolean holds(Symbol symbol) {
        return positions.containsKey(symbol);
    }

    int lotCount(Symbol symbol) {
        LotNumbering numbering = positions.get(symbol);
        return numbering == null ? 0 : numbering.lots;
    }

    /** Taxable and trust accounts: where gains and losses are realised, and where legacy stock positions live. */
    boolean isTaxed() {
        return !type.isTaxSheltered();
    }

    Account toAccount() {
        return new Account(id, type, custodian, cash, fractionalShares, noBuy, noSell, esgExclusions, lots, model, planMenu);
    }
}
