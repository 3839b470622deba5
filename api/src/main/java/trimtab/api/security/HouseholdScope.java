package trimtab.api.security;

import io.micronaut.core.annotation.Nullable;
import trimtab.engine.book.AdvisorId;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The households a caller may see: the whole firm, one advisor's, or none. Anything outside the scope is
 * answered as if it did not exist (404), so that an advisor cannot learn about another advisor's clients by
 * guessing ids.
 *
 * <p>Access follows the household's current advisor (the household table), not who advised it when a run was
 * recorded: whoever looks after a household now sees its history. Queries filter with {@link #filter(String)}
 * and {@link #bind(PreparedStatement, int)}, so one statement serves every kind of caller.
 */
public final class HouseholdScope {
    public static final HouseholdScope FIRM = new HouseholdScope(null, true);
    /** For callers without a household role (the order system, an administrator): they see no household. */
    public static final HouseholdScope NONE = new HouseholdScope(null, false);

    private final @Nullable AdvisorId advisor;
    private final boolean firm;

    private HouseholdScope(@Nullable AdvisorId advisor, boolean firm) {
        this.advisor = advisor;
        this.firm = firm;
    }

    public static HouseholdScope of(AdvisorId advisor) {
        return new HouseholdScope(advisor, false);
    }

    public boolean isFirm() {
        return firm;
    }

    public Optional<AdvisorId> advisor() {
        return Optional.ofNullable(advisor);
    }

    /** Whether a household of this advisor is visible. */
    public boolean covers(@Nullable String advisorId) {
        return firm || (advisor != null && advisor.value().equals(advisorId));
    }

    /**
     * The value to bind in {@code (? IS NULL OR advisor_id = ?)}: null for the whole firm, the advisor id, or an
     * empty string (no advisor id is blank) when nothing is visible.
     */
    public @Nullable String sqlAdvisor() {
        return firm ? null : advisor == null ? "" : advisor.value();
    }

    /** The SQL condition that keeps only rows whose household, in the given column, is in scope; bind it with {@link #bind}. */
    public static String filter(String householdColumn) {
        return "(? IS NULL OR " + householdColumn + " IN (SELECT sh.household_id FROM household sh WHERE sh.advisor_id = ?))";
    }

    /** Binds the two parameters of {@link #filter(String)} from {@code index}; answers the next index. */
    public int bind(PreparedStatement statement, int index) throws SQLException {
        statement.setString(index, sqlAdvisor());
        statement.setString(index + 1, sqlAdvisor());
        return index + 2;
    }

    @Override
    public String toString() {
        return firm ? "firm" : advisor == null ? "none" : "advisor " + advisor.value();
    }
}
