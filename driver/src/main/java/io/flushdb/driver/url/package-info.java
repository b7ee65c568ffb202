/**
 * Parsing of {@code jdbc:flushdb:} URLs and connection properties
 * ({@link io.flushdb.driver.url.JdbcUrl}, {@link io.flushdb.driver.url.UrlProperties}). Pure
 * functions of the URL text and the {@code Properties}: opens nothing, touches no file.
 */
package io.flushdb.driver.url;
