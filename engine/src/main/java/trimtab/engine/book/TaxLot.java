package trimtab.engine.book;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Shares of one security bought together.
 *
 * @param costBasis total cost of the lot (not per share), adjusted for any disallowed wash-sale loss
 * @param acquired  trade date of the purchase (or the tacked date after a wash sale)
 */
public record TaxLot(LotId id, Symbol symbol, BigDecimal quantity, BigDecimal costBasis, LocalDate acquired) {

    public TaxLot {
        Objects.requireNonNull(id, "lot id");
        Objects.requireNonNull(symbol, () -> "lot " + id + ": symbol");
        Objects.requireNonNull(quantity, () -> "lot " + id + ": quantity");
        Objects.requireNonNull(costBasis, () -> "lot " + id + ": cost basis");
        Objects.requireNonNull(acquired, () -> "lot " + id + ": acquisition date");
        if (quantity.signum() <= 0) {
            throw new InvalidBookException("lot " + id + " (" + symbol + "): quantity "
                    + quantity.toPlainString() + " must be positive");
        }
        if (costBasis.signum() < 0) {
            throw new InvalidBookException("lot " + id + " (" + symbol + "): cost basis "
                    + costBasis.toPlainString() + " must not be negative");
        }
    }
}
