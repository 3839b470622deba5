package trimtab.engine.book;

import org.junit.jupiter.api.Test;
import trimtab.engine.TestBooks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static trimtab.engine.TestBooks.AS_OF;

class BookSnapshotTest {
    private final BookSnapshot reference = new BookSnapshot(new MarketSnapshot(AS_OF, new BigDecimal("17.25")),
            TestBooks.securities(), List.of(TestBooks.sixtyForty()), List.of(), List.of(new Restriction(Symbol.of("BND"), "pending review")));

    private static Household household(String id, Account... accounts) {
        return new Household(HouseholdId.of(id), "The " + id + " household", AdvisorId.of("ADV-01"), null,
                Optional.of(TestBooks.sixtyForty().id()), Optional.empty(), List.of(accounts), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    @Test
    void withHouseholdsKeepsTheReferenceDataAndIndexesOnlyTheHouseholdsGiven() {
        Account taxable = TestBooks.account("ACC-7-TX", AccountType.TAXABLE, "1250.75",
                TestBooks.lot("L-1", "VTI", "12", "3456.78", AS_OF.minusYears(3)));
        Household h7 = household("H-7", taxable);

        BookSnapshot book = reference.withHouseholds(List.of(h7));

        assertThat(book.households()).containsExactly(h7);
        assertThat(book.householdOf(AccountId.of("ACC-7-TX"))).containsSame(h7);
        assertThat(book.account(AccountId.of("ACC-7-TX"))).containsSame(taxable);
        assertThat(book.market().vix()).isEqualByComparingTo("17.25");
        assertThat(book.securities()).isSameAs(reference.securities());
        assertThat(book.firmRestriction(Symbol.of("BND"))).map(Restriction::reason).hasValue("pending review");
        assertThat(reference.households()).as("the reference is unchanged").isEmpty();
    }

    @Test
    void theHouseholdsGivenAreCheckedAgainstTheReferenceData() {
        Household unknownSecurity = household("H-8", TestBooks.account("ACC-8-TX", AccountType.TAXABLE, "0.00",
                TestBooks.lot("L-9", "ZZZZ", "1", "10.00", AS_OF.minusDays(40))));
        assertThatThrownBy(() -> reference.withHouseholds(List.of(unknownSecurity)))
                .isInstanceOf(InvalidBookException.class)
                .hasMessage("lot L-9 of account ACC-8-TX names security ZZZZ, which is not in the security master");

        Account shared = TestBooks.account("ACC-9-TX", AccountType.TAXABLE, "0.00");
        assertThatThrownBy(() -> reference.withHouseholds(List.of(household("H-9", shared), household("H-10", shared))))
                .isInstanceOf(InvalidBookException.class)
                .hasMessage("account ACC-9-TX belongs to more than one household");
    }
}
