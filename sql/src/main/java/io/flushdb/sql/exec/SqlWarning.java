package io.flushdb.sql.exec;

/** A warning raised by a statement, as SHOW WARNINGS lists it. */
public record SqlWarning(String level, int code, String message) {
}
