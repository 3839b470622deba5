package trimtab.engine.book;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A scheduled (future) or recent (past) movement of cash in or out of an account.
 *
 * @param amount positive for a contribution, negative for a distribution
 */
public record CashFlow(AccountId account, LocalDate date, BigDecimal amount, String note) {

    public CashFlow {
        Objects.requireNonNull(account, "cash flow account");
        Objects.requireNonNull(date, () -> "cash flow of account " + account + ": date");
        Objects.requireNonNull(amount, () -> "cash flow of account " + account + ": amount");
        if (amount.signum() == 0) {
            throw new InvalidBookException("cash flow of account " + account + " on " + date + ": amount must not be zero");
        }
        note = note == null ? "" : note;
    }

    public boolean isDistribution() {
        return amount.signum() < 0;
    }

    public boolean isContribution() {
        return amount.signum() > 0;
    }
}
