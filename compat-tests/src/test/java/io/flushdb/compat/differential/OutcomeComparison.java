package io.flushdb.compat.differential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether an observed {@link Outcome} agrees with an expected one, and if not, says how
 * they differ in a form that makes the difference obvious.
 *
 * <p>Update counts must be equal; errors must have the same code and SQLSTATE (the message is
 * ignored); results must have the same column labels and type names and the same rows, in order
 * when the {@link RowOrder} is {@code ORDERED} and as multisets otherwise.
 */
final class OutcomeComparison {
    /** Rows shown around a difference; longer listings are cut. */
    private static final int MAX_DIFF_LINES = 40;

    private OutcomeComparison() {
    }

    /** Null when {@code actual} agrees with {@code expected}; otherwise the explanation. */
    static String difference(Outcome expected, Outcome actual, RowOrder order) {
        if (expected instanceof Outcome.UpdateCount e && actual instanceof Outcome.UpdateCount a) {
            return e.count() != a.count() ? "update count: expected " + e.count() + ", got " + a.count()
                    : warningDifference(e.warnings(), a.warnings());
        }
        if (expected instanceof Outcome.Failure e && actual instanceof Outcome.Failure a) {
            return e.sameError(a) ? null
                    : "error: expected " + e.errorCode() + " (" + e.sqlState() + "), got " + a.errorCode()
                            + " (" + a.sqlState() + ")" + message(a);
        }
        if (expected instanceof Outcome.Progress e && actual instanceof Outcome.Progress a) {
            return e.equals(a) ? null : "expected " + describe(e) + ", got " + describe(a);
        }
        if (expected instanceof Outcome.ResultTable e && actual instanceof Outcome.ResultTable a) {
            String columns = columnDifference(e.columns(), a.columns());
            if (columns != null) {
                return columns;
            }
            String rows = order == RowOrder.ORDERED ? orderedRowDifference(e.rows(), a.rows())
                    : unorderedRowDifference(e.rows(), a.rows());
            return rows != null ? rows : warningDifference(e.warnings(), a.warnings());
        }
        return "expected " + describe(expected) + ", got " + describe(actual);
    }

    /** Null when both statements gave the same warning codes in the same order. */
    private static String warningDifference(List<Integer> expected, List<Integer> actual) {
        return expected.equals(actual) ? null
                : "warnings: expected " + (expected.isEmpty() ? "none" : expected) + ", got "
                        + (actual.isEmpty() ? "none" : actual);
    }

    static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.UpdateCount count) {
            return "update count " + count.count();
        }
        if (outcome instanceof Outcome.Failure failure) {
            return "error " + failure.errorCode() + " (" + failure.sqlState() + ")" + message(failure);
        }
        if (outcome instanceof Outcome.ResultTable table) {
            return "a result set (" + table.columns().size() + " columns, " + table.rows().size() + " rows)";
        }
        if (outcome instanceof Outcome.Progress progress) {
            return progress.blocked() ? "blocked (waiting for a row lock)" : "not blocked (finished)";
        }
        if (outcome instanceof Outcome.Crash crash) {
            return "a driver crash: " + crash.description();
        }
        return "no outcome";
    }

    private static String message(Outcome.Failure failure) {
        return failure.message() == null ? "" : ": " + failure.message();
    }

    private static String columnDifference(List<Outcome.Column> expected, List<Outcome.Column> actual) {
        if (expected.equals(actual)) {
            return null;
        }
        StringBuilder out = new StringBuilder("columns differ:\n");
        out.append("    expected  ").append(ScriptWriter.header(expected)).append('\n');
        out.append("    actual    ").append(ScriptWriter.header(actual));
        if (expected.size() != actual.size()) {
            out.append("\n    (").append(expected.size()).append(" columns expected, ").append(actual.size()).append(" got)");
        } else {
            for (int i = 0; i < expected.size(); i++) {
                Outcome.Column e = expected.get(i);
                Outcome.Column a = actual.get(i);
                if (!e.equals(a)) {
                    out.append("\n    column ").append(i + 1).append(": expected ").append(CellText.encodeLabel(e.label()))
                            .append(':').append(e.typeName()).append(", got ").append(CellText.encodeLabel(a.label()))
                            .append(':').append(a.typeName());
                }
            }
        }
        return out.toString();
    }

    /**
     * Ordered rows: a line diff ({@code -} expected only, {@code +} actual only, two spaces for
     * rows both have) from the longest common subsequence.
     */
    private static String orderedRowDifference(List<List<String>> expected, List<List<String>> actual) {
        if (expected.equals(actual)) {
            return null;
        }
        List<String> e = expected.stream().map(ScriptWriter::row).toList();
        List<String> a = actual.stream().map(ScriptWriter::row).toList();
        List<String> diff = new ArrayList<>();
        if ((long) e.size() * a.size() > 4_000_000L) {
            for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
                String left = i < e.size() ? e.get(i) : null;
                String right = i < a.size() ? a.get(i) : null;
                if (left != null && left.equals(right)) {
                    diff.add("  " + left);
                } else {
                    if (left != null) {
                        diff.add("- " + left);
                    }
                    if (right != null) {
                        diff.add("+ " + right);
                    }
                }
            }
        } else {
            int[][] lcs = new int[e.size() + 1][a.size() + 1];
            for (int i = e.size() - 1; i >= 0; i--) {
                for (int j = a.size() - 1; j >= 0; j--) {
                    lcs[i][j] = e.get(i).equals(a.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < e.size() || j < a.size()) {
                if (i < e.size() && j < a.size() && e.get(i).equals(a.get(j))) {
                    diff.add("  " + e.get(i++));
                    j++;
                } else if (i < e.size() && (j == a.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    diff.add("- " + e.get(i++));
                } else {
                    diff.add("+ " + a.get(j++));
                }
            }
        }
        return "rows differ (ordered; - expected only, + actual only; " + expected.size() + " expected, "
                + actual.size() + " got):\n" + indentAndCut(diff);
    }

    /** Unordered rows: the rows one side has more often than the other. */
    private static String unorderedRowDifference(List<List<String>> expected, List<List<String>> actual) {
        Map<String, Integer> balance = new HashMap<>();
        for (List<String> row : expected) {
            balance.merge(ScriptWriter.row(row), 1, Integer::sum);
        }
        for (List<String> row : actual) {
            balance.merge(ScriptWriter.row(row), -1, Integer::sum);
        }
        List<String> diff = new ArrayList<>();
        balance.entrySet().stream()
                .filter(entry -> entry.getValue() != 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    String sign = entry.getValue() > 0 ? "- " : "+ ";
                    for (int k = 0; k < Math.abs(entry.getValue()); k++) {
                        diff.add(sign + entry.getKey());
                    }
                });
        if (diff.isEmpty()) {
            return null;
        }
        return "rows differ (unordered; - expected only, + actual only; " + expected.size() + " expected, "
                + actual.size() + " got):\n" + indentAndCut(diff);
    }

    private static String indentAndCut(List<String> lines) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String line : lines) {
            if (shown == MAX_DIFF_LINES) {
                out.append("    ... ").append(lines.size() - shown).append(" more lines\n");
                break;
            }
            out.append("    ").append(line).append('\n');
            shown++;
        }
        return out.toString().stripTrailing();
    }
}
