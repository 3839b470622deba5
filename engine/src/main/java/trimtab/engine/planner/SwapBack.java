package trimtab.engine.planner;

import java.math.BigDecimal;
import java.time.LocalDate;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.Symbol;

/**
 * The optional trade back from a harvest substitute to the original security, allowed once the wash-sale
 * window has passed: on or after the 31st day after the harvest.
 */
public record SwapBack(AccountId account, Symbol substitute, BigDecimal quantity, Symbol original, LocalDate notBefore) {
}
