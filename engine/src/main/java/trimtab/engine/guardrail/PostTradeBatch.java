package trimtab.engine.guardrail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import trimtab.engine.book.BookSnapshot;
import trimtab.engine.book.Household;

/**
 * Builds the {@link OrderCheck} facts of a batch: reads each order as sent ({@link OrderReader}), then
 * plays the valid ones against their households ({@link HouseholdPlay}) — sells first, in batch order,
 * then buys — and measures every order on the state after the whole batch: positions, cash,
 * concentration, allocation and wash sales.
 *
 * <p>Reading and playing are separate steps so that the screener reads a batch once and plays it again
 * only for the households whose blocked orders leave it.
 */
final class PostTradeBatch {
    private final BookSnapshot book;
    private final OrderReader reader;

    PostTradeBatch(BookSnapshot book) {
        this(book, new SnapshotIndex());
    }

    /** @param index what is known of the snapshot already, typically kept per snapshot by the screener */
    PostTradeBatch(BookSnapshot book, SnapshotIndex index) {
        this.book = book;
        this.reader = new OrderReader(book, index);
    }

    /** Reads and plays the whole batch. */
    List<OrderCheck> checks(List<OrderRequest> orders) {
        return play(read(orders));
    }

    List<ReadOrder> read(List<OrderRequest> orders) {
        return reader.read(orders);
    }

    /**
     * One pass over (part of) a read batch: a fresh fact for each order given, the placed ones played
     * against their households. A household's outcome depends only on its own orders, so a pass may
     * leave out whole households, and leaves out the orders that will not execute.
     *
     * @param orders orders of the batch in batch order
     */
    List<OrderCheck> play(List<ReadOrder> orders) {
        List<OrderCheck> checks = new ArrayList<>(orders.size());
        // households by identity: a household record's own hash would walk all its accounts and lots
        Map<Household, List<OrderCheck>> byHousehold = new IdentityHashMap<>(orders.size());
        for (ReadOrder order : orders) {
            OrderCheck check = new OrderCheck(order);
            checks.add(check);
            if (order.placed()) {
                byHousehold.computeIfAbsent(order.household, h -> new ArrayList<>(2)).add(check);
            }
        }
        byHousehold.forEach((household, group) ->
                HouseholdPlay.play(group.get(0).order().accountBase.household(), household, group, book.asOf()));
        return checks;
    }

    /** Weekdays after {@code from} up to and including {@code to}; no exchange holidays are known. */
    static int businessDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
