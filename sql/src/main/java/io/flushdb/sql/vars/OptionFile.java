package io.flushdb.sql.vars;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MySQL's option-file syntax, as FlushDB reads {@code flushdb.cnf} and reads and writes
 * {@code flushdb-auto.cnf} in the data directory: {@code [group]} headers, {@code name},
 * {@code name=value} (spaces allowed around {@code =}, values optionally quoted), {@code #} and
 * {@code ;} comments, dashes and underscores alike in names, the {@code loose-} prefix (skip the
 * option if it is unknown) and {@code skip-}/{@code disable-}/{@code enable-} for booleans. Only
 * the {@code [mysqld]}, {@code [server]} and {@code [flushdb]} groups are read, as mysqld reads its
 * own groups and ignores the clients'.
 */
public final class OptionFile {
    /** One option line of a group FlushDB reads. */
    public record Option(String name, String value, boolean loose, int line) {
    }

    private OptionFile() {
    }

    /** The options of {@code text}; {@code source} names the file in errors. */
    public static List<Option> parse(String text, String source) {
        List<Option> out = new ArrayList<>();
        boolean reading = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                if (end < 0) {
                    throw error(source, lineNo, "a group header is missing its ']'");
                }
                String group = line.substring(1, end).strip().toLowerCase(Locale.ROOT);
                reading = group.equals("mysqld") || group.equals("server") || group.equals("flushdb");
                continue;
            }
            if (line.startsWith("!")) {
                throw error(source, lineNo, "!include and !includedir are not supported");
            }
            if (!reading) {
                continue;
            }
            String name;
            String value;
            int eq = line.indexOf('=');
            if (eq < 0) {
                name = line.replaceAll("\\s+[#;].*$", "").strip();
                value = null;
            } else {
                name = line.substring(0, eq).strip();
                value = value(line.substring(eq + 1).strip(), source, lineNo);
            }
            name = name.toLowerCase(Locale.ROOT).replace('-', '_');
            boolean loose = false;
            if (name.startsWith("loose_")) {
                loose = true;
                name = name.substring(6);
            }
            if (value == null) {
                if (name.startsWith("skip_") || name.startsWith("disable_")) {
                    name = name.substring(name.indexOf('_') + 1);
                    value = "OFF";
                } else if (name.startsWith("enable_")) {
                    name = name.substring(7);
                    value = "ON";
                } else {
                    value = "ON";
                }
            }
            out.add(new Option(name, value, loose, lineNo));
        }
        return out;
    }

    private static String value(String raw, String source, int line) {
        if (raw.startsWith("\"") || raw.startsWith("'")) {
            char q = raw.charAt(0);
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    sb.append(raw.charAt(++i));
                } else if (c == q) {
                    return sb.toString();
                } else {
                    sb.append(c);
                }
            }
            throw error(source, line, "a quoted value is missing its closing quote");
        }
        // An unquoted value ends at a comment that follows whitespace.
        return raw.replaceAll("\\s+[#;].*$", "").strip();
    }

    /** An option line as {@link #parse} reads it back: the value quoted when it needs to be. */
    public static String line(String name, String value) {
        boolean plain = !value.isEmpty() && value.chars().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '_' || c == '-' || c == '.' || c == ',' || c == '+' || c == ':' || c == '/');
        return name + "=" + (plain ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    private static IllegalArgumentException error(String source, int line, String what) {
        return new IllegalArgumentException(source + " line " + line + ": " + what);
    }

    // ---- files of the data directory ---------------------------------------------------------------

    /** The text of {@code name} in {@code store}, or null if there is no such file. */
    public static String read(FileStore store, String name) {
        if (!store.exists(name)) {
            return null;
        }
        FileIO f = store.open(name, false);
        try {
            long size = f.size();
            if (size > 16L << 20) {
                throw new IllegalArgumentException(name + " is larger than 16 MiB");
            }
            ByteBuffer b = ByteBuffer.allocate((int) size);
            f.read(0, b);
            return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        } finally {
            f.close();
        }
    }

    /**
     * Replaces {@code name} in {@code store} with {@code text} atomically: the text goes to a
     * temporary file that is forced before it is renamed over the old one, so a crash leaves either
     * the old file or the new one.
     */
    public static void write(FileStore store, String name, String text) {
        String tmp = name + ".tmp";
        store.delete(tmp);
        FileIO f = store.open(tmp, true);
        try {
            f.write(0, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            f.force();
        } finally {
            f.close();
        }
        store.rename(tmp, name);
    }
}
