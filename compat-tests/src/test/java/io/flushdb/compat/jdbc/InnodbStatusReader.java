package io.flushdb.compat.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Status text of {@code SHOW ENGINE INNODB STATUS} the way monitoring tools read
 * MySQL's: sections by their title between two dash rules, figures by MySQL 8.0's exact line
 * formats. Knows nothing of FlushDB: every pattern is MySQL's, so a figure that is missing or
 * laid out differently fails the test that asks for it.
 */
final class InnodbStatusReader {
    /** A section title between two rules of dashes, as InnoDB prints them. */
    private static final Pattern SECTION = Pattern.compile("(?m)^-{3,}\\n([A-Z][A-Z /]+)\\n-{3,}$");
    private static final Pattern INSTANCE = Pattern.compile("(?m)^---BUFFER POOL (\\d+)$");

    /** MySQL 8.0's line formats, one group per figure. */
    static final Pattern HEADER = Pattern.compile(
            "(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} (?:0x[0-9a-f]+|0) INNODB MONITOR OUTPUT$");
    static final Pattern AVERAGES = Pattern.compile("(?m)^Per second averages calculated from the last (\\d+) seconds$");
    static final Pattern TRX_COUNTER = Pattern.compile("(?m)^Trx id counter (\\d+)$");
    static final Pattern OS_FILE = Pattern.compile("(?m)^(\\d+) OS file reads, (\\d+) OS file writes, (\\d+) OS fsyncs$");
    static final Pattern OS_FILE_RATES = Pattern.compile(
            "(?m)^(\\d+\\.\\d\\d) reads/s, (\\d+) avg bytes/read, (\\d+\\.\\d\\d) writes/s, (\\d+\\.\\d\\d) fsyncs/s$");
    static final Pattern LSN = Pattern.compile("(?m)^Log sequence number\\s+(\\d+)$");
    static final Pattern LOG_FLUSHED = Pattern.compile("(?m)^Log flushed up to\\s+(\\d+)$");
    static final Pattern PAGES_FLUSHED = Pattern.compile("(?m)^Pages flushed up to\\s+(\\d+)$");
    static final Pattern CHECKPOINT = Pattern.compile("(?m)^Last checkpoint at\\s+(\\d+)$");
    static final Pattern LOG_IOS = Pattern.compile("(?m)^(\\d+) log i/o's done, (\\d+\\.\\d\\d) log i/o's/second$");
    static final Pattern POOL_SIZE = Pattern.compile("(?m)^Buffer pool size\\s+(\\d+)$");
    static final Pattern FREE = Pattern.compile("(?m)^Free buffers\\s+(\\d+)$");
    static final Pattern DATABASE_PAGES = Pattern.compile("(?m)^Database pages\\s+(\\d+)$");
    static final Pattern OLD_PAGES = Pattern.compile("(?m)^Old database pages\\s+(\\d+)$");
    static final Pattern MODIFIED = Pattern.compile("(?m)^Modified db pages\\s+(\\d+)$");
    static final Pattern PENDING_WRITES = Pattern.compile(
            "(?m)^Pending writes: LRU (\\d+), flush list (\\d+), single page (\\d+)$");
    static final Pattern PAGES = Pattern.compile("(?m)^Pages read (\\d+), created (\\d+), written (\\d+)$");
    static final Pattern PAGE_RATES = Pattern.compile(
            "(?m)^(\\d+\\.\\d\\d) reads/s, (\\d+\\.\\d\\d) creates/s, (\\d+\\.\\d\\d) writes/s$");
    static final Pattern HIT_RATE = Pattern.compile(
            "(?m)^(?:Buffer pool hit rate (\\d+) / 1000, young-making rate (\\d+) / 1000 not (\\d+) / 1000"
                    + "|No buffer pool page gets since the last printout)$");
    static final Pattern LRU_LEN = Pattern.compile("(?m)^LRU len: (\\d+), unzip_LRU len: (\\d+)$");
    static final Pattern ROWS = Pattern.compile(
            "(?m)^Number of rows inserted (\\d+), updated (\\d+), deleted (\\d+), read (\\d+)$");
    static final Pattern ROW_RATES = Pattern.compile(
            "(?m)^(\\d+\\.\\d\\d) inserts/s, (\\d+\\.\\d\\d) updates/s, (\\d+\\.\\d\\d) deletes/s, (\\d+\\.\\d\\d) reads/s$");
    static final Pattern TRANSACTION = Pattern.compile("(?m)^---TRANSACTION (\\d+), (not started|ACTIVE (\\d+) sec)$");

