package io.flushdb.compat.differential;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs one script, statement by statement, in a fresh database on each side.
 *
 * <p>Check mode ({@link #check}): every statement runs on FlushDB (a new
 * {@code jdbc:flushdb:mem:} engine per script) and on the reference server, if any; FlushDB is
 * compared with the recorded MySQL 8.0 outcome, the reference with the outcome that applies to it
 * (the {@code -- mariadb} block of a marked statement when it is MariaDB), so drift of the
 * reference is caught as well.
 *
 * <p>Record mode ({@link #record}): every statement runs on the reference only and its outcome is
 * written into the script. The MySQL block of a statement marked {@code -- mariadb-differs} is
 * hand-written and never overwritten: on MariaDB only its {@code -- mariadb} block is recorded.
 */
final class ScriptRunner {
    private static final AtomicLong ENGINE_SEQUENCE = new AtomicLong();
    /** Lines of an outcome block shown in a problem report. */
    private static final int MAX_BLOCK_LINES = 30;

    private final ReferenceServer reference; // null: FlushDB against recordings only
    private final boolean runFlushDb;

    ScriptRunner(ReferenceServer reference, boolean runFlushDb) {
        this.reference = reference;
        this.runFlushDb = runFlushDb;
    }

    ScriptReport check(Script script) {
        ScriptReport report = new ScriptReport(script);
        try (Side flushDb = runFlushDb ? openFlushDb(script, report) : Side.ABSENT;
                Side ref = reference != null ? openReference(script, report) : Side.ABSENT) {
            for (ScriptStatement statement : script.statements()) {
                boolean counted = false;
                if (ref.sessions != null) {
                    Outcome actual = ref.sessions.run(statement);
                    if (actual != null) {
                        counted = true;
                        Outcome expected = statement.expectationFor(reference.isMariaDb());
                        String who = reference.isMariaDb() && statement.marked()
                                ? "reference (MariaDB) vs its -- mariadb block" : "reference vs recorded outcome";
                        compare(report::referenceProblem, script, statement, who, expected, actual);
                    }
                }
                if (flushDb.sessions != null) {
                    Outcome actual = flushDb.sessions.run(statement);
                    if (actual != null) {
                        counted = true;
                        compare(report::flushDbProblem, script, statement, "FlushDB vs MySQL 8.0 outcome",
                                statement.expected(), actual);
                    }
                }
                if (counted) {
                    report.statementRun();
                }
            }
            ref.reportUnreaped(script, report::referenceProblem);
            flushDb.reportUnreaped(script, report::flushDbProblem);
        }
        return report;
    }

    /** Runs {@code script} on the reference and returns it with the recorded blocks filled in. */
    Script record(Script script, ScriptReport report) {
        if (reference == null) {
            throw new IllegalStateException("record mode needs a reference server (flushdb.reference is none)");
        }
        try (Side ref = openReference(script, report)) {
            if (ref.sessions == null) {
                return script;
            }
            Script recorded = script.mapStatements(statement -> {
                Outcome actual = ref.sessions.run(statement);
                if (actual == null) {
                    return statement;
                }
                report.statementRun();
                return recordOne(script, statement, actual, reference.isMariaDb(), report);
            });
            ref.reportUnreaped(script, report::referenceProblem);
            return recorded;
        }
    }

    /**
     * The statement with {@code actual} (what the reference did) recorded into it, following the
     * marking rules: a marked statement gets {@code actual} as its {@code -- mariadb} block when the
     * reference is MariaDB, and its hand-written MySQL block is never replaced; any other statement
     * gets {@code actual} as its outcome. Changes and rule violations go to {@code report}.
     */
    static ScriptStatement recordOne(Script script, ScriptStatement statement, Outcome actual,
            boolean referenceIsMariaDb, ScriptReport report) {
        if (actual instanceof Outcome.Crash crash) {
            report.referenceProblem(location(script, statement) + " Connector/J crashed: " + crash.description());
            return statement;
        }
        Outcome recordable = withoutMessage(actual);
        if (statement.marked() && referenceIsMariaDb) {
            noteChange(report, script, statement, "-- mariadb block", statement.mariadbExpected(), recordable);
            if (statement.expected() == null) {
                report.referenceProblem(location(script, statement)
                        + " is marked '-- mariadb-differs' but has no MySQL block: write MySQL 8.0's outcome"
                        + " by hand (from its documentation) right after the statement");
            }
            return statement.withMariadbExpected(recordable);
        }
        if (statement.marked() && statement.expected() != null) {
            String difference = OutcomeComparison.difference(statement.expected(), actual, statement.rowOrder());
            if (difference != null) {
                report.referenceProblem(location(script, statement)
                        + " the MySQL reference disagrees with the hand-written MySQL block (not overwritten):\n  "
                        + difference);
            }
            return statement;
        }
        noteChange(report, script, statement, "outcome", statement.expected(), recordable);
        return statement.withExpected(recordable);
    }

    private static Outcome withoutMessage(Outcome outcome) {
        return outcome instanceof Outcome.Failure failure
                ? new Outcome.Failure(failure.errorCode(), failure.sqlState(), null) : outcome;
    }

    private static void noteChange(ScriptReport report, Script script, ScriptStatement statement, String what,
            Outcome before, Outcome after) {
        if (before == null) {
            report.note(location(script, statement) + " recorded " + what + ": " + OutcomeComparison.describe(after));
        } else {
            String difference = OutcomeComparison.difference(before, after, statement.rowOrder());
            if (difference != null) {
                report.note(location(script, statement) + " changed " + what + ": " + difference);
            }
        }
    }

    private static void compare(Consumer<String> sink, Script script, ScriptStatement statement, String who,
            Outcome expected, Outcome actual) {
        String problem = problem(script, statement, who, expected, actual);
        if (problem != null) {
            sink.accept(problem);
        }
    }

    /**
     * Null when {@code actual} agrees with {@code expected}; otherwise the report of one mismatch:
     * file:line and which comparison, the statement, expected and actual blocks (a row or column
     * diff when both are result sets), and what differs.
     */
    static String problem(Script script, ScriptStatement statement, String who, Outcome expected, Outcome actual) {
        if (expected == null) {
            return location(script, statement) + " [" + who + "]\n" + indent(statement.sql())
                    + "\n  not recorded: run record mode (-Dflushdb.record=true)";
        }
        String difference = OutcomeComparison.difference(expected, actual, statement.rowOrder());
        if (difference == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        out.append(location(script, statement)).append(" [").append(who).append("]\n");
        out.append(indent(statement.sql())).append('\n');
        boolean bothTables = expected instanceof Outcome.ResultTable && actual instanceof Outcome.ResultTable;
        if (!bothTables) {
            out.append("  expected:\n").append(block(expected)).append('\n');
            out.append("  actual:\n").append(block(actual)).append('\n');
        }
        out.append("  ").append(difference.replace("\n", "\n  "));
        return out.toString();
    }

    private static String block(Outcome outcome) {
        String text = ScriptWriter.render(outcome, "");
        if (outcome instanceof Outcome.Failure failure && failure.message() != null) {
            text = text.stripTrailing() + "    (" + failure.message() + ")\n";
        }
        String[] lines = text.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == MAX_BLOCK_LINES) {
                out.append("    ... ").append(lines.length - i).append(" more lines\n");
                break;
            }
            out.append("    ").append(lines[i]).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String indent(String sql) {
        return "    " + sql.replace("\n", "\n    ");
    }

    static String location(Script script, ScriptStatement statement) {
        return script.path() + ":" + statement.line();
    }

    private static Side openFlushDb(Script script, ScriptReport report) {
        String url = "jdbc:flushdb:mem:diff-" + ENGINE_SEQUENCE.incrementAndGet() + "-"
                + script.path().replaceAll("[^A-Za-z0-9]+", "-");
        Connection connection;
        try {
            connection = DriverManager.getConnection(url);
        } catch (SQLException | RuntimeException | LinkageError e) {
            report.flushDbProblem(script.path() + ": cannot open FlushDB at " + url + ": " + e);
            return Side.ABSENT;
        }
        for (String sql : new String[] {"CREATE DATABASE " + ReferenceServer.DATABASE, "USE " + ReferenceServer.DATABASE}) {
            Outcome outcome = StatementExecutor.execute(connection, sql);
            if (!(outcome instanceof Outcome.UpdateCount)) {
                report.flushDbProblem(script.path() + ": FlushDB setup '" + sql + "' gave "
                        + OutcomeComparison.describe(outcome));
                ScriptSessions.closeQuietly(connection);
                return Side.ABSENT;
            }
        }
        // Further sessions join the same in-memory engine, which lives while the first one is open.
        return new Side(new ScriptSessions(connection, () -> {
            Connection other = DriverManager.getConnection(url);
            try (Statement statement = other.createStatement()) {
                statement.execute("USE " + ReferenceServer.DATABASE);
            } catch (SQLException e) {
                other.close();
                throw e;
            }
            return other;
        }, false), null);
    }

    private Side openReference(Script script, ScriptReport report) {
        try {
            return new Side(new ScriptSessions(reference.openScriptSession(), reference::openJoiningSession, true),
                    reference);
        } catch (SQLException e) {
            report.referenceProblem(script.path() + ": cannot open a reference session: " + e);
            return Side.ABSENT;
        }
    }

    /**
     * A script's sessions on one side; closing them drops the script's databases on the reference,
     * through the default session once the others are closed.
     */
    private record Side(ScriptSessions sessions, ReferenceServer owner) implements AutoCloseable {
        static final Side ABSENT = new Side(null, null);

        void reportUnreaped(Script script, Consumer<String> sink) {
            if (sessions != null && !sessions.unreaped().isEmpty()) {
                sink.accept(script.path() + ": script ends with a sent statement not reaped in session(s) "
                        + sessions.unreaped());
            }
        }

        @Override
        public void close() {
            if (sessions == null) {
                return;
            }
            sessions.closeOthers();
            if (owner != null) {
                try (Statement statement = sessions.defaultConnection().createStatement()) {
                    owner.dropScriptDatabases(statement);
                } catch (SQLException e) {
                    // Dropped again before the next script.
                }
            }
            sessions.close();
        }
    }
}
