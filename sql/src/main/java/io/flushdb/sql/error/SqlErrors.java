package io.flushdb.sql.error;

import io.flushdb.storage.EngineFailedException;
import io.flushdb.storage.btree.CorruptIndexException;
import io.flushdb.storage.btree.DuplicateKeyException;
import io.flushdb.storage.dict.DictionaryException;
import io.flushdb.storage.page.CorruptPageException;
import io.flushdb.storage.row.RowTooLargeException;
import io.flushdb.storage.space.DataDirectoryInUseException;
import io.flushdb.storage.trx.LockWaitTimeoutException;

/**
 * The one boundary where failures become MySQL errors (STYLE §2.7): storage exceptions, parser and
 * planner failures and programming errors all leave the SQL layer as {@link MySqlException}s.
 */
public final class SqlErrors {
    private SqlErrors() {
    }

    public static MySqlException translate(Throwable e) {
        if (e instanceof MySqlException m) {
            return m;
        }
        if (e instanceof DuplicateKeyException d) {
            return MySqlError.ER_DUP_ENTRY.raise(DuplicateEntry.format(d.keyValues()), d.indexName());
        }
        if (e instanceof DictionaryException d) {
            return switch (d.kind()) {
                case DATABASE_EXISTS -> MySqlError.ER_DB_CREATE_EXISTS.raise(d.database());
                case NO_SUCH_DATABASE -> MySqlError.ER_BAD_DB_ERROR.raise(d.database());
                case TABLE_EXISTS -> MySqlError.ER_TABLE_EXISTS_ERROR.raise(d.object());
                case NO_SUCH_TABLE -> MySqlError.ER_NO_SUCH_TABLE.raise(d.database(), d.object());
                case INDEX_EXISTS -> MySqlError.ER_DUP_KEYNAME.raise(d.object());
                case NO_SUCH_INDEX -> MySqlError.ER_CANT_DROP_FIELD_OR_KEY.raise(d.object());
                case MISSING_TABLESPACE -> MySqlError.ER_TABLE_CORRUPT.raise(d.database(), d.object());
            };
        }
        if (e instanceof io.flushdb.storage.row.ForeignKeyException f) {
            return switch (f.kind()) {
                case NO_REFERENCED_ROW -> MySqlError.ER_NO_REFERENCED_ROW_2.raise(f.detail());
                case ROW_IS_REFERENCED -> MySqlError.ER_ROW_IS_REFERENCED_2.raise(f.detail());
                case CASCADE_TOO_DEEP -> MySqlError.ER_FK_DEPTH_EXCEEDED.raise(15);
            };
        }
        if (e instanceof LockWaitTimeoutException) {
            return new MySqlException(MySqlError.ER_LOCK_WAIT_TIMEOUT, MySqlError.ER_LOCK_WAIT_TIMEOUT.template, e);
        }
        if (e instanceof io.flushdb.storage.trx.lock.DeadlockException) {
            return new MySqlException(MySqlError.ER_LOCK_DEADLOCK, MySqlError.ER_LOCK_DEADLOCK.template, e);
        }
        if (e instanceof io.flushdb.storage.trx.lock.LockNowaitException) {
            return new MySqlException(MySqlError.ER_LOCK_NOWAIT, MySqlError.ER_LOCK_NOWAIT.template, e);
        }
        if (e instanceof RowTooLargeException) {
            return new MySqlException(MySqlError.ER_TOO_BIG_ROWSIZE, String.format(MySqlError.ER_TOO_BIG_ROWSIZE.template, 8126), e);
        }
        if (e instanceof CorruptPageException || e instanceof CorruptIndexException) {
            return new MySqlException(MySqlError.ER_GET_ERRNO, "Got error 1877 - '" + e.getMessage() + "' from storage engine", e);
        }
        if (e instanceof io.flushdb.storage.trx.TooManyTransactionsException) {
            return new MySqlException(MySqlError.ER_TOO_MANY_CONCURRENT_TRXS, MySqlError.ER_TOO_MANY_CONCURRENT_TRXS.template, e);
        }
        if (e instanceof EngineFailedException || e instanceof DataDirectoryInUseException
                || e instanceof io.flushdb.storage.log.RedoLogFailedException
                || e instanceof io.flushdb.storage.log.RedoLogCorruptException) {
            return new MySqlException(MySqlError.ER_UNKNOWN_ERROR, e.getMessage(), e);
        }
        if (e instanceof io.flushdb.storage.io.StorageIOException) {
            return new MySqlException(MySqlError.ER_GET_ERRNO, "Got error 5 - '" + e.getMessage() + "' from storage engine", e);
        }
        if (e instanceof StackOverflowError) {
            return new MySqlException(MySqlError.ER_UNKNOWN_ERROR, "Statement too deeply nested", e);
        }
        String msg = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (msg.startsWith("more than one value in agg SINGLE_VALUE")) {
            // Calcite's runtime check that a scalar sub-query gave at most one row.
            return new MySqlException(MySqlError.ER_SUBQUERY_NO_1_ROW, MySqlError.ER_SUBQUERY_NO_1_ROW.template, e);
        }
        return new MySqlException(MySqlError.ER_INTERNAL_ERROR, String.format(MySqlError.ER_INTERNAL_ERROR.template, msg), e);
    }

    /** The '...' part of "Duplicate entry '...' for key": values joined by '-', as MySQL does. */
    static final class DuplicateEntry {
        private DuplicateEntry() {
        }

        static String format(Object[] values) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    sb.append('-');
                }
                Object v = values[i];
                if (v instanceof byte[] b) {
                    sb.append(new String(b, java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    sb.append(v);
                }
            }
            return sb.toString();
        }
    }
}
