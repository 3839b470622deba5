package trimtab.api.database;

import java.sql.SQLException;

/** What a failed statement says about itself, wherever in a chain of causes MariaDB's error sits. */
public final class SqlFailures {
    /** MariaDB's ER_DUP_ENTRY: a unique or primary key refused a row. */
    private static final int DUPLICATE_KEY = 1062;

    private SqlFailures() {
    }

    /** True when a unique or primary key refused a row (e.g. an Idempotency-Key or a username already taken). */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
