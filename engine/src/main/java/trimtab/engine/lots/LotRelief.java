package trimtab.engine.lots;

import java.math.BigDecimal;
import java.time.LocalDate;
import trimtab.engine.book.LotId;

/**
 * The part of one lot a sale relieves.
 *
 * @param basis    the lot's basis for these shares, to the cent (pro rata for part of a lot)
 * @param proceeds the sale's proceeds for these shares, to the cent
 * @param gain     proceeds minus basis: negative for a loss
 */
public record LotRelief(LotId lot, BigDecimal quantity, LocalDate acquired, BigDecimal basis, BigDecimal proceeds,
                        BigDecimal gain, Term term) {

    public boolean isLoss() {
        return gain.signum() < 0;
    }
}
