package io.flushdb.bench.timeseries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code SET GLOBAL} changes the flushing scenario makes during its run, each at a whole
 * second since the start ({@code --set}).
 *
 * <p>Syntax: comma-separated {@code SECOND:NAME=VALUE} items; an item without {@code SECOND:}
 * belongs to the second of the item before it, so
 * {@code 60:innodb_io_capacity=1000,innodb_io_capacity_max=4000,100:innodb_adaptive_flushing=OFF}
 * makes two changes at second 60 and one at 100. {@code none} is the empty schedule. Names are
 * system variable names (letters, digits, '_'); values are numbers (with MySQL's {@code K}/{@code M}/{@code G}
 * suffixes), {@code ON}/{@code OFF} and other words: letters, digits and {@code _ . + -} only, so
 * a value is never anything but a value in the statement.
 *
 * @param changes in the order they are made: by second, then as given
 */
public record SetSchedule(List<Change> changes) {

    /** {@code SET GLOBAL name = value} at {@code second}. */
    public record Change(int second, String name, String value) {
        public String assignment() {
            return name + "=" + value;
        }

        public String statement() {
            return "SET GLOBAL " + name + " = " + value;
        }
    }

    /** The length of run the {@link #DEFAULT} schedule is written for. */
    public static final int DEFAULT_SECONDS = 240;

    /**
     * The default schedule for a {@value #DEFAULT_SECONDS}-second run (scaled to other lengths
     * by {@link #scaledTo}): more I/O capacity; adaptive flushing off; on again with no low-water
     * mark; a low dirty-page limit; then a shallow LRU scan with the default I/O capacity.
     */
    public static final String DEFAULT = "60:innodb_io_capacity=1000,innodb_io_capacity_max=4000,"
            + "100:innodb_adaptive_flushing=OFF,"
            + "140:innodb_adaptive_flushing=ON,innodb_adaptive_flushing_lwm=0,"
            + "170:innodb_max_dirty_pages_pct=10,"
            + "200:innodb_lru_scan_depth=100,innodb_io_capacity=200,innodb_io_capacity_max=2000";

    public static final SetSchedule NONE = new SetSchedule(List.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.+-]+");

    public SetSchedule {
        changes = List.copyOf(changes);
    }

    /**
     * Parses {@code --set}'s value.
     *
     * @throws IllegalArgumentException naming the item that is wrong and what was expected
     */
    public static SetSchedule parse(String value) {
        String text = value.trim();
        if (text.equalsIgnoreCase("none")) {
            return NONE;
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("--set needs SECOND:NAME=VALUE[,...] or 'none'");
        }
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Integer second = null;
        for (String raw : text.split(",", -1)) {
            String item = raw.trim();
            String assignment = item;
            int colon = item.indexOf(':');
            if (colon >= 0) {
                String s = item.substring(0, colon).trim();
                try {
                    second = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--set item '" + item + "': '" + s
                            + "' is not a whole number of seconds");
                }
                if (second < 0) {
                    throw new IllegalArgumentException("--set item '" + item + "': the second must not be negative");
                }
                assignment = item.substring(colon + 1).trim();
            } else if (second == null) {
                throw new IllegalArgumentException("--set item '" + item + "': the first item needs its second,"
                        + " as in 60:innodb_io_capacity=1000");
            }
            int eq = assignment.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--set item '" + item + "': expected NAME=VALUE");
            }
            String name = assignment.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = assignment.substring(eq + 1).trim();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("--set item '" + item + "': '" + name
                        + "' is not a variable name (letters, digits, '_')");
            }
            if (!VALUE.matcher(v).matches()) {
                throw new IllegalArgumentException("--set item '" + item + "': value '" + v
                        + "' must be a number or a word (letters, digits and _ . + - only)");
            }
            if (!seen.add(second + ":" + name)) {
                throw new IllegalArgumentException("--set sets " + name + " twice at second " + second);
            }
            changes.add(new Change(second, name, v));
        }
        changes.sort(Comparator.comparingInt(Change::second)); // stable: same second keeps its order
        return new SetSchedule(changes);
    }

    /**
     * The same changes at seconds scaled by {@code seconds / fromSeconds}, rounded: the default
     * schedule keeps its shape in a shorter or longer run.
     */
    public SetSchedule scaledTo(int seconds, int fromSeconds) {
        List<Change> scaled = new ArrayList<>();
        for (Change c : changes) {
            int s = (int) Math.round((double) c.second() * seconds / fromSeconds);
            scaled.add(new Change(s, c.name(), c.value()));
        }
        return new SetSchedule(scaled);
    }

    /** The last second of the schedule, or -1 if it is empty. */
    public int lastSecond() {
        return changes.isEmpty() ? -1 : changes.get(changes.size() - 1).second();
    }

    /** The changes by second, in order. */
    public Map<Integer, List<Change>> bySecond() {
        Map<Integer, List<Change>> by = new LinkedHashMap<>();
        for (Change c : changes) {
            by.computeIfAbsent(c.second(), k -> new ArrayList<>()).add(c);
        }
        return by;
    }

    /** The distinct variable names, in order of first use. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Change c : changes) {
            if (!names.contains(c.name())) {
                names.add(c.name());
            }
        }
        return names;
    }

    /** {@code --set}'s syntax for these changes ({@code none} when empty). */
    public String text() {
        if (changes.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        int previous = -1;
        for (Change c : changes) {
            if (out.length() > 0) {
                out.append(',');
            }
            if (c.second() != previous) {
                out.append(c.second()).append(':');
                previous = c.second();
            }
            out.append(c.assignment());
        }
        return out.toString();
    }
}
