package trimtab.api.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;
import trimtab.engine.book.MarketSnapshot;
import trimtab.engine.bookfile.ReferenceData;
import trimtab.rules.ShippedRules;

/**
 * A seeded, made-up advisory firm: its book of households on one date, for the demo database and for scale
 * benchmarks.
 *
 * <p>Securities, prices and models are the reference data ({@code rules/reference/}); prices are dated the book's
 * date. Everything else is drawn from the seed: a firm-wide part first (a ten-year price history, the restricted
 * list, the advisors), then each household from its own stream of draws, so that households do not depend on one
 * another and a household keeps its holdings when the book is made larger (unless it is one the firm hands a
 * must-have {@link Trait} to). The same seed gives the same book, to the cent; nothing is kept between calls.
 *
 * <p>The shape, for a demo or a benchmark: 1-5 accounts per household (taxable, IRA, Roth, trust, 401(k) with its
 * plan menu), 10-40 positions, 1-6 lots each bought over the ten years before {@code asOf}, about a third of the
 * lots at a loss (mostly bonds bought before rates rose); two households in three outside their bands for one
 * believable reason, the rest inside; distributions, contributions, life events, restrictions, investment-policy
 * ranges and recent trades on some households, so that every trigger and guardrail family has work.
 */
public final class SyntheticFirm {
    /** A calm market: no volatility trigger or circuit breaker fires. */
    public static final BigDecimal CALM_VIX = new BigDecimal("16.40");

    private SyntheticFirm() {
    }

    /** The book of {@code households} households on {@code asOf}, on the shipped reference data, with a calm VIX. */
    public static BookSnapshot generate(long seed, int households, LocalDate asOf) {
        return generate(seed, households, asOf, CALM_VIX, ShippedRules.referenceData());
    }

    /** The same, with another VIX (e.g. 31.00 to see the volatility rows act on the demo book). */
    public static BookSnapshot generate(long seed, int households, LocalDate asOf, BigDecimal vix) {
        return generate(seed, households, asOf, vix, ShippedRules.referenceData());
    }

    /** The same, on other reference data (a security master and models read elsewhere). */
    public static BookSnapshot generate(long seed, int households, LocalDate asOf, BigDecimal vix, ReferenceData reference) {
        if (households < 0) {
            throw new IllegalArgumentException("a firm cannot have " + households + " households");
        }
        Firm firm = Firm.draw(seed, households, asOf, reference);
        HouseholdGenerator generator = new HouseholdGenerator(firm);
        List<Household> book = new ArrayList<>(households);
        for (int i = 0; i < households; i++) {
            book.add(generator.generate(i));
        }
        return new BookSnapshot(new MarketSnapshot(asOf, vix), firm.universe.master(), reference.models(), book,
                firm.restrictedList);
    }
}
