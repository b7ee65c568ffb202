package io.flushdb.driver.shell;

import java.util.List;

/**
 * Draws a result as the mysql client's table output does: {@code +---+} borders, a header row of
 * column labels, values padded to the widest one, numbers right-aligned and other values
 * left-aligned, NULL written {@code NULL}. Widths count code points. Pure: no I/O.
 */
public final class TablePrinter {
    private TablePrinter() {
    }

    /**
     * The table for {@code rows} (each an array of cells; null cells print as NULL).
     *
     * @param rightAligned per column, whether its values are numbers (right-aligned)
     */
    public static String render(List<String> labels, List<String[]> rows, boolean[] rightAligned) {
        int n = labels.size();
        int[] widths = new int[n];
        for (int i = 0; i < n; i++) {
            widths[i] = width(labels.get(i));
        }
        for (String[] row : rows) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], width(cell(row[i])));
            }
        }
        StringBuilder sb = new StringBuilder();
        String border = border(widths);
        sb.append(border);
        line(sb, labels.toArray(new String[0]), widths, new boolean[n]);
        sb.append(border);
        for (String[] row : rows) {
            line(sb, row, widths, rightAligned);
        }
        sb.append(border);
        return sb.toString();
    }

    private static String border(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.append('\n').toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] widths, boolean[] right) {
        sb.append('|');
        for (int i = 0; i < widths.length; i++) {
            String v = cell(cells[i]);
            String pad = " ".repeat(widths[i] - width(v));
            sb.append(' ').append(right[i] ? pad + v : v + pad).append(" |");
        }
        sb.append('\n');
    }

    private static String cell(String v) {
        return v == null ? "NULL" : v;
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
