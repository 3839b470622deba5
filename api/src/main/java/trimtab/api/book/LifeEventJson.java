package trimtab.api.book;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import trimtab.engine.book.LifeEvent;

import java.time.LocalDate;

/** An event in the client's life, past or expected, that calls for a review of the plan. */
@Serdeable
@Schema(name = "LifeEvent")
public record LifeEventJson(
        @Schema(allowableValues = {"RETIREMENT", "INHERITANCE", "DEATH_OF_SPOUSE", "DIVORCE", "MARRIAGE", "JOB_CHANGE", "BIRTH_OF_CHILD"})
        String type,
        LocalDate date,
        String note) {

    static LifeEventJson of(LifeEvent e) {
        return new LifeEventJson(e.type().name(), e.date(), e.note());
    }
}
