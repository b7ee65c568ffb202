package io.flushdb.sql.error;

/**
 * A statement failed with a MySQL error: code, SQLSTATE and message, as a MySQL server would send
 * them. The SQL layer converts every failure to one of these at one boundary
 * ({@link SqlErrors#translate}); the driver turns it into an {@code SQLException} subclass chosen
 * by the SQLSTATE class.
 */
public class MySqlException extends RuntimeException {
    private final int code;
    private final String sqlState;
    private final MySqlError error;

    public MySqlException(MySqlError error, String message) {
        super(message);
        this.code = error.code;
        this.sqlState = error.sqlState;
        this.error = error;
    }

    public MySqlException(MySqlError error, String message, Throwable cause) {
        super(message, cause);
        this.code = error.code;
        this.sqlState = error.sqlState;
        this.error = error;
    }

    /** MySQL's error number, e.g. 1146. */
    public int code() {
        return code;
    }

    /** The five-character SQLSTATE, e.g. "42S02". */
    public String sqlState() {
        return sqlState;
    }

    public MySqlError error() {
        return error;
    }
}
