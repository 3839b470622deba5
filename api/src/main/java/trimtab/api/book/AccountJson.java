package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.Account;
import trimtab.engine.book.ModelId;
import trimtab.engine.book.Symbol;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * A custodial account of a household. An account id belongs to one household for good.
 *
 * @param cash             uninvested cash, to the cent, not negative
 * @param fractionalShares whether the custodian accepts fractional-share orders for it
 * @param modelId          a model of the account's own; null when the household's model manages it
 * @param planMenu         for an ERISA plan, the funds the plan offers (nothing else may be bought)
 */
@Serdeable
@Schema(name = "Account")
public record AccountJson(
        @Schema(example = "ACC-1001-TX") String accountId,
        @Schema(allowableValues = {"TAXABLE", "TRADITIONAL_IRA", "ROTH_IRA", "ERISA_PLAN", "TRUST"}) String type,
        @Schema(example = "SCHWAB") String custodian,
        @Schema(example = "4210.55") BigDecimal cash,
        Boolean fractionalShares,
        String modelId,
        List<String> noBuy,
        List<String> noSell,
        @Schema(description = "ESG tags the client excludes, matched against the securities' tags") List<String> esgExclusions,
        List<String> planMenu,
        List<LotJson> lots) {

    static AccountJson of(Account a) {
        return new AccountJson(a.id().value(), a.type().name(), a.custodian(), Numbers.money(a.cash()), a.fractionalShares(),
                a.model().map(ModelId::value).orElse(null), symbols(a.noBuy()), symbols(a.noSell()),
                a.esgExclusions().stream().sorted().toList(), symbols(a.planMenu()), a.lots().stream().map(LotJson::of).toList());
    }

    private static List<String> symbols(Collection<Symbol> symbols) {
        return symbols.stream().map(Symbol::value).sorted().toList();
    }
}
