package io.flushdb.compat.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What {@link KillDuringAutocommitTest} and its child ({@link KillDuringAutocommitMain}) share: the
 * table, the statements the child runs on it ({@link Op}), the journal lines that describe them, and
 * the model of the table those statements build.
 *
 * <p>Journal lines, one per event, tokens separated by single spaces:
 * <ul>
 *   <li>{@code P <seq> ok <op>}: statement {@code seq} is about to run and should succeed;</li>
 *   <li>{@code P <seq> fail <op>}: statement {@code seq} is about to run and should fail with a
 *       duplicate key (1062), changing nothing;</li>
 *   <li>{@code C <seq> <op>}: statement {@code seq} returned: it is committed (autocommit);</li>
 *   <li>{@code F <seq>}: statement {@code seq} failed as expected.</li>
 * </ul>
 * The child writes each line with one write and forces it before it goes on, so the journal holds
 * exactly the statements that returned, plus at most one pending statement (a {@code P} line with
 * no {@code C} or {@code F} after it), which may or may not have committed when the child died.
 *
 * <p>Notes are not written into the journal: a note is {@link Note#text() generated} from its
 * length and a seed, which the journal holds, so the model can compare whole values.
 */
final class CrashJournal {
    static final String TABLE = "t";
    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (id BIGINT PRIMARY KEY, "
            + "v VARCHAR(64) NOT NULL, n INT, note TEXT, KEY (v), UNIQUE KEY (n))";
    static final String SELECT_ALL = "SELECT id, v, n, note FROM " + TABLE + " ORDER BY id";

    /** The journal's token for SQL NULL (of {@code n} and {@code note}). */
    private static final String NULL = "\\N";
    /** Letters of notes: mostly ASCII, with 2-, 3- and 4-byte UTF-8 characters. */
    private static final String NOTE_ALPHABET =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;-_éßΩ€中";
    private static final int[] NOTE_CODE_POINTS = NOTE_ALPHABET.codePoints().toArray();
    private static final int[] NOTE_EXTRA = {0x1F600}; // an emoji: a surrogate pair in Java

    private CrashJournal() {
    }

    /** A note: {@code length} code points generated from {@code seed}. */
    record Note(int length, long seed) {
        String text() {
            SplittableRandom r = new SplittableRandom(seed);
            StringBuilder s = new StringBuilder(length + 16);
            for (int i = 0; i < length; i++) {
                int k = r.nextInt(NOTE_CODE_POINTS.length + 1);
                s.appendCodePoint(k < NOTE_CODE_POINTS.length ? NOTE_CODE_POINTS[k] : NOTE_EXTRA[0]);
            }
            return s.toString();
        }

        String token() {
            return length + ":" + Long.toHexString(seed);
        }

        static Note parse(String token) {
            if (token.equals(NULL)) {
                return null;
            }
            int colon = token.indexOf(':');
            return new Note(Integer.parseInt(token.substring(0, colon)),
                    Long.parseUnsignedLong(token.substring(colon + 1), 16));
        }
    }

    /** One row of {@code t}; {@code n} and {@code note} may be null. */
    record Row(long id, String v, Integer n, Note note) {
        Row {
            Objects.requireNonNull(v);
        }

        Row withId(long newId) {
            return new Row(newId, v, n, note);
        }

        /** The row as {@code getString} reads {@code SELECT id, v, n, note}. */
        List<String> cells() {
            return Arrays.asList(Long.toString(id), v, n == null ? null : n.toString(),
                    note == null ? null : note.text());
        }

        void format(StringBuilder out) {
            out.append(id).append(' ').append(v).append(' ').append(n == null ? NULL : n.toString()).append(' ')
                    .append(note == null ? NULL : note.token());
        }

        static Row parse(String[] t, int at) {
            return new Row(Long.parseLong(t[at]), t[at + 1], t[at + 2].equals(NULL) ? null : Integer.valueOf(t[at + 2]),
                    Note.parse(t[at + 3]));
        }
    }

    /** A statement of the child, as it changes the model. */
    sealed interface Op {
        /**
         * Applies the statement to {@code table} as it would succeed there.
         *
         * @throws IllegalStateException if the statement could not succeed on {@code table}, such
         *                               as an insert of an id that is there
         */
        void applyTo(NavigableMap<Long, Row> table);

        /** The op's journal tokens. */
        String format();

        /** Parses the tokens from {@code t[at]} on. */
        static Op parse(String[] t, int at) {
            switch (t[at]) {
                case "I" -> {
                    List<Row> rows = new ArrayList<>();
                    for (int i = at + 1; i < t.length; i += 4) {
                        rows.add(Row.parse(t, i));
                    }
                    return new Insert(rows);
                }
                case "U" -> {
                    Row r = Row.parse(t, at + 1);
                    return new Update(r.id(), r.v(), r.n(), r.note());
                }
                case "V" -> {
                    return new SetV(Long.parseLong(t[at + 1]), Long.parseLong(t[at + 2]), t[at + 3]);
                }
                case "K" -> {
                    return new Rekey(Long.parseLong(t[at + 1]), Long.parseLong(t[at + 2]));
                }
                case "D" -> {
                    return new Delete(Long.parseLong(t[at + 1]), Long.parseLong(t[at + 2]));
                }
                default -> throw new IllegalArgumentException("unknown op " + t[at]);
            }
        }
    }

    /** {@code INSERT INTO t VALUES (...), ...}. */
    record Insert(List<Row> rows) implements Op {
        @Override
        public void applyTo(NavigableMap<Long, Row> table) {
            for (Row r : rows) {
                if (table.containsKey(r.id())) {
                    throw new IllegalStateException("insert of id " + r.id() + ", which is there");
                }
                checkUniqueN(table, r.n(), r.id());
                table.put(r.id(), r);
            }
        }

        @Override
        public String format() {
            StringBuilder s = new StringBuilder("I");
            for (Row r : rows) {
                r.format(s.append(' '));
            }
            return s.toString();
        }
    }

    /** {@code UPDATE t SET v = ?, n = ?, note = ? WHERE id = ?}. */
    record Update(long id, String v, Integer n, Note note) implements Op {
        @Override
        public void applyTo(NavigableMap<Long, Row> table) {
            if (!table.containsKey(id)) {
                throw new IllegalStateException("update of id " + id + ", which is not there");
            }
            checkUniqueN(table, n, id);
            table.put(id, new Row(id, v, n, note));
        }

        @Override
        public String format() {
            StringBuilder s = new StringBuilder("U ");
            new Row(id, v, n, note).format(s);
            return s.toString();
        }
    }

    /** {@code UPDATE t SET v = ? WHERE id >= from AND id < to}: any number of rows. */
    record SetV(long from, long to, String v) implements Op {
        @Override
        public void applyTo(NavigableMap<Long, Row> table) {
            for (Row r : List.copyOf(table.subMap(from, to).values())) {
                table.put(r.id(), new Row(r.id(), v, r.n(), r.note()));
            }
        }

        @Override
        public String format() {
            return "V " + from + " " + to + " " + v;
        }
    }

    /** {@code UPDATE t SET id = to WHERE id = from}: a primary key change. */
    record Rekey(long from, long to) implements Op {
        @Override
        public void applyTo(NavigableMap<Long, Row> table) {
            Row r = table.get(from);
            if (r == null || table.containsKey(to)) {
                throw new IllegalStateException("rekey of " + from + " to " + to + " with rows " + table.keySet());
            }
            table.remove(from);
            table.put(to, r.withId(to));
        }

        @Override
        public String format() {
            return "K " + from + " " + to;
        }
    }

    /** {@code DELETE FROM t WHERE id >= from AND id < to}: any number of rows. */
    record Delete(long from, long to) implements Op {
        @Override
        public void applyTo(NavigableMap<Long, Row> table) {
            table.subMap(from, to).clear();
        }

        @Override
        public String format() {
            return "D " + from + " " + to;
        }
    }

    private static void checkUniqueN(NavigableMap<Long, Row> table, Integer n, long id) {
        if (n == null) {
            return;
        }
        for (Row other : table.values()) {
            if (other.id() != id && n.equals(other.n())) {
                throw new IllegalStateException("n " + n + " of id " + id + " is already row " + other.id() + "'s");
            }
        }
    }

    /** What a journal says: the committed statements in order, and the pending one, if any. */
    record Contents(List<Op> committed, Pending pending, int lines) {
    }

    /** The statement that was running when the child died: {@code shouldFail} if it was to fail. */
    record Pending(long seq, boolean shouldFail, Op op, String line) {
    }

    /**
     * Parses a whole journal. A last line without its newline is a write the kill cut short (or
     * never finished): it is ignored, which is right for both kinds of line (a cut {@code P} line's
     * statement never started; after a cut {@code C} line, the statement stays pending).
     *
     * @throws IllegalStateException if the lines do not follow the protocol
     */
    static Contents parse(String text, long firstSeq) {
        List<Op> committed = new ArrayList<>();
        Pending pending = null;
        long next = firstSeq;
        int end = text.lastIndexOf('\n') + 1;
        String[] lines = end == 0 ? new String[0] : text.substring(0, end - 1).split("\n", -1);
        for (String line : lines) {
            String[] t = line.split(" ");
            long seq = Long.parseLong(t[1]);
            switch (t[0]) {
                case "P" -> {
                    check(pending == null, "a P line while statement " + (pending == null ? 0 : pending.seq())
                            + " is pending: " + line);
                    check(seq == next, "statement " + seq + " where " + next + " was next: " + line);
                    check(t[2].equals("ok") || t[2].equals("fail"), line);
                    pending = new Pending(seq, t[2].equals("fail"), Op.parse(t, 3), line);
                    next++;
                }
                case "C" -> {
                    check(pending != null && pending.seq() == seq && !pending.shouldFail(),
                            "C line without its P line (" + pending + "): " + line);
                    Op op = Op.parse(t, 2);
                    check(op.equals(pending.op()), "C line differs from its P line " + pending.line() + ": " + line);
                    committed.add(op);
                    pending = null;
                }
                case "F" -> {
                    check(pending != null && pending.seq() == seq && pending.shouldFail(),
                            "F line without its P line (" + pending + "): " + line);
                    pending = null;
                }
                default -> throw new IllegalStateException("unknown journal line: " + line);
            }
        }
        return new Contents(committed, pending, lines.length);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    /** A copy of {@code table} with {@code op} applied. */
    static NavigableMap<Long, Row> with(NavigableMap<Long, Row> table, Op op) {
        NavigableMap<Long, Row> copy = new TreeMap<>(table);
        op.applyTo(copy);
        return copy;
    }
}
