package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.CashFlow;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A scheduled or recent movement of cash: positive for a contribution, negative for a distribution. */
@Serdeable
@Schema(name = "CashFlow")
public record CashFlowJson(@Schema(example = "ACC-1002-TX") String accountId, LocalDate date,
                           @Schema(example = "-18000.00") BigDecimal amount, @Schema(example = "quarterly income distribution") String note) {

    static CashFlowJson of(CashFlow f) {
        return new CashFlowJson(f.account().value(), f.date(), Numbers.money(f.amount()), f.note());
    }
}
