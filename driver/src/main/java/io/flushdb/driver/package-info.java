/**
 * The FlushDB JDBC driver and shell. Packages: {@code jdbc} (the JDBC classes), {@code url} (parsing
 * {@code jdbc:flushdb:} URLs), {@code engine} (one engine per data directory per JVM),
 * {@code shell} (the command-line client) and {@code spring} (Spring Boot auto-configuration, loaded
 * only by Spring Boot). Depends on the {@code sql} module's public surface
 * ({@code SqlEngine}, {@code Session}, {@code StatementResult}, {@code CatalogView}); the {@code sql}
 * module knows nothing of it.
 */
package io.flushdb.driver;
