/**
 * The server variables clients read with {@code SELECT @@name}:
 * {@link io.flushdb.sql.vars.BuiltinVariables}, a fixed, read-only set answered with MySQL 8.0's
 * defaults, the engine's startup settings and the session's own state. There is no variable
 * registry yet: {@code SET GLOBAL}/{@code SET SESSION} of these variables (other than
 * {@code autocommit} and the character set ones, which the router handles) is 1235, and
 * {@code SHOW VARIABLES} does not exist.
 *
 * <p>Owns: the names and values of these variables. Never touches: the engine's settings (they are
 * read, never changed).
 *
 * <p>Threads: any; values are computed from the session passed in.
 *
 * <p>Invariant VAR1: {@code @@global.}, {@code @@session.} and {@code @@local.} read the same
 * value, and an unknown name is 1193.
 */
package io.flushdb.sql.vars;