    private final String text;
    private final Map<String, String> sections = new LinkedHashMap<>();

    private InnodbStatusReader(String text) {
        this.text = text;
        Matcher m = SECTION.matcher(text);
        List<int[]> bounds = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        while (m.find()) {
            titles.add(m.group(1));
            bounds.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < titles.size(); i++) {
            int end = i + 1 < titles.size() ? bounds.get(i + 1)[0] : text.length();
            sections.put(titles.get(i), text.substring(bounds.get(i)[1], end));
        }
    }

    /** Runs {@code SHOW ENGINE INNODB STATUS} and checks the row's shape: (InnoDB, "", text). */
    static InnodbStatusReader show(Connection c) throws SQLException {
        return show(c, "SHOW ENGINE INNODB STATUS");
    }

    static InnodbStatusReader show(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertEquals(3, rs.getMetaData().getColumnCount(), sql);
            assertEquals("Type", rs.getMetaData().getColumnLabel(1));
            assertEquals("Name", rs.getMetaData().getColumnLabel(2));
            assertEquals("Status", rs.getMetaData().getColumnLabel(3));
            assertTrue(rs.next(), () -> "no row from " + sql);
            assertEquals("InnoDB", rs.getString(1));
            assertEquals("", rs.getString(2));
            String status = rs.getString(3);
            assertTrue(!rs.next(), () -> "more than one row from " + sql);
            return new InnodbStatusReader(status);
        }
    }

    String text() {
        return text;
    }

    /** Section titles in the order printed. */
    List<String> sectionTitles() {
        return new ArrayList<>(sections.keySet());
    }

    /** The lines of section {@code title} (fails if there is none). */
    String section(String title) {
        String s = sections.get(title);
        if (s == null) {
            fail("no section " + title + " in:\n" + text);
        }
        return s;
    }

    boolean hasSection(String title) {
        return sections.containsKey(title);
    }

    /** Group {@code group} of the one line of {@code section} that {@code p} matches, as a number. */
    long number(String section, Pattern p, int group) {
        return Long.parseLong(match(section(section), p).group(group));
    }

    double decimal(String section, Pattern p, int group) {
        return Double.parseDouble(match(section(section), p).group(group));
    }

    static Matcher match(String in, Pattern p) {
        Matcher m = p.matcher(in);
        if (!m.find()) {
            fail("no line matching " + p.pattern() + " in:\n" + in);
        }
        return m;
    }

    /** How many lines of {@code in} match {@code p}. */
    static int count(String in, Pattern p) {
        Matcher m = p.matcher(in);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The totals of BUFFER POOL AND MEMORY: the lines before any per-instance part. */
    String bufferPoolTotals() {
        return section("BUFFER POOL AND MEMORY");
    }

    /**
     * The per-instance parts of INDIVIDUAL BUFFER POOL INFO, by instance number (empty when the
     * section is absent, as with one instance).
     */
    List<String> instances() {
        List<String> out = new ArrayList<>();
        if (!hasSection("INDIVIDUAL BUFFER POOL INFO")) {
            return out;
        }
        String s = section("INDIVIDUAL BUFFER POOL INFO");
        Matcher m = INSTANCE.matcher(s);
        List<int[]> at = new ArrayList<>();
        while (m.find()) {
            assertEquals(at.size(), Integer.parseInt(m.group(1)), "instances numbered in order");
            at.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < at.size(); i++) {
            out.add(s.substring(at.get(i)[1], i + 1 < at.size() ? at.get(i + 1)[0] : s.length()));
        }
        return out;
    }
}
