/**
 * The book in MariaDB: reading it into the engine's {@code BookSnapshot} (securities with their prices on the
 * as-of date, models, the firm's restricted list, the VIX, and the selected households with everything they
 * own), and writing engine book records back as upserts. A snapshot is read in one transaction, so it is
 * consistent; a write happens in the caller's transaction, so it is all or nothing.
 */
package trimtab.api.bookstore;
