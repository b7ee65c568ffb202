package io.flushdb.driver.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * The base of the driver's JDBC objects (connection, statements, result sets, metadata, data
 * source), answering {@link Wrapper} for them all. FlushDB's objects wrap nothing, so each unwraps
 * only to itself: to its class, its JDBC interfaces and their supertypes. Anything else is refused
 * with SQLSTATE S1009, as Connector/J does.
 *
 * <p>The methods are deliberately not {@code final}: javac then gives each public subclass a public
 * bridge to them, so frameworks that reflect on the object's own class (rather than on
 * {@code java.sql.Wrapper}) can still call them from their packages.
 *
 * <p>Concurrency: stateless; safe from any thread.
 */
abstract class JdbcObject implements Wrapper {

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptions.illegalArgument("Not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
