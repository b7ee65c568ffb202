package io.flushdb.reference;

/**
 * Where a running reference server is reached, and how it is stopped.
 *
 * @param jdbcUrl     a {@code jdbc:mysql:} URL for MySQL Connector/J
 * @param origin      how the server was found or started, with its startup time, for the summary
 * @param stop        stops a server this JVM started; a no-op for an existing server
 */
public record ReferenceEndpoint(String jdbcUrl, String user, String password, String origin, AutoCloseable stop) {
}
