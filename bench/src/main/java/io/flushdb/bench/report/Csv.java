package io.flushdb.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled; and the
 * reverse, for the files the bench reads back ({@code --chart}).
 */
public final class Csv {

    private Csv() {
    }

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        return sb.append('\n').toString();
    }

    /**
     * The records of a whole CSV text, each a list of fields (an empty field is {@code ""}). A
     * quoted field may hold commas, doubled quotes and line breaks; a line break outside quotes
     * ({@code \n} or {@code \r\n}) ends a record; a final line break does not start an empty one.
     *
     * @throws IllegalArgumentException for a quote that is never closed, or text after a closing
     *     quote; the message names the record (1-based)
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean recordStarted = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                int close = i + 1;
                while (true) {
                    if (close >= n) {
                        throw new IllegalArgumentException("CSV record " + (records.size() + 1)
                                + ": a quoted field is never closed");
                    }
                    if (text.charAt(close) == '"') {
                        if (close + 1 < n && text.charAt(close + 1) == '"') {
                            field.append('"');
                            close += 2;
                            continue;
                        }
                        break;
                    }
                    field.append(text.charAt(close++));
                }
                i = close + 1;
                recordStarted = true;
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("CSV record " + (records.size() + 1)
                            + ": text after a closing quote");
                }
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                recordStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(record));
                record.clear();
                recordStarted = false;
            } else {
                field.append(c);
                recordStarted = true;
            }
            i++;
        }
        if (recordStarted) {
            record.add(field.toString());
            records.add(List.copyOf(record));
        }
        return records;
    }
}
