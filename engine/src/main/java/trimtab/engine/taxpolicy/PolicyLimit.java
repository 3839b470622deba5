package trimtab.engine.taxpolicy;

import java.math.BigDecimal;

/** A numeric setting recorded by a tax-policy row's action, e.g. {@code PolicyLimit.gainBudget(25000)}. */
public record PolicyLimit(Kind kind, BigDecimal value) {

    public enum Kind { GAIN_BUDGET, SHORT_TERM_GAIN_CAP, HARVEST_LOSS_PCT, HARVEST_LOSS_AMOUNT }

    public static PolicyLimit gainBudget(Number amount) {
        return new PolicyLimit(Kind.GAIN_BUDGET, decimal(amount));
    }

    public static PolicyLimit shortTermGainCap(Number amount) {
        return new PolicyLimit(Kind.SHORT_TERM_GAIN_CAP, decimal(amount));
    }

    public static PolicyLimit harvestLossPct(Number pct) {
        return new PolicyLimit(Kind.HARVEST_LOSS_PCT, decimal(pct));
    }

    public static PolicyLimit harvestLossAmount(Number amount) {
        return new PolicyLimit(Kind.HARVEST_LOSS_AMOUNT, decimal(amount));
    }

    private static BigDecimal decimal(Number number) {
        return new BigDecimal(number.toString());
    }
}
