package io.flushdb.driver.jdbc;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.error.MySqlException;
import io.flushdb.sql.exec.SqlWarning;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLWarning;
import java.util.List;

/**
 * The driver's one conversion of failures into {@link SQLException}s (STYLE §2.7). A
 * {@link MySqlException} keeps its MySQL error code, SQLSTATE and message and becomes the cause;
 * the subclass is chosen by the SQLSTATE class, as Connector/J and H2 do:
 *
 * <table>
 *   <caption>SQLSTATE class to exception class</caption>
 *   <tr><th>SQLSTATE</th><th>exception</th></tr>
 *   <tr><td>08xxx</td><td>SQLNonTransientConnectionException</td></tr>
 *   <tr><td>0Axxx</td><td>SQLFeatureNotSupportedException</td></tr>
 *   <tr><td>22xxx</td><td>SQLDataException</td></tr>
 *   <tr><td>23xxx</td><td>SQLIntegrityConstraintViolationException</td></tr>
 *   <tr><td>40xxx, and error 1205 (lock wait timeout)</td><td>SQLTransactionRollbackException (a
 *       SQLTransientException)</td></tr>
 *   <tr><td>42xxx</td><td>SQLSyntaxErrorException</td></tr>
 *   <tr><td>others</td><td>SQLException</td></tr>
 * </table>
 *
 * MySQL sends SQLSTATE HY000 with error 1205; Connector/J rewrites that state to 40001 (its table
 * of SQL:1999 states for errors the server reports as HY000) and throws a
 * {@code MySQLTransactionRollbackException}, so a retry loop that tests for 40001, or catches
 * {@link java.sql.SQLTransientException}, sees both deadlocks and lock wait timeouts. We do the
 * same, since that is what an application sees with MySQL; the differential scripts check it
 * ({@code concurrency/locking_reads.test}).
 *
 * <p>Errors the driver raises itself (closed objects, bad arguments, unsupported features) carry
 * vendor code 0 and the SQLSTATE Connector/J uses for the same situation.
 */
public final class SqlExceptions {
    /** Connector/J's SQLSTATE for an illegal argument (bad index, bad value). */
    static final String ILLEGAL_ARGUMENT = "S1009";
    /** Connector/J's SQLSTATE for an unknown column label. */
    static final String COLUMN_NOT_FOUND = "S0022";
    static final String GENERAL_ERROR = "HY000";
    /** Connector/J's SQLSTATE for a lock wait timeout: serialization failure, transaction rolled back. */
    static final String TRANSACTION_ROLLBACK = "40001";
    static final String CONNECTION_CLOSED = "08003";
    static final String NOT_SUPPORTED = "0A000";
    static final String PARAMETER_NOT_SET = "07001";
    static final String INVALID_CAST = "22018";
    static final String OUT_OF_RANGE = "22003";
    static final String INVALID_DATETIME = "22007";

    private SqlExceptions() {
    }

    /** The JDBC exception for a failed statement. */
    public static SQLException translate(MySqlException e) {
        return create(e.getMessage(), e.sqlState(), e.code(), e);
    }

    /** An exception of the subclass {@code sqlState}'s class calls for. */
    public static SQLException create(String message, String sqlState, int code, Throwable cause) {
        if (code == MySqlError.ER_LOCK_WAIT_TIMEOUT.code && sqlState.equals(GENERAL_ERROR)) {
            sqlState = TRANSACTION_ROLLBACK; // as Connector/J reports it
        }
        SQLException ex;
        if (code == MySqlError.ER_LOCK_WAIT_TIMEOUT.code || sqlState.startsWith("40")) {
            ex = new SQLTransactionRollbackException(message, sqlState, code);
        } else if (sqlState.startsWith("08")) {
            ex = new SQLNonTransientConnectionException(message, sqlState, code);
        } else if (sqlState.startsWith("0A")) {
            ex = new SQLFeatureNotSupportedException(message, sqlState, code);
        } else if (sqlState.startsWith("22")) {
            ex = new SQLDataException(message, sqlState, code);
        } else if (sqlState.startsWith("23")) {
            ex = new SQLIntegrityConstraintViolationException(message, sqlState, code);
        } else if (sqlState.startsWith("42")) {
            ex = new SQLSyntaxErrorException(message, sqlState, code);
        } else {
            ex = new SQLException(message, sqlState, code);
        }
        if (cause != null) {
            ex.initCause(cause);
        }
        return ex;
    }

    /** A driver-side error (vendor code 0). */
    static SQLException client(String message, String sqlState) {
        return create(message, sqlState, 0, null);
    }

    static SQLException illegalArgument(String message) {
        return client(message, ILLEGAL_ARGUMENT);
    }

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by FlushDB", NOT_SUPPORTED);
    }

    /** Refuses a negative size, count or timeout: "{@code what} must be >= 0: {@code value}". */
    static void checkNonNegative(long value, String what) throws SQLException {
        if (value < 0) {
            throw illegalArgument(what + " must be >= 0: " + value);
        }
    }

    /** The 0-based index of a LOB's 1-based position {@code pos}, which may be at most {@code length + 1}. */
    static int lobIndex(long pos, int length) throws SQLException {
        if (pos < 1 || pos > length + 1L) {
            throw illegalArgument("Position " + pos + " is out of range 1.." + (length + 1));
        }
        return (int) (pos - 1);
    }

    /** Checks that {@code offset} and {@code len} select a part of a source of {@code size}. */
    static void checkSlice(int offset, int len, int size, String what) throws SQLException {
        if (offset < 0 || len < 0 || offset + len > size) {
            throw illegalArgument("Offset " + offset + " and length " + len + " do not fit the " + what);
        }
    }

    /**
     * MySQL warnings as a JDBC chain: the message and code as SHOW WARNINGS gives them, and the
     * SQLSTATE of the MySQL error with that code (HY000 when FlushDB does not know it), as
     * Connector/J derives it. Null for no warnings.
     */
    static SQLWarning warnings(List<SqlWarning> warnings) {
        SQLWarning first = null;
        for (SqlWarning w : warnings) {
            SQLWarning next = new SQLWarning(w.message(), stateOf(w.code()), w.code());
            if (first == null) {
                first = next;
            } else {
                first.setNextWarning(next);
            }
        }
        return first;
    }

    private static String stateOf(int code) {
        for (MySqlError e : MySqlError.values()) {
            if (e.code == code) {
                return e.sqlState;
            }
        }
        return GENERAL_ERROR;
    }
}
