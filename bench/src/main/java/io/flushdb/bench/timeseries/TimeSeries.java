package io.flushdb.bench.timeseries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A table of samples taken once a second: named numeric columns, one {@link Row} per sample
 * keyed by its second since the start, and the events (for the flushing scenario, the SET
 * GLOBAL changes) that happened at a second. A value may be absent: the database did not report
 * that figure (a counter it lacks, a rate with no previous sample).
 *
 * <p>Not thread-safe: the recorder fills it on its own thread and hands it over when it ends.
 */
public final class TimeSeries {

    /**
     * One sample.
     *
     * @param second the second since the start whose deadline the sample was taken at (0: the
     *     baseline taken at the start)
     * @param values the values present, by column; an absent value has no entry
     * @param events what happened right after this sample was taken, or {@code ""}
     */
    public record Row(int second, Map<String, Double> values, String events) {

        public Row {
            values = Collections.unmodifiableMap(new HashMap<>(values));
            events = events == null ? "" : events;
            for (Map.Entry<String, Double> e : values.entrySet()) {
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("column " + e.getKey() + ": absent values have no entry");
                }
            }
        }

        /** The value of {@code column}, or null if absent. */
        public Double get(String column) {
            return values.get(column);
        }

        public boolean has(String column) {
            return values.containsKey(column);
        }
    }

    /** Something that happened at {@code second} (right after that second's sample). */
    public record Event(int second, String text) {
    }

    private final List<String> columns;
    private final List<Row> rows = new ArrayList<>();

    public TimeSeries(List<String> columns) {
        if (new LinkedHashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("duplicate column in " + columns);
        }
        this.columns = List.copyOf(columns);
    }

    /** The numeric columns, in order (without {@code second} and {@code events}). */
    public List<String> columns() {
        return columns;
    }

    /** Adds a row; seconds must ascend. */
    public void add(Row row) {
        if (!rows.isEmpty() && row.second() <= rows.get(rows.size() - 1).second()) {
            throw new IllegalArgumentException("second " + row.second() + " after second "
                    + rows.get(rows.size() - 1).second());
        }
        for (String column : row.values().keySet()) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException("unknown column " + column);
            }
        }
        rows.add(row);
    }

    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The last row's second, or 0 if there is none. */
    public int lastSecond() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).second();
    }

    /** The seconds of the rows, as the x values of a chart. */
    public double[] seconds() {
        double[] x = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rows.get(i).second();
        }
        return x;
    }

    /** The values of {@code column}, one per row, NaN where absent. */
    public double[] column(String column) {
        double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            Double v = rows.get(i).get(column);
            y[i] = v == null ? Double.NaN : v;
        }
        return y;
    }

    /** Whether any row has a value for {@code column}. */
    public boolean present(String column) {
        for (Row r : rows) {
            if (r.has(column)) {
                return true;
            }
        }
        return false;
    }

    /** The rows' events, in order. */
    public List<Event> events() {
        List<Event> events = new ArrayList<>();
        for (Row r : rows) {
            if (!r.events().isEmpty()) {
                events.add(new Event(r.second(), r.events()));
            }
        }
        return events;
    }
}
