package trimtab.engine.book;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The securities the firm knows, by symbol. */
public final class SecurityMaster {
    private final Map<Symbol, Security> bySymbol;

    public SecurityMaster(Collection<Security> securities) {
        Map<Symbol, Security> map = new LinkedHashMap<>();
        for (Security security : securities) {
            if (map.putIfAbsent(security.symbol(), security) != null) {
                throw new InvalidBookException("security " + security.symbol() + " appears twice in the security master");
            }
        }
        this.bySymbol = Map.copyOf(map);
    }

    public Optional<Security> find(Symbol symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** The security, or an error that says where the unknown symbol was used. */
    public Security require(Symbol symbol, String usedBy) {
        Security security = bySymbol.get(symbol);
        if (security == null) {
            throw new InvalidBookException(usedBy + " names security " + symbol + ", which is not in the security master");
        }
        return security;
    }

    public Collection<Security> all() {
        return bySymbol.values();
    }
}
