/**
 * The command-line shell of the runnable jar ({@code driver/target/flushdb.jar}), in the manner of the
 * mysql client: {@link io.flushdb.driver.shell.Shell} (the loop and output),
 * {@link io.flushdb.driver.shell.StatementSplitter} (statement boundaries), and
 * {@link io.flushdb.driver.shell.TablePrinter} (tables). It talks to FlushDB through JDBC only.
 * {@code Shell.main} is the only place the project calls {@code System.exit}.
 */
package io.flushdb.driver.shell;
