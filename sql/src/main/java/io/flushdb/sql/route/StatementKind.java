package io.flushdb.sql.route;

/** The routes a statement takes after parsing. */
public enum StatementKind {
    /** SELECT and set operations, planned by Calcite. */
    QUERY(true),
    INSERT(false),
    UPDATE(false),
    DELETE(false),
    /** CREATE/DROP DATABASE, CREATE/DROP TABLE, CREATE/DROP INDEX, TRUNCATE, ALTER. */
    DDL(false),
    /** USE db. */
    USE(false),
    /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, SET autocommit... */
    TRANSACTION(false),
    /** SHOW ..., DESCRIBE, EXPLAIN, CHECK TABLE: answered without Calcite's planner. */
    SHOW(true),
    /** SET statements. */
    SET(false);

    private final boolean returnsRows;

    StatementKind(boolean returnsRows) {
        this.returnsRows = returnsRows;
    }

    public boolean returnsRows() {
        return returnsRows;
    }
}
