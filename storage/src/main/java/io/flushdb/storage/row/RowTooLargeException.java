package io.flushdb.storage.row;

/** A row does not fit a page even with every long value moved off page (MySQL error 1118). */
public final class RowTooLargeException extends RuntimeException {
    public RowTooLargeException(String table, int size, int max) {
        super("Row size too large for " + table + ": " + size + " bytes, the maximum row size is " + max);
    }
}
