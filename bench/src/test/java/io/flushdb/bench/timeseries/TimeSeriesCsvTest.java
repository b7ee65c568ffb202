package io.flushdb.bench.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.bench.report.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesCsvTest {

    private static TimeSeries sample() {
        TimeSeries s = new TimeSeries(List.of("elapsed_s", "log_lsn_current", "pct", "rate"));
        s.add(new TimeSeries.Row(0, Map.of("elapsed_s", 0.0, "log_lsn_current", 8619.0), ""));
        s.add(new TimeSeries.Row(1, Map.of("elapsed_s", 1.001, "log_lsn_current", 123_456_789_012.0, "pct", 37.5,
                "rate", 0.1), "innodb_io_capacity=1000, innodb_io_capacity_max=4000"));
        // A row with every value absent, and an event text with a quote.
        s.add(new TimeSeries.Row(3, Map.of(), "x=\"y\" (failed: bad, value)"));
        s.add(new TimeSeries.Row(4, Map.of("rate", -2.0, "pct", 1e-3), ""));
        return s;
    }

    @Test
    void roundTripsRowsWithAbsentValuesAndEvents(@TempDir Path dir) throws IOException {
        TimeSeries written = sample();
        Path file = dir.resolve("flushing-x.csv");
        TimeSeriesCsv.write(file, written);
        TimeSeries read = TimeSeriesCsv.read(file);
        assertEquals(written.columns(), read.columns());
        assertEquals(written.rows(), read.rows());
        assertNull(read.rows().get(0).get("pct"));
        assertFalse(read.rows().get(2).has("elapsed_s"));
        assertEquals(List.of(new TimeSeries.Event(1, "innodb_io_capacity=1000, innodb_io_capacity_max=4000"),
                new TimeSeries.Event(3, "x=\"y\" (failed: bad, value)")), read.events());
    }

    @Test
    void writesNumbersExactlyAndAbsentValuesAsEmptyCells() {
        String text = TimeSeriesCsv.text(sample());
        List<String> lines = text.lines().toList();
        assertEquals("second,elapsed_s,log_lsn_current,pct,rate,events", lines.get(0));
        assertEquals("0,0,8619,,,", lines.get(1));
        assertEquals("1,1.001,123456789012,37.5,0.1,\"innodb_io_capacity=1000, innodb_io_capacity_max=4000\"",
                lines.get(2));
        assertEquals("3,,,,,\"x=\"\"y\"\" (failed: bad, value)\"", lines.get(3));
        assertEquals("4,,,0.001,-2,", lines.get(4));
    }

    @Test
    void appenderWritesTheSameFileRowByRow(@TempDir Path dir) throws IOException {
        TimeSeries series = sample();
        Path file = dir.resolve("a.csv");
        try (TimeSeriesCsv.Appender appender = new TimeSeriesCsv.Appender(file, series.columns())) {
            assertEquals(TimeSeriesCsv.header(series.columns()), Files.readString(file));
            for (TimeSeries.Row row : series.rows()) {
                appender.append(row);
            }
        }
        assertEquals(TimeSeriesCsv.text(series), Files.readString(file));
    }

    @Test
    void refusesWhatItDidNotWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeSeriesCsv.parse("target,ops\nflushdb,5\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TimeSeriesCsv.parse("second,a,events\n1,2\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TimeSeriesCsv.parse("second,a,events\n1,many,\n"));
        assertTrue(e.getMessage().contains("column a"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeSeriesCsv.parse("second,a,events\n2,1,\n1,1,\n"));
        assertThrows(IllegalArgumentException.class, () -> TimeSeriesCsv.parse(""));
    }

    @Test
    void csvParsesQuotesLineBreaksAndEmptyFields() {
        assertEquals(List.of(List.of("a", "", "b,c", "say \"hi\""), List.of("x\ny", "")),
                Csv.parse("a,,\"b,c\",\"say \"\"hi\"\"\"\r\n\"x\ny\",\n"));
        assertEquals(List.of(List.of("last", "line")), Csv.parse("last,line"));
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("\"never closed\n"));
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("\"a\"b\n"));
        String line = Csv.line(List.of("p,q", "\"", ""));
        assertEquals(List.of(List.of("p,q", "\"", "")), Csv.parse(line));
    }
}
