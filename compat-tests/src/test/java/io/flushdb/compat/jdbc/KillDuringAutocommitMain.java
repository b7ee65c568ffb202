package io.flushdb.compat.jdbc;

import io.flushdb.compat.jdbc.CrashJournal.Delete;
import io.flushdb.compat.jdbc.CrashJournal.Insert;
import io.flushdb.compat.jdbc.CrashJournal.Note;
import io.flushdb.compat.jdbc.CrashJournal.Op;
import io.flushdb.compat.jdbc.CrashJournal.Rekey;
import io.flushdb.compat.jdbc.CrashJournal.Row;
import io.flushdb.compat.jdbc.CrashJournal.SetV;
import io.flushdb.compat.jdbc.CrashJournal.Update;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The child JVM of {@link KillDuringAutocommitTest}: opens the data directory in {@code args[0]}
 * through {@code DriverManager} with the URL settings in {@code args[3..]}, creates table {@code t}
 * if needed, prints {@value CrashChild#RUNNING} and then runs autocommit statements chosen by a generator
 * seeded with {@code args[1]}, forever, journalling each in {@code args[2]} as
 * {@link CrashJournal} describes. It is meant to be killed.
 *
 * <p>It keeps its own view of the table (ids and their {@code n}), read from the table at start, so
 * that it can pick existing rows and free or taken values. A statement that does not do what the
 * view says (a wrong update count, an unexpected error or an unexpected success) ends it with exit
 * status 5 and the reason on standard error.
 */
public final class KillDuringAutocommitMain {
    /** Ids are drawn from 1 to this. */
    private static final int ID_SPACE = 4_000;
    /** Inserts thin out as the table nears this many rows. */
    private static final int TARGET_ROWS = 1_200;

    private final Connection c;
    private final SplittableRandom random;
    private final FileChannel journal;
    /** id → n (null for NULL) of every row. */
    private final TreeMap<Long, Integer> rows = new TreeMap<>();
    /** n → id of every row with a non-NULL n. */
    private final Map<Integer, Long> byN = new HashMap<>();
    private long seq;

    private KillDuringAutocommitMain(Connection c, long seed, FileChannel journal) {
        this.c = c;
        this.random = new SplittableRandom(seed);
        this.journal = journal;
    }

    public static void main(String[] args) {
        CrashChild.childMain(args, (c, seed, journal) -> {
            try (Statement st = c.createStatement()) {
                st.execute(CrashJournal.CREATE_TABLE);
            }
            KillDuringAutocommitMain child = new KillDuringAutocommitMain(c, seed, journal);
            child.readTable();
            CrashChild.running();
            child.runForever();
        });
    }

    private void readTable() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, n FROM t")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                int n = rs.getInt(2);
                Integer value = rs.wasNull() ? null : n;
                rows.put(id, value);
                if (value != null) {
                    byN.put(value, id);
                }
            }
        }
    }

    private void runForever() throws SQLException, IOException {
        while (true) {
            step();
        }
    }

    /** Picks one statement, journals it, runs it, checks it and journals its outcome. */
    private void step() throws SQLException, IOException {
        int size = rows.size();
        int roll = random.nextInt(100);
        int insertShare = size < TARGET_ROWS / 4 ? 70 : size > TARGET_ROWS ? 10 : 40;
        if (roll < 8) {
            failing();
        } else if (size == 0 || roll < 8 + insertShare) {
            insert();
        } else {
            int kind = random.nextInt(100);
            if (kind < 45) {
                update();
            } else if (kind < 55) {
                setV();
            } else if (kind < 65) {
                rekey();
            } else if (kind < 92) {
                long id = existingId();
                delete(id, id + 1);
            } else {
                long from = 1 + random.nextInt(ID_SPACE);
                delete(from, from + 1 + random.nextInt(25));
            }
        }
    }

    // ---- statements that succeed ------------------------------------------------------------------

    private void insert() throws SQLException, IOException {
        int count = random.nextInt(100) < 80 ? 1 : 2 + random.nextInt(4);
        List<Row> rowsToInsert = new ArrayList<>();
        Map<Integer, Long> newN = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long id = freeId(rowsToInsert);
            if (id < 0) {
                break;
            }
            Integer n = freeN(newN);
            if (n != null) {
                newN.put(n, id);
            }
            rowsToInsert.add(new Row(id, newV(), n, newNote()));
        }
        if (rowsToInsert.isEmpty()) {
            return;
        }
        Insert op = new Insert(rowsToInsert);
        pending(op, false);
        try (PreparedStatement ps = prepareInsert(rowsToInsert)) {
            expectCount(op, rowsToInsert.size(), ps.executeUpdate());
        }
        for (Row r : rowsToInsert) {
            add(r.id(), r.n());
        }
        committed(op);
    }

    private void update() throws SQLException, IOException {
        long id = existingId();
        Integer n = random.nextInt(4) == 0 ? rows.get(id) : freeN(Map.of());
        Update op = new Update(id, newV(), n, newNote());
        pending(op, false);
        try (PreparedStatement ps = c.prepareStatement("UPDATE t SET v = ?, n = ?, note = ? WHERE id = ?")) {
            bindRow(ps, 0, new Row(id, op.v(), n, op.note()), false);
            ps.setLong(4, id);
            expectCount(op, 1, ps.executeUpdate());
        }
        remove(id);
        add(id, n);
        committed(op);
    }

    private void setV() throws SQLException, IOException {
        long from = existingId();
        long to = from + 1 + random.nextInt(40);
        SetV op = new SetV(from, to, newV());
        pending(op, false);
        try (PreparedStatement ps = c.prepareStatement("UPDATE t SET v = ? WHERE id >= ? AND id < ?")) {
            ps.setString(1, op.v());
            ps.setLong(2, from);
            ps.setLong(3, to);
            expectCount(op, rows.subMap(from, to).size(), ps.executeUpdate());
        }
        committed(op);
    }

    private void rekey() throws SQLException, IOException {
        long from = existingId();
        long to = freeId(List.of());
        if (to < 0) {
            return;
        }
        Rekey op = new Rekey(from, to);
        pending(op, false);
        try (PreparedStatement ps = c.prepareStatement("UPDATE t SET id = ? WHERE id = ?")) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            expectCount(op, 1, ps.executeUpdate());
        }
        Integer n = rows.get(from);
        remove(from);
        add(to, n);
        committed(op);
    }

    private void delete(long from, long to) throws SQLException, IOException {
        Delete op = new Delete(from, to);
        pending(op, false);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM t WHERE id >= ? AND id < ?")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            expectCount(op, rows.subMap(from, to).size(), ps.executeUpdate());
        }
        for (long id : List.copyOf(rows.subMap(from, to).keySet())) {
            remove(id);
        }
        committed(op);
    }

    // ---- statements that fail with a duplicate key, changing nothing ------------------------------

    /**
     * One of: an insert (of one row or several, the last one the duplicate) whose {@code n} is
     * taken; an insert of an id that is there; an update to a taken {@code n}; a primary key change
     * to an id that is there. Each may have written records and overflow pages before the
     * duplicate is found, which the statement's rollback must take back.
     */
    private void failing() throws SQLException, IOException {
        if (byN.size() < 2 || rows.size() < 2) {
            insert();
            return;
        }
        Op op;
        String sql;
        Object[] args;
        switch (random.nextInt(4)) {
            case 0 -> {
                List<Row> list = new ArrayList<>();
                int fresh = random.nextInt(3);
                Map<Integer, Long> newN = new HashMap<>();
                for (int i = 0; i < fresh; i++) {
                    long id = freeId(list);
                    Integer n = freeN(newN);
                    if (id < 0) {
                        return;
                    }
                    if (n != null) {
                        newN.put(n, id);
                    }
                    list.add(new Row(id, newV(), n, newNote()));
                }
                long id = freeId(list);
                if (id < 0) {
                    return;
                }
                list.add(new Row(id, newV(), takenN(), newNote()));
                Insert insert = new Insert(list);
                pending(insert, true);
                try (PreparedStatement ps = prepareInsert(list)) {
                    expectDuplicate(insert, ps);
                }
                failed();
                return;
            }
            case 1 -> {
                Row row = new Row(existingId(), newV(), freeN(Map.of()), newNote());
                op = new Insert(List.of(row));
                pending(op, true);
                try (PreparedStatement ps = prepareInsert(List.of(row))) {
                    expectDuplicate(op, ps);
                }
                failed();
                return;
            }
            case 2 -> {
                long id = existingId();
                Integer n = takenN();
                if (n.equals(rows.get(id))) {
                    return;
                }
                op = new Update(id, newV(), n, newNote());
                sql = "UPDATE t SET v = ?, n = ?, note = ? WHERE id = ?";
                Update u = (Update) op;
                args = new Object[] {u.v(), n, u.note() == null ? null : u.note().text(), id};
            }
            default -> {
                long from = existingId();
                long to = existingId();
                if (from == to) {
                    return;
                }
                op = new Rekey(from, to);
                sql = "UPDATE t SET id = ? WHERE id = ?";
                args = new Object[] {to, from};
            }
        }
        pending(op, true);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            expectDuplicate(op, ps);
        }
        failed();
    }

    private static void expectDuplicate(Op op, PreparedStatement ps) {
        try {
            int count = ps.executeUpdate();
            throw new IllegalStateException("statement that should fail with a duplicate key changed " + count
                    + " rows: " + op.format());
        } catch (SQLIntegrityConstraintViolationException e) {
            if (e.getErrorCode() != 1062) {
                throw new IllegalStateException("expected error 1062 from " + op.format(), e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("expected error 1062 from " + op.format(), e);
        }
    }

    // ---- values -----------------------------------------------------------------------------------

    private PreparedStatement prepareInsert(List<Row> list) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO t (id, v, n, note) VALUES ");
        for (int i = 0; i < list.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
        }
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < list.size(); i++) {
            bindRow(ps, 4 * i, list.get(i), true);
        }
        return ps;
    }

    /** Binds id (if {@code withId}), v, n and note from parameter {@code offset + 1} on. */
    private static void bindRow(PreparedStatement ps, int offset, Row r, boolean withId) throws SQLException {
        int p = offset + 1;
        if (withId) {
            ps.setLong(p++, r.id());
        }
        ps.setString(p++, r.v());
        if (r.n() == null) {
            ps.setNull(p++, Types.INTEGER);
        } else {
            ps.setInt(p++, r.n());
        }
        if (r.note() == null) {
            ps.setNull(p, Types.VARCHAR);
        } else {
            ps.setString(p, r.note().text());
        }
    }

    private long existingId() {
        Long id = rows.ceilingKey(1L + random.nextInt(ID_SPACE));
        return id != null ? id : rows.firstKey();
    }

    /** An id neither in the table nor in {@code also}, or -1 if random tries find none. */
    private long freeId(List<Row> also) {
        for (int tries = 0; tries < 100; tries++) {
            long id = 1 + random.nextInt(ID_SPACE);
            if (!rows.containsKey(id) && also.stream().noneMatch(r -> r.id() == id)) {
                return id;
            }
        }
        return -1;
    }

    /** NULL a quarter of the time, else a value of {@code n} no row has (nor {@code also}). */
    private Integer freeN(Map<Integer, Long> also) {
        if (random.nextInt(4) == 0) {
            return null;
        }
        while (true) {
            int n = random.nextInt(1_000_000);
            if (!byN.containsKey(n) && !also.containsKey(n)) {
                return n;
            }
        }
    }

    private Integer takenN() {
        List<Integer> taken = new ArrayList<>(byN.keySet());
        taken.sort(null);
        return taken.get(random.nextInt(taken.size()));
    }

    /** Half the time one of 40 shared values (so KEY(v) has long runs of equal keys), else random. */
    private String newV() {
        if (random.nextBoolean()) {
            return "g" + random.nextInt(40);
        }
        int length = 1 + random.nextInt(64);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return s.toString();
    }

    /** NULL, short, several KB or tens of KB (overflow chains of several pages). */
    private Note newNote() {
        int roll = random.nextInt(100);
        if (roll < 15) {
            return null;
        }
        int length = roll < 70 ? random.nextInt(200) : roll < 92 ? 2_000 + random.nextInt(7_000)
                : 9_000 + random.nextInt(31_000);
        return new Note(length, random.nextLong());
    }

    private void add(long id, Integer n) {
        rows.put(id, n);
        if (n != null) {
            byN.put(n, id);
        }
    }

    private void remove(long id) {
        Integer n = rows.remove(id);
        if (n != null) {
            byN.remove(n);
        }
    }

    private void expectCount(Op op, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalStateException("expected " + expected + " rows changed, got " + actual + ": "
                    + op.format());
        }
    }

    // ---- the journal ------------------------------------------------------------------------------

    private void pending(Op op, boolean shouldFail) throws IOException {
        seq++;
        write("P " + seq + (shouldFail ? " fail " : " ok ") + op.format());
    }

    private void committed(Op op) throws IOException {
        write("C " + seq + " " + op.format());
    }

    private void failed() throws IOException {
        write("F " + seq);
    }

    /** Appends {@code line} with one write and forces it to the device. */
    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            journal.write(bytes);
        }
        journal.force(false);
    }
}
