package io.flushdb.compat.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code .test} script format (described in {@code docs/compat/differential.md}).
 *
 * <p>The format is line based. Outside statements a line is blank, a {@code #} comment, or a
 * directive ({@code -- ordered}, {@code -- unordered}, {@code -- mariadb-differs: reason},
 * {@code -- params} followed by tab-separated {@code kind:value} cells: see {@link ScriptParameter})
 * for the statement that follows at once; a statement with {@code -- params} runs as a
 * {@code PreparedStatement}. Any other line starts a statement, which runs to the first line
 * that ends with {@code ;}. Right after the statement come its outcome block and, for a marked
 * statement, its {@code -- mariadb} block:
 * <pre>
 * -- ok 1                       update count
 * -- error 1062 23000           MySQL error code and SQLSTATE
 * -- result                     result set: a header of label:TYPE cells, then rows, then -- end
 * id:INT	name:VARCHAR
 * 1	a
 * -- end
 * -- warnings 1265 1366        after an ok or result block: the codes of the statement's warnings
 * -- blocked / -- not blocked  what a statement started with "send" was doing (see ScriptSessions)
 * -- mariadb ok 1 / -- mariadb error ... / -- mariadb result ... -- end
 * </pre>
 * A statement with no block after it is "not recorded" (record mode fills it in).
 */
final class ScriptParser {
    private static final Pattern OK = Pattern.compile("-- (mariadb )?ok (-?\\d+)");
    private static final Pattern ERROR = Pattern.compile("-- (mariadb )?error (\\d+) ([0-9A-Za-z]{5})");
    private static final Pattern RESULT = Pattern.compile("-- (mariadb )?result");
    private static final Pattern PROGRESS = Pattern.compile("-- (mariadb )?(not )?blocked");
    private static final Pattern WARNINGS = Pattern.compile("-- (mariadb )?warnings((?: \\d+)+)");
    private static final String END = "-- end";
    private static final Pattern MARIADB_DIFFERS = Pattern.compile("-- mariadb-differs:(.*)");
    private static final String PARAMS = "-- params\t";

    private final String path;
    private final List<String> lines;
    private int next; // index of the next unread line

    private ScriptParser(String path, String content) {
        this.path = path;
        this.lines = splitLines(content);
    }

    /** Parses {@code content}, the text of the script at {@code path} (used in messages and {@link Script#path()}). */
    static Script parse(String path, String content) {
        return new ScriptParser(path, content).parseScript();
    }

    private Script parseScript() {
        List<Script.Entry> entries = new ArrayList<>();
        while (next < lines.size()) {
            String line = lines.get(next);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                entries.add(new Script.Text(line));
                next++;
            } else {
                entries.add(parseStatementGroup());
            }
        }
        return new Script(path, entries);
    }

    /** Directives, the statement, and its outcome blocks. */
    private ScriptStatement parseStatementGroup() {
        RowOrder order = null;
        String mariadbDiffers = null;
        List<ScriptParameter> parameters = null;
        while (true) {
            String line = lines.get(next).strip();
            if (!line.startsWith("--")) {
                break;
            }
            Matcher differs = MARIADB_DIFFERS.matcher(line);
            if (line.equals("-- ordered") || line.equals("-- unordered")) {
                if (order != null) {
                    throw error(next, "two ordering directives for one statement");
                }
                order = line.equals("-- ordered") ? RowOrder.ORDERED : RowOrder.UNORDERED;
            } else if (differs.matches()) {
                String reason = differs.group(1).strip();
                if (reason.isEmpty()) {
                    throw error(next, "'-- mariadb-differs:' needs a reason");
                }
                if (mariadbDiffers != null) {
                    throw error(next, "two '-- mariadb-differs:' directives for one statement");
                }
                mariadbDiffers = reason;
            } else if (line.startsWith(PARAMS)) {
                if (parameters != null) {
                    throw error(next, "two '-- params' directives for one statement");
                }
                try {
                    parameters = ScriptParameter.parseAll(line.substring(PARAMS.length()));
                } catch (IllegalArgumentException e) {
                    throw error(next, e.getMessage());
                }
            } else if (isOutcomeLine(line)) {
                throw error(next, "outcome block without a statement before it");
            } else {
                throw error(next, "unknown directive '" + line + "' (comments start with #)");
            }
            next++;
            if (next >= lines.size() || lines.get(next).isBlank() || lines.get(next).strip().startsWith("#")) {
                throw error(next, "a directive must be followed at once by its statement");
            }
        }

        int statementLine = next + 1;
        StringBuilder sql = new StringBuilder();
        while (true) {
            if (next >= lines.size()) {
                throw error(statementLine - 1, "statement does not end with ';' at the end of a line");
            }
            String line = lines.get(next++);
            if (sql.length() > 0) {
                sql.append('\n');
            }
            sql.append(line);
            if (line.stripTrailing().endsWith(";")) {
                break;
            }
        }

        Outcome expected = null;
        Outcome mariadbExpected = null;
        if (next < lines.size() && isOutcomeLine(lines.get(next).strip()) && !isMariadbLine(lines.get(next).strip())) {
            expected = parseOutcome();
        }
        if (next < lines.size() && isMariadbLine(lines.get(next).strip())) {
            if (mariadbDiffers == null) {
                throw error(next, "a '-- mariadb' block needs a '-- mariadb-differs: reason' directive before the statement");
            }
            mariadbExpected = parseOutcome();
        }
        if (next < lines.size() && isOutcomeLine(lines.get(next).strip())) {
            throw error(next, "unexpected outcome block (one MySQL block, then at most one mariadb block)");
        }
        return new ScriptStatement(statementLine, sql.toString(), order, mariadbDiffers,
                parameters == null ? List.of() : parameters, expected, mariadbExpected);
    }

    private static boolean isOutcomeLine(String line) {
        return OK.matcher(line).matches() || ERROR.matcher(line).matches() || RESULT.matcher(line).matches()
                || PROGRESS.matcher(line).matches() || WARNINGS.matcher(line).matches()
                || line.equals(END) || line.startsWith("-- mariadb ");
    }

    private static boolean isMariadbLine(String line) {
        return line.startsWith("-- mariadb ");
    }

    private Outcome parseOutcome() {
        int at = next;
        String line = lines.get(next++).strip();
        Matcher m;
        if ((m = OK.matcher(line)).matches()) {
            return new Outcome.UpdateCount(Long.parseLong(m.group(2)), warnings(m.group(1) != null));
        }
        if ((m = ERROR.matcher(line)).matches()) {
            return new Outcome.Failure(Integer.parseInt(m.group(2)), m.group(3), null);
        }
        if ((m = RESULT.matcher(line)).matches()) {
            Outcome.ResultTable table = parseResultBody(at);
            return new Outcome.ResultTable(table.columns(), table.rows(), warnings(m.group(1) != null));
        }
        if ((m = PROGRESS.matcher(line)).matches()) {
            return new Outcome.Progress(m.group(2) == null);
        }
        throw error(at, "malformed outcome line '" + line + "'");
    }

    /**
     * The warning codes of an {@code -- [mariadb ]warnings 1265 1366} line right after the block
     * just read, if there is one with the same prefix; none otherwise.
     */
    private List<Integer> warnings(boolean mariadb) {
        if (next >= lines.size()) {
            return List.of();
        }
        Matcher m = WARNINGS.matcher(lines.get(next).strip());
        if (!m.matches() || (m.group(1) != null) != mariadb) {
            return List.of();
        }
        next++;
        List<Integer> codes = new ArrayList<>();
        for (String code : m.group(2).strip().split(" ")) {
            codes.add(Integer.parseInt(code));
        }
        return codes;
    }

    private Outcome.ResultTable parseResultBody(int resultLine) {
        if (next >= lines.size() || lines.get(next).strip().equals(END)) {
            throw error(next, "a result block starts with a header line of label:TYPE cells");
        }
        int headerLine = next;
        List<Outcome.Column> columns = new ArrayList<>();
        for (String cell : lines.get(next++).split("\t", -1)) {
            int colon = cell.lastIndexOf(':');
            if (colon < 0 || colon == cell.length() - 1) {
                throw error(headerLine, "header cell '" + cell + "' is not label:TYPE");
            }
            columns.add(new Outcome.Column(decodeLabel(headerLine, cell.substring(0, colon)), cell.substring(colon + 1)));
        }
        List<List<String>> rows = new ArrayList<>();
        while (true) {
            if (next >= lines.size()) {
                throw error(resultLine, "result block has no '-- end'");
            }
            int rowLine = next;
            String line = lines.get(next++);
            if (line.strip().equals(END)) {
                break;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != columns.size()) {
                throw error(rowLine, "row has " + cells.length + " values, header has " + columns.size() + " columns");
            }
            List<String> row = new ArrayList<>(cells.length);
            for (String cell : cells) {
                row.add(decode(rowLine, cell));
            }
            rows.add(row);
        }
        return new Outcome.ResultTable(columns, rows);
    }

    private String decode(int lineIndex, String cell) {
        try {
            return CellText.decode(cell);
        } catch (IllegalArgumentException e) {
            throw error(lineIndex, e.getMessage());
        }
    }

    private String decodeLabel(int lineIndex, String cell) {
        try {
            return CellText.decodeLabel(cell);
        } catch (IllegalArgumentException e) {
            throw error(lineIndex, e.getMessage());
        }
    }

    private ScriptFormatException error(int lineIndex, String problem) {
        return new ScriptFormatException(path, lineIndex + 1, problem);
    }

    private static List<String> splitLines(String content) {
        String normalized = content.replace("\r\n", "\n");
        List<String> result = new ArrayList<>(List.of(normalized.split("\n", -1)));
        if (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
            result.remove(result.size() - 1); // the newline that ends the last line
        }
        return result;
    }
}
