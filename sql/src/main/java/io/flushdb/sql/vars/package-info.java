/**
 * System variables and user variables: the one registry of every system variable
 * ({@link io.flushdb.sql.vars.SystemVariables}, definitions in {@link io.flushdb.sql.vars.SystemVariable}),
 * their GLOBAL values per engine ({@link io.flushdb.sql.vars.GlobalVariables}) and SESSION values per
 * session ({@link io.flushdb.sql.vars.SessionVariables}), the SET statement
 * ({@link io.flushdb.sql.vars.SetExecutor}), reads of {@code @@x} and SHOW VARIABLES
 * ({@link io.flushdb.sql.vars.Variables}), startup values from {@code flushdb.cnf},
 * {@code flushdb-auto.cnf} and the URL ({@link io.flushdb.sql.vars.StartupVariables},
 * {@link io.flushdb.sql.vars.OptionFile}), and the generated reference page
 * ({@link io.flushdb.sql.vars.VariableDocs}).
 *
 * <p>Owns: variable definitions and values, the persisted-settings file. Drives: the engine's
 * tunables, through each definition's {@code onGlobal} action (a listener run when the value
 * changes, and once at open) — never by the engine polling values.
 *
 * <p>Threads: GLOBAL values are read lock-free and changed under GlobalVariables' lock (taken
 * before any storage latch); SESSION values are confined to the session's thread.
 *
 * <p>Invariants: VAR1 — a SET changes all of its assignments or none. VAR2 — every dynamic
 * variable with an engine action has the engine running with its stored GLOBAL value (GV1). VAR3 —
 * startup precedence is URL over persisted over flushdb.cnf over the default; an unknown name in
 * any of them is an error.
 */
package io.flushdb.sql.vars;
