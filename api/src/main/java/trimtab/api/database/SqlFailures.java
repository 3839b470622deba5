package trimtab.api.database;

import java.sql.SQLException;

/** What a failed statement says about itself, wherever in a chain of causes MariaDB's error sits. */
public final class SqlFailures {
    /** MariaDB's ER_DUP_ENTRY: a unique or primary key refused a row. */
    private static final int DUPLICATE_KEY = 1062;
    /** MariaDB's ER_LOCK_DEADLOCK: InnoDB rolled the transaction back to break a cycle of lock waits. */
    private static final int DEADLOCK = 1213;

    private SqlFailures() {
    }

    /** True when a unique or primary key refused a row (e.g. an Idempotency-Key or a username already taken). */
    public static boolean isDuplicateKey(Throwable failure) {
        return hasCode(failure, DUPLICATE_KEY);
    }

    /** True when InnoDB chose this transaction as a deadlock's victim and rolled it back: running it again may work. */
    public static boolean isDeadlock(Throwable failure) {
        return hasCode(failure, DEADLOCK);
    }

    private static boolean hasCode(Throwable failure, int code) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == code) {
                return true;
            }
        }
        return false;
    }
}
