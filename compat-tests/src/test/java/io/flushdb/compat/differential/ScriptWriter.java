package io.flushdb.compat.differential;

import java.util.List;

/**
 * Writes a {@link Script} in the {@code .test} format that {@link ScriptParser} reads. For a file
 * in canonical form (directives as {@code -- mariadb-differs:}, the ordering directive, then {@code -- params}) the
 * round trip parse-then-write gives back the same text.
 */
final class ScriptWriter {
    private ScriptWriter() {
    }

    static String write(Script script) {
        StringBuilder out = new StringBuilder();
        for (Script.Entry entry : script.entries()) {
            if (entry instanceof Script.Text text) {
                out.append(text.line()).append('\n');
            } else if (entry instanceof ScriptStatement statement) {
                writeStatement(out, statement);
            }
        }
        return out.toString();
    }

    private static void writeStatement(StringBuilder out, ScriptStatement statement) {
        if (statement.mariadbDiffers() != null) {
            out.append("-- mariadb-differs: ").append(statement.mariadbDiffers()).append('\n');
        }
        if (statement.orderDirective() != null) {
            out.append(statement.orderDirective() == RowOrder.ORDERED ? "-- ordered" : "-- unordered").append('\n');
        }
        if (!statement.parameters().isEmpty()) {
            out.append("-- params\t").append(ScriptParameter.formatAll(statement.parameters())).append('\n');
        }
        out.append(statement.sql()).append('\n');
        if (statement.expected() != null) {
            out.append(render(statement.expected(), ""));
        }
        if (statement.mariadbExpected() != null) {
            out.append(render(statement.mariadbExpected(), "mariadb "));
        }
    }

    /** One outcome block, each line ending with a newline; {@code prefix} is "" or "mariadb ". */
    static String render(Outcome outcome, String prefix) {
        StringBuilder out = new StringBuilder();
        if (outcome instanceof Outcome.UpdateCount count) {
            out.append("-- ").append(prefix).append("ok ").append(count.count()).append('\n');
            appendWarnings(out, prefix, count.warnings());
        } else if (outcome instanceof Outcome.Failure failure) {
            out.append("-- ").append(prefix).append("error ").append(failure.errorCode()).append(' ')
                    .append(failure.sqlState()).append('\n');
        } else if (outcome instanceof Outcome.ResultTable table) {
            out.append("-- ").append(prefix).append("result\n");
            out.append(header(table.columns())).append('\n');
            for (List<String> row : table.rows()) {
                out.append(row(row)).append('\n');
            }
            out.append("-- end\n");
            appendWarnings(out, prefix, table.warnings());
        } else if (outcome instanceof Outcome.Progress progress) {
            out.append("-- ").append(prefix).append(progress.blocked() ? "blocked" : "not blocked").append('\n');
        } else if (outcome instanceof Outcome.Crash crash) {
            out.append("-- (crash, never recorded) ").append(crash.description()).append('\n');
        }
        return out.toString();
    }

    private static void appendWarnings(StringBuilder out, String prefix, List<Integer> warnings) {
        if (!warnings.isEmpty()) {
            out.append("-- ").append(prefix).append("warnings");
            for (int code : warnings) {
                out.append(' ').append(code);
            }
            out.append('\n');
        }
    }

    static String header(List<Outcome.Column> columns) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(CellText.encodeLabel(columns.get(i).label())).append(':').append(columns.get(i).typeName());
        }
        return out.toString();
    }

    static String row(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            out.append(CellText.encode(values.get(i)));
        }
        return out.toString();
    }
}
