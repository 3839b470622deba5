package trimtab.engine.book;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of the security master.
 *
 * @param price     last price per share, or null when none is known (the security cannot be valued)
 * @param priceDate the date of that price, or null
 */
public record Security(Symbol symbol, String name, SecurityType type, AssetClass assetClass, String issuer,
                       String sector, Set<String> esgTags, WashSaleGroup washSaleGroup,
                       BigDecimal price, LocalDate priceDate) {

    public Security {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(type, () -> "security " + symbol + ": type");
        Objects.requireNonNull(assetClass, () -> "security " + symbol + ": asset class");
        name = name == null ? symbol.value() : name;
        issuer = issuer == null ? "" : issuer;
        sector = sector == null ? "" : sector;
        esgTags = esgTags == null ? Set.of() : Set.copyOf(esgTags);
        washSaleGroup = washSaleGroup == null ? new WashSaleGroup(symbol.value()) : washSaleGroup;
        if (price != null && price.signum() <= 0) {
            throw new InvalidBookException("security " + symbol + ": price " + price.toPlainString()
                    + " must be positive");
        }
    }

    public Optional<BigDecimal> knownPrice() {
        return Optional.ofNullable(price);
    }

    /** The price, or a clear error naming the security and where it was needed. */
    public BigDecimal requirePrice(String neededFor) {
        if (price == null) {
            throw new InvalidBookException("security " + symbol + " has no price (needed to value " + neededFor + ")");
        }
        return price;
    }

    public Security withPrice(BigDecimal newPrice, LocalDate newPriceDate) {
        return new Security(symbol, name, type, assetClass, issuer, sector, esgTags, washSaleGroup, newPrice, newPriceDate);
    }
}
