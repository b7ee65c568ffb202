package io.flushdb.bench.timeseries;

import io.flushdb.bench.report.Csv;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TimeSeries} as CSV: a header {@code second,<columns...>,events}, then one line per
 * row. An absent value is an empty cell; numbers are written exactly (integers without a
 * fraction, others in their shortest decimal form, never in exponent notation), so a file reads
 * back into the same rows. Events are text, quoted when they hold a comma.
 */
public final class TimeSeriesCsv {

    static final String SECOND = "second";
    static final String EVENTS = "events";

    private TimeSeriesCsv() {
    }

    public static String header(List<String> columns) {
        List<String> fields = new ArrayList<>();
        fields.add(SECOND);
        fields.addAll(columns);
        fields.add(EVENTS);
        return Csv.line(fields);
    }

    public static String line(List<String> columns, TimeSeries.Row row) {
        List<String> fields = new ArrayList<>();
        fields.add(Integer.toString(row.second()));
        for (String column : columns) {
            Double v = row.get(column);
            fields.add(v == null ? "" : number(v));
        }
        fields.add(row.events());
        return Csv.line(fields);
    }

    /** The whole series as CSV text. */
    public static String text(TimeSeries series) {
        StringBuilder out = new StringBuilder(header(series.columns()));
        for (TimeSeries.Row row : series.rows()) {
            out.append(line(series.columns(), row));
        }
        return out.toString();
    }

    public static void write(Path file, TimeSeries series) throws IOException {
        Files.writeString(file, text(series), StandardCharsets.UTF_8);
    }

    /** {@code 12} for 12.0, {@code 0.25}, {@code 123456789012} for 1.23456789012E11. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public static TimeSeries read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV text written by {@link #text}.
     *
     * @throws IllegalArgumentException if it is not such a file: no header, a header that does
     *     not start with {@code second} and end with {@code events}, a line with a different
     *     number of fields, or a cell that is not a number; the message names the line
     */
    public static TimeSeries parse(String text) {
        List<List<String>> records = Csv.parse(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("empty file, expected a header line " + SECOND + ",...," + EVENTS);
        }
        List<String> header = records.get(0);
        if (header.size() < 2 || !header.get(0).equals(SECOND) || !header.get(header.size() - 1).equals(EVENTS)) {
            throw new IllegalArgumentException("line 1: expected a header " + SECOND + ",...," + EVENTS
                    + " (a time series written by the flushing scenario), got " + String.join(",", header));
        }
        List<String> columns = header.subList(1, header.size() - 1);
        TimeSeries series = new TimeSeries(columns);
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            int line = i + 1;
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException("line " + line + ": " + fields.size() + " fields, the header has "
                        + header.size());
            }
            int second;
            try {
                second = Integer.parseInt(fields.get(0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + line + ": second '" + fields.get(0) + "' is not a whole number");
            }
            Map<String, Double> values = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                String cell = fields.get(c + 1).trim();
                if (cell.isEmpty()) {
                    continue;
                }
                try {
                    values.put(columns.get(c), Double.parseDouble(cell));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + line + ", column " + columns.get(c) + ": '" + cell
                            + "' is not a number");
                }
            }
            series.add(new TimeSeries.Row(second, values, fields.get(fields.size() - 1)));
        }
        return series;
    }

    /** Writes the header at once and each row as it is appended, flushed, so a run cut short leaves its rows. */
    public static final class Appender implements Closeable {
        private final Writer out;
        private final List<String> columns;

        public Appender(Path file, List<String> columns) throws IOException {
            this.columns = List.copyOf(columns);
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(header(columns));
            out.flush();
        }

        public void append(TimeSeries.Row row) throws IOException {
            out.write(line(columns, row));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
