package trimtab.engine.book;

import java.time.LocalDate;
import java.util.Objects;

/** A life event recorded for a household, past or expected (a planned retirement date). */
public record LifeEvent(LifeEventType type, LocalDate date, String note) {
    public LifeEvent {
        Objects.requireNonNull(type, "life event type");
        Objects.requireNonNull(date, () -> "life event " + type + ": date");
        note = note == null ? "" : note;
    }
}
