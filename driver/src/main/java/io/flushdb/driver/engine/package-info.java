/**
 * The engine registry: one {@link io.flushdb.sql.SqlEngine} per data directory (or {@code mem:}
 * name) per JVM, shared by its connections.
 *
 * <p>Owns: {@link io.flushdb.driver.engine.EngineRegistry} (opening, sharing, reference counting and
 * closing engines, and the shutdown hook), {@link io.flushdb.driver.engine.EngineLocation} (what
 * identifies one server instance) and the startup settings a URL may carry
 * ({@link io.flushdb.driver.engine.StartupSettings}: system variables by their MySQL names). Never touches JDBC
 * objects: connections hold an {@link io.flushdb.driver.engine.EngineLease}.
 *
 * <p>Threads: any application thread opening or closing a connection; the {@code flushdb-shutdown}
 * hook at JVM exit.
 */
package io.flushdb.driver.engine;
