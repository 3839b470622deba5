package trimtab.engine.lots;

import java.time.LocalDate;

/** Holding period of shares sold: long-term when sold after the anniversary of their acquisition (IRS Pub. 550). */
public enum Term {
    SHORT, LONG;

    public static Term of(LocalDate acquired, LocalDate sold) {
        return sold.isAfter(acquired.plusYears(1)) ? LONG : SHORT;
    }
}
