package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

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
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlExceptionsTest {

    @ParameterizedTest
    @CsvSource({
        "ER_NO_SUCH_TABLE, java.sql.SQLSyntaxErrorException",
        "ER_PARSE_ERROR, java.sql.SQLSyntaxErrorException",
        "ER_BAD_FIELD_ERROR, java.sql.SQLSyntaxErrorException",
        "ER_DUP_ENTRY, java.sql.SQLIntegrityConstraintViolationException",
        "ER_BAD_NULL_ERROR, java.sql.SQLIntegrityConstraintViolationException",
        "ER_LOCK_DEADLOCK, java.sql.SQLTransactionRollbackException",
        "ER_LOCK_WAIT_TIMEOUT, java.sql.SQLTransactionRollbackException",
        "ER_DATA_TOO_LONG, java.sql.SQLDataException",
        "ER_TRUNCATED_WRONG_VALUE, java.sql.SQLDataException",
        "ER_DIVISION_BY_ZERO, java.sql.SQLDataException",
        "ER_DB_CREATE_EXISTS, java.sql.SQLException",
        "ER_UNKNOWN_SYSTEM_VARIABLE, java.sql.SQLException",
        "ER_READ_ONLY_TRANSACTION, java.sql.SQLException",
    })
    void mySqlErrorsMapBySqlStateClass(MySqlError error, Class<?> expected) {
        MySqlException m = error.withMessage("message of " + error);
        SQLException e = SqlExceptions.translate(m);
        assertEquals(expected, e.getClass());
        assertEquals(error.code, e.getErrorCode());
        // Connector/J reports 1205 (HY000 from the server) as 40001; see lockWaitTimeoutIsTransient...
        assertEquals(error == MySqlError.ER_LOCK_WAIT_TIMEOUT ? "40001" : error.sqlState, e.getSQLState());
        assertEquals("message of " + error, e.getMessage());
        assertSame(m, e.getCause());
    }

    @ParameterizedTest
    @CsvSource({
        "08S01, java.sql.SQLNonTransientConnectionException",
        "0A000, java.sql.SQLFeatureNotSupportedException",
        "22003, java.sql.SQLDataException",
        "23000, java.sql.SQLIntegrityConstraintViolationException",
        "40001, java.sql.SQLTransactionRollbackException",
        "42S02, java.sql.SQLSyntaxErrorException",
        "HY000, java.sql.SQLException",
        "3D000, java.sql.SQLException",
        "S1009, java.sql.SQLException",
    })
    void everySqlStateClass(String state, Class<?> expected) {
        SQLException e = SqlExceptions.create("m", state, 1234, null);
        assertEquals(expected, e.getClass());
        assertEquals(state, e.getSQLState());
        assertEquals(1234, e.getErrorCode());
    }

    @Test
    void lockWaitTimeoutIsTransientWithConnectorJsState() {
        SQLException e = SqlExceptions.translate(MySqlError.ER_LOCK_WAIT_TIMEOUT.raise());
        assertEquals(1205, e.getErrorCode());
        assertEquals("40001", e.getSQLState(), "Connector/J rewrites MySQL's HY000 for 1205 to 40001");
        assertEquals(SQLTransactionRollbackException.class, e.getClass());
        assertEquals(true, e instanceof SQLTransientException);
        assertEquals("Lock wait timeout exceeded; try restarting transaction", e.getMessage());
    }

    @Test
    void formattedMessagesAreKept() {
        SQLException e = SqlExceptions.translate(MySqlError.ER_NO_SUCH_TABLE.raise("shop", "items"));
        assertEquals("Table 'shop.items' doesn't exist", e.getMessage());
        assertEquals(1146, e.getErrorCode());
        assertEquals("42S02", e.getSQLState());
    }

    @Test
    void unsupportedIsFeatureNotSupported() {
        SQLFeatureNotSupportedException e = SqlExceptions.unsupported("Thing");
        assertEquals("0A000", e.getSQLState());
        assertEquals("Thing is not supported by FlushDB", e.getMessage());
    }

    @Test
    void warningsBecomeAChainWithMySqlCodes() {
        SQLWarning w = SqlExceptions.warnings(List.of(new SqlWarning("Warning", 1265, "Data truncated for column 'a' at row 1"),
                new SqlWarning("Note", 1007, "Can't create database 'x'; database exists"),
                new SqlWarning("Warning", 9999, "something FlushDB does not know")));
        assertEquals(1265, w.getErrorCode());
        assertEquals("01000", w.getSQLState());
        assertEquals("Data truncated for column 'a' at row 1", w.getMessage());
        SQLWarning second = w.getNextWarning();
        assertEquals(1007, second.getErrorCode());
        assertEquals("HY000", second.getSQLState());
        assertEquals(9999, second.getNextWarning().getErrorCode());
        assertNull(second.getNextWarning().getNextWarning());
        assertNull(SqlExceptions.warnings(List.of()));
    }

    @Test
    void subclassesAreDistinct() {
        // guards the mapping table against two classes collapsing into one
        assertEquals(SQLNonTransientConnectionException.class, SqlExceptions.create("m", "08001", 0, null).getClass());
        assertEquals(SQLSyntaxErrorException.class, SqlExceptions.create("m", "42000", 0, null).getClass());
        assertEquals(SQLDataException.class, SqlExceptions.create("m", "22001", 0, null).getClass());
        assertEquals(SQLIntegrityConstraintViolationException.class, SqlExceptions.create("m", "23000", 0, null).getClass());
    }
}
