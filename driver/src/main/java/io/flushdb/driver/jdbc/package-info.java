/**
 * The JDBC classes: {@link io.flushdb.driver.jdbc.JdbcDriver}, {@link io.flushdb.driver.jdbc.JdbcConnection},
 * statements, result sets, metadata and {@link io.flushdb.driver.jdbc.JdbcDataSource}, behaving as MySQL
 * Connector/J does with its default settings where an application can tell.
 *
 * <p>Owns: turning JDBC calls into calls on one {@code io.flushdb.sql.session.Session} per connection,
 * and engine results and failures into JDBC objects and {@code SQLException}s
 * ({@link io.flushdb.driver.jdbc.SqlExceptions}, the one place errors are converted). Never parses SQL
 * (the engine does) and never formats values itself ({@code MySqlValues} does).
 *
 * <p>Files by concept: the result set's getters are split by type family into
 * {@code NumericValues}, {@code TemporalValues}, {@code TextValues} and {@code ObjectValues}; the
 * refused update half of {@code ResultSet} is {@code ReadOnlyResultSet}; setter conversions are
 * {@code ParameterValues}; {@code DatabaseMetaData} is split into the fixed {@code MySqlCapabilities}, the
 * catalog-derived {@code CatalogResults} and {@code TypeInfo}; the {@code java.sql.Wrapper} methods every
 * JDBC object answers alike are {@code JdbcObject}'s.
 *
 * <p>Threads: application threads only. A connection serialises its own session use (its monitor);
 * statements and result sets are used by one thread at a time, as JDBC expects.
 *
 * <p>Invariants:
 * <ul>
 *   <li>J1: every failure leaves the driver as an {@code SQLException} carrying MySQL's error code and
 *       SQLSTATE (vendor code 0 for errors the driver raises itself).</li>
 *   <li>J2: an unsupported feature throws {@code SQLFeatureNotSupportedException}; nothing answers
 *       silently wrong.</li>
 *   <li>J3: closing a connection closes its statements and their result sets, rolls back an open
 *       transaction and returns its engine lease exactly once.</li>
 * </ul>
 */
package io.flushdb.driver.jdbc;
