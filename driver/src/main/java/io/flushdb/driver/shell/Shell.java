package io.flushdb.driver.shell;

import io.flushdb.driver.jdbc.JdbcDriver;
import io.flushdb.driver.jdbc.JdbcResultSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The FlushDB command-line shell, the runnable jar's main class, in the manner of the mysql client:
 * <pre>
 *   java -jar flushdb.jar [jdbc-url | datadir] [-e "SQL; SQL; ..."] [--help]
 * </pre>
 * Without a URL it opens {@code jdbc:flushdb:./flushdb-data}; an argument not starting with
 * {@code jdbc:} is a data directory (or {@code mem:name}). With {@code -e} it runs the statements,
 * prints their output and exits with status 1 at the first error (0 otherwise). Otherwise it reads
 * statements from standard input: from a terminal interactively (prompts, errors reported and
 * skipped, {@code quit}, {@code exit}, {@code \q} or end of input to leave); from a pipe or file as a
 * script, stopping with status 1 at the first error, as {@code mysql < script.sql} does.
 *
 * <p>Results print as {@link TablePrinter} tables followed by MySQL's summary lines ("3 rows in set
 * (0.00 sec)", "Query OK, 1 row affected (0.01 sec)"); errors print to standard error as
 * {@code ERROR 1146 (42S02): Table 'shop.items' doesn't exist}.
 */
public final class Shell {
    static final String DEFAULT_URL = "jdbc:flushdb:./flushdb-data";
    static final String PROMPT = "flushdb> ";
    private static final Pattern USE = Pattern.compile("(?is)use\\s+.*");

    private final PrintStream out;
    private final PrintStream err;

    Shell(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err, System.console() != null);
        System.exit(status);
    }

    /**
     * The shell's whole run, with its streams given; returns the exit status (0 success, 1 an SQL
     * or connection error, 2 bad command-line arguments).
     *
     * @param interactive read standard input as a terminal session (prompts, keep going after errors)
     */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        ShellOptions options;
        try {
            options = ShellOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            err.println(ShellOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(ShellOptions.USAGE);
            return 0;
        }
        Shell shell = new Shell(out, err);
        try (Connection connection = connect(options.url())) {
            if (options.execute() != null) {
                return shell.runScript(connection, StatementSplitter.split(options.execute()), false) ? 0 : 1;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return interactive ? shell.interactive(connection, reader) : shell.batch(connection, reader);
        } catch (SQLException e) {
            shell.printError(e);
            return 1;
        } catch (IOException e) {
            err.println("ERROR: reading standard input failed: " + e.getMessage());
            return 1;
        }
    }

    private static Connection connect(String url) throws SQLException {
        Connection c = new JdbcDriver().connect(url, new Properties());
        if (c == null) {
            throw new SQLException("Not a FlushDB URL: " + url + " (expected jdbc:flushdb:<datadir> or "
                    + "jdbc:flushdb:mem:<name>)", "08001", 0);
        }
        return c;
    }

    /** Runs statements in order; stops at the first error (reported) when not {@code keepGoing}. */
    private boolean runScript(Connection connection, List<String> statements, boolean keepGoing) {
        boolean ok = true;
        for (String sql : statements) {
            if (!execute(connection, sql, false)) {
                ok = false;
                if (!keepGoing) {
                    return false;
                }
            }
        }
        return ok;
    }

    private int batch(Connection connection, BufferedReader reader) throws IOException {
        StatementSplitter splitter = new StatementSplitter();
        String line;
        while ((line = reader.readLine()) != null) {
            if (!splitter.hasPending() && isQuit(line)) {
                return 0;
            }
            if (!runScript(connection, splitter.feed(line + "\n"), false)) {
                return 1;
            }
        }
        String rest = splitter.remainder();
        return rest.isEmpty() || execute(connection, rest, false) ? 0 : 1;
    }

    private int interactive(Connection connection, BufferedReader reader) throws IOException {
        out.println("Welcome to the FlushDB shell. Commands end with ; (quit, exit or \\q to leave).");
        try {
            out.println("Server version: " + connection.getMetaData().getDatabaseProductVersion());
        } catch (SQLException e) {
            printError(e);
        }
        out.println("Type 'help;' or '\\h' for help. Type '\\c' to clear the current input statement.");
        out.println();
        StatementSplitter splitter = new StatementSplitter();
        while (true) {
            out.print(prompt(splitter));
            out.flush();
            String line = reader.readLine();
            if (line == null) {
                out.println("Bye");
                return 0;
            }
            String command = line.trim();
            if (!splitter.hasPending()) {
                if (isQuit(command)) {
                    out.println("Bye");
                    return 0;
                }
                if (isHelp(command)) {
                    out.println(ShellOptions.HELP);
                    continue;
                }
            }
            if (command.endsWith("\\c") && splitter.state() == StatementSplitter.State.NORMAL) {
                splitter.clear();
                continue;
            }
            for (String sql : splitter.feed(line + "\n")) {
                execute(connection, sql, true);
            }
        }
    }

    private static String prompt(StatementSplitter splitter) {
        if (!splitter.hasPending()) {
            return PROMPT;
        }
        return switch (splitter.state()) {
            case SINGLE_QUOTE -> "    '> ";
            case DOUBLE_QUOTE -> "    \"> ";
            case BACKTICK -> "    `> ";
            case BLOCK_COMMENT -> "   /*> ";
            case NORMAL -> "    -> ";
        };
    }

    private static boolean isQuit(String line) {
        String c = stripSemicolon(line);
        return c.equalsIgnoreCase("quit") || c.equalsIgnoreCase("exit") || c.equals("\\q");
    }

    private static boolean isHelp(String line) {
        String c = stripSemicolon(line);
        return c.equalsIgnoreCase("help") || c.equals("\\h") || c.equals("?");
    }

    private static String stripSemicolon(String line) {
        String c = line.trim();
        return c.endsWith(";") ? c.substring(0, c.length() - 1).trim() : c;
    }

    /** Runs one statement and prints its outcome; false if it failed (the error is printed). */
    boolean execute(Connection connection, String sql, boolean blankLineAfter) {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet rs = statement.getResultSet()) {
                    printResult(rs, statement.getWarnings(), start);
                }
            } else if (USE.matcher(sql.trim()).matches()) {
                out.println("Database changed");
            } else {
                long count = statement.getLargeUpdateCount();
                out.println("Query OK, " + count + (count == 1 ? " row" : " rows") + " affected"
                        + warnings(statement.getWarnings()) + " (" + elapsed(start) + ")");
            }
            if (blankLineAfter) {
                out.println();
            }
            return true;
        } catch (SQLException e) {
            printError(e);
            return false;
        }
    }

    private void printResult(ResultSet rs, SQLWarning warnings, long start) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> labels = new ArrayList<>(n);
        boolean[] numeric = new boolean[n];
        for (int i = 1; i <= n; i++) {
            labels.add(md.getColumnLabel(i));
            numeric[i - 1] = isNumeric(md.getColumnTypeName(i));
        }
        // The mysql client prints the server's text; JDBC's getString is Connector/J's reading of it.
        JdbcResultSet serverText = rs.isWrapperFor(JdbcResultSet.class) ? rs.unwrap(JdbcResultSet.class) : null;
        List<String[]> rows = new ArrayList<>();
        while (rs.next()) {
            String[] row = new String[n];
            for (int i = 1; i <= n; i++) {
                row[i - 1] = serverText != null ? serverText.getServerText(i) : rs.getString(i);
            }
            rows.add(row);
        }
        String timing = warnings(warnings) + " (" + elapsed(start) + ")";
        if (rows.isEmpty()) {
            out.println("Empty set" + timing);
            return;
        }
        out.print(TablePrinter.render(labels, rows, numeric));
        out.println(rows.size() + (rows.size() == 1 ? " row" : " rows") + " in set" + timing);
    }

    /** As the mysql client's IS_NUM: integer types (TINYINT(1) too), DECIMAL, FLOAT, DOUBLE and YEAR. */
    static boolean isNumeric(String typeName) {
        String t = typeName.toUpperCase(Locale.ROOT);
        return t.startsWith("TINYINT") || t.startsWith("SMALLINT") || t.startsWith("MEDIUMINT") || t.startsWith("INT")
                || t.startsWith("BIGINT") || t.startsWith("DECIMAL") || t.startsWith("FLOAT") || t.startsWith("DOUBLE")
                || t.equals("YEAR") || t.equals("BIT");
    }

    private static String warnings(SQLWarning w) {
        int count = 0;
        for (SQLWarning x = w; x != null; x = x.getNextWarning()) {
            count++;
        }
        return count == 0 ? "" : ", " + count + (count == 1 ? " warning" : " warnings");
    }

    private static String elapsed(long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return String.format(Locale.ROOT, "%.2f sec", seconds);
    }

    void printError(SQLException e) {
        err.println("ERROR " + e.getErrorCode() + " (" + e.getSQLState() + "): " + e.getMessage());
    }
}
