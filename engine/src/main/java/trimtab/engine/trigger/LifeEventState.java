package trimtab.engine.trigger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import trimtab.engine.book.HouseholdId;
import trimtab.engine.book.LifeEvent;

/** Rule fact: a life event of a household, dated relative to the evaluation date. */
public final class LifeEventState {
    private final HouseholdId household;
    private final LifeEvent event;
    private final LocalDate asOf;

    public LifeEventState(HouseholdId household, LifeEvent event, LocalDate asOf) {
        this.household = household;
        this.event = event;
        this.asOf = asOf;
    }

    public String getHouseholdId() {
        return household.value();
    }

    /** RETIREMENT, INHERITANCE, DEATH_OF_SPOUSE, DIVORCE, ... */
    public String getType() {
        return event.type().name();
    }

    /** The event type in words: "death of spouse". */
    public String getEvent() {
        return event.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    public LocalDate getDate() {
        return event.date();
    }

    /** Days since the event; negative for an expected event (a retirement date ahead). */
    public int getDaysSince() {
        return (int) ChronoUnit.DAYS.between(event.date(), asOf);
    }

    public String getNote() {
        return event.note();
    }

    @Override
    public String toString() {
        return "LifeEventState[" + getHouseholdId() + " " + getType() + " " + getDate() + "]";
    }
}
