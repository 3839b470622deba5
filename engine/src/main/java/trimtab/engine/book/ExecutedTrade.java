package trimtab.engine.book;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A trade already executed in one of the household's accounts: the history the wash-sale rules look
 * back over (purchases and loss sales of the last 30 days).
 *
 * @param realisedGain for a sale, the gain (negative: loss) it realised; empty for a purchase
 */
public record ExecutedTrade(AccountId account, Symbol symbol, TradeSide side, BigDecimal quantity, BigDecimal price,
                            LocalDate tradeDate, Optional<BigDecimal> realisedGain) {

    public ExecutedTrade {
        Objects.requireNonNull(account, "trade account");
        Objects.requireNonNull(symbol, () -> "trade in account " + account + ": symbol");
        Objects.requireNonNull(side, () -> "trade of " + symbol + " in account " + account + ": side");
        Objects.requireNonNull(quantity, () -> "trade of " + symbol + " in account " + account + ": quantity");
        Objects.requireNonNull(price, () -> "trade of " + symbol + " in account " + account + ": price");
        Objects.requireNonNull(tradeDate, () -> "trade of " + symbol + " in account " + account + ": date");
        realisedGain = realisedGain == null ? Optional.empty() : realisedGain;
        if (quantity.signum() <= 0 || price.signum() <= 0) {
            throw new InvalidBookException("trade of " + symbol + " in account " + account + " on " + tradeDate
                    + ": quantity and price must be positive");
        }
    }

    public boolean isLossSale() {
        return side == TradeSide.SELL && realisedGain.map(g -> g.signum() < 0).orElse(false);
    }
}
