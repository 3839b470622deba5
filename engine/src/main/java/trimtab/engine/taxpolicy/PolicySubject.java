package trimtab.engine.taxpolicy;

import java.math.BigDecimal;
import trimtab.engine.book.Account;
import trimtab.engine.book.Household;

/** Rule fact: one account, as the tax-policy rows see it. */
public final class PolicySubject {
    private final Household household;
    private final Account account;
    private final BigDecimal householdValue;

    public PolicySubject(Household household, Account account, BigDecimal householdValue) {
        this.household = household;
        this.account = account;
        this.householdValue = householdValue;
    }

    public String getHouseholdId() {
        return household.id().value();
    }

    public String getAccountId() {
        return account.id().value();
    }

    /** TAXABLE, TRADITIONAL_IRA, ROTH_IRA, ERISA_PLAN or TRUST. */
    public String getAccountType() {
        return account.type().name();
    }

    /** True for IRAs, Roth IRAs and ERISA plans: trades there realise no taxable gain. */
    public boolean isTaxSheltered() {
        return account.type().isTaxSheltered();
    }

    /** Market value of all the household's accounts: the segment rows test it. */
    public BigDecimal getHouseholdValue() {
        return householdValue;
    }

    /** The household's short-term (ordinary income) rate in percent, e.g. 37. */
    public BigDecimal getShortTermRatePct() {
        return household.taxProfile().shortTermRate().multiply(BigDecimal.valueOf(100));
    }

    public BigDecimal getLongTermRatePct() {
        return household.taxProfile().longTermRate().multiply(BigDecimal.valueOf(100));
    }

    @Override
    public String toString() {
        return "PolicySubject[" + getAccountId() + "]";
    }
}
