package trimtab.api.bookstore;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import trimtab.api.TestBooks;
import trimtab.api.database.Transactions;
import trimtab.api.rulesets.RuleSetsInForce;
import trimtab.engine.book.AccountId;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.Symbol;
import trimtab.engine.trigger.HouseholdTriggers;
import trimtab.engine.trigger.TriggerHit;
import trimtab.engine.trigger.TriggerReport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo book written to MariaDB and read back is the same book: the same triggers fire with the same words. */
@MicronautTest(transactional = false)
class BookRoundTripTest {
    @Inject
    Transactions transactions;
    @Inject
    BookWriter writer;
    @Inject
    BookSnapshots snapshots;
    @Inject
    RuleSetsInForce rules;

    @Test
    void theDemoBookReadBackFromMariaDbTriggersExactlyAsTheYamlBookDoes() {
        BookSnapshot yaml = TestBooks.load(transactions, writer, TestBooks.demo());
        List<String> ids = yaml.households().stream().map(h -> h.id().value()).toList();
        BookSnapshot stored = snapshots.load(yaml.asOf(), HouseholdSelection.households(ids));

        assertThat(stored.households()).hasSize(yaml.households().size());
        TriggerReport fromYaml = rules.current().triggerEvaluator().evaluate(yaml);
        TriggerReport fromDb = rules.current().triggerEvaluator().evaluate(stored);
        assertThat(messages(fromDb)).isEqualTo(messages(fromYaml)).isNotEmpty();

        for (Household expected : yaml.households()) {
            Household actual = stored.household(expected.id()).orElseThrow();
            assertThat(actual.accounts()).hasSameSizeAs(expected.accounts());
            assertThat(actual.advisor()).isEqualTo(expected.advisor());
            assertThat(actual.cashFlows()).hasSameSizeAs(expected.cashFlows());
            assertThat(actual.lifeEvents()).isEqualTo(expected.lifeEvents());
            assertThat(actual.restrictions()).isEqualTo(expected.restrictions());
            expected.accounts().forEach(a -> {
                var read = actual.account(a.id()).orElseThrow();
                assertThat(read.cash()).isEqualByComparingTo(a.cash());
                assertThat(read.lots()).hasSameSizeAs(a.lots());
                assertThat(read.type()).isEqualTo(a.type());
            });
        }
    }

    @Test
    void aSnapshotCanHoldJustTheHouseholdsOwningSomeAccounts() {
        BookSnapshot yaml = TestBooks.load(transactions, writer, TestBooks.demo());
        Household first = yaml.households().get(0);
        AccountId account = first.accounts().get(0).id();
        BookSnapshot stored = snapshots.load(yaml.asOf(), HouseholdSelection.owningAccounts(List.of(account.value())));
        assertThat(stored.households()).extracting(Household::id).containsExactly(first.id());
    }

    @Test
    void pricesAreTakenAsOfTheSnapshotDate() {
        BookSnapshot yaml = TestBooks.load(transactions, writer, TestBooks.demo());
        LocalDate asOf = yaml.asOf();
        transactions.write(c -> {
            writer.price(c, "VTI", asOf.plusDays(1), new BigDecimal("301.17"));
            return null;
        });
        BookSnapshot today = snapshots.load(asOf, HouseholdSelection.households(List.of()));
        BookSnapshot tomorrow = snapshots.load(asOf.plusDays(1), HouseholdSelection.households(List.of()));
        assertThat(today.securities().find(Symbol.of("VTI")).orElseThrow().price())
                .isEqualByComparingTo(yaml.securities().find(Symbol.of("VTI")).orElseThrow().price());
        assertThat(tomorrow.securities().find(Symbol.of("VTI")).orElseThrow().price()).isEqualByComparingTo("301.17");
    }

    @Test
    void anAccountCannotMoveToAnotherHouseholdByAWrite() {
        BookSnapshot yaml = TestBooks.load(transactions, writer, TestBooks.demo());
        Household first = yaml.households().get(0);
        Household second = yaml.households().get(1);
        Household thief = new Household(second.id(), second.name(), second.advisor(), second.taxProfile(), second.model(),
                second.lastRebalance(), List.of(first.accounts().get(0)), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> transactions.write(c -> {
            writer.households(c, List.of(thief));
            return null;
        })).isInstanceOf(AccountOwnershipException.class)
                .hasMessage("account " + first.accounts().get(0).id() + " belongs to household " + first.id() + ", not " + second.id());
        assertThat(snapshots.load(yaml.asOf(), HouseholdSelection.households(List.of(second.id().value())))
                .household(HouseholdId.of(second.id().value())).orElseThrow().accounts())
                .hasSameSizeAs(second.accounts());
    }

    private static List<String> messages(TriggerReport report) {
        return report.households().stream().flatMap((HouseholdTriggers h) -> h.hits().stream())
                .map((TriggerHit hit) -> hit.household() + " " + hit.ruleId() + " " + hit.explanation().message()).sorted().toList();
    }
}
