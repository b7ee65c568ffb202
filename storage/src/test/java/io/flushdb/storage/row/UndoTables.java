package io.flushdb.storage.row;

import static io.flushdb.storage.testing.Tables.column;
import static io.flushdb.storage.testing.Tables.index;
import static io.flushdb.storage.testing.Tables.table;

import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ColumnType;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.IndexDef.Kind;
import io.flushdb.storage.dict.TableDef;
import java.math.BigDecimal;
import java.util.List;

/** Tables and rows for the tests of {@link RowImage} and {@link TableStore#undoForRecovery}. */
final class UndoTables {
    private UndoTables() {
    }

    static final int LONGTEXT = 14;
    static final int LONGBLOB = 18;

    private static ColumnDef custom(String name, ColumnType type, int precision, int scale, boolean unsigned) {
        return new ColumnDef(name, type, 0, precision, scale, 0, unsigned, false, true, null,
                ColumnDef.DefaultKind.NULL, false, false, null, "");
    }

    /**
     * A column of every type: id BIGINT PK, ti TINYINT, si SMALLINT, mi MEDIUMINT, i INT, bu BIGINT
     * UNSIGNED, bo BOOLEAN, f FLOAT, d DOUBLE, dec DECIMAL(10,2), dec2 DECIMAL(30,6), ch CHAR(10),
     * vc VARCHAR(200), tx TEXT, lt LONGTEXT, bi BINARY(4), vb VARBINARY(100), bl BLOB, lb
     * LONGBLOB, dt DATE, tm TIME, dtm DATETIME, ts TIMESTAMP, yr YEAR; indexes over most of them.
     */
    static TableDef allTypes(String db, String name) {
        List<ColumnDef> cols = List.of(
                column("id", ColumnType.BIGINT, 0, false),
                column("ti", ColumnType.TINYINT, 0, true),
                column("si", ColumnType.SMALLINT, 0, true),
                column("mi", ColumnType.MEDIUMINT, 0, true),
                column("i", ColumnType.INT, 0, true),
                custom("bu", ColumnType.BIGINT, 0, 0, true),
                column("bo", ColumnType.BOOLEAN, 0, true),
                column("f", ColumnType.FLOAT, 0, true),
                column("d", ColumnType.DOUBLE, 0, true),
                column("dec", ColumnType.DECIMAL, 0, true),
                custom("dec2", ColumnType.DECIMAL, 30, 6, false),
                column("ch", ColumnType.CHAR, 10, true),
                column("vc", ColumnType.VARCHAR, 200, true),
                column("tx", ColumnType.TEXT, 0, true),
                column("lt", ColumnType.LONGTEXT, 0, true),
                column("bi", ColumnType.BINARY, 4, true),
                column("vb", ColumnType.VARBINARY, 100, true),
                column("bl", ColumnType.BLOB, 0, true),
                column("lb", ColumnType.LONGBLOB, 0, true),
                column("dt", ColumnType.DATE, 0, true),
                column("tm", ColumnType.TIME, 0, true),
                column("dtm", ColumnType.DATETIME, 0, true),
                column("ts", ColumnType.TIMESTAMP, 0, true),
                column("yr", ColumnType.YEAR, 0, true));
        return table(db, name, cols,
                index(IndexDef.PRIMARY_NAME, Kind.PRIMARY, 0),
                index("k_d_dtm", Kind.INDEX, 8, 21),
                index("u_dec2", Kind.UNIQUE, 10),
                index("k_vc_ti", Kind.INDEX, 12, 1),
                index("u_vb", Kind.UNIQUE, 16),
                index("k_mixed", Kind.INDEX, 7, 19, 23, 9, 20, 22),
                index("k_ch_bi_bu", Kind.INDEX, 11, 15, 5, 2, 3, 4, 6));
    }

    static String text(int length, int seed) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) ('a' + (i * 7 + seed) % 26));
        }
        return b.toString();
    }

    static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    /** A row of {@link #allTypes} with every column set; unique values depend on {@code seed}. */
    static Object[] allTypesRow(long id, int seed, int lobLength) {
        return new Object[] {
            id, (long) (seed % 100 - 50), (long) (-300 * seed), -8_000_000L + seed, 2_000_000_000L - seed,
            -1L - seed, (long) (seed & 1),
            1.5f * seed, -2.75e300 / seed, new BigDecimal("-1234.56").add(BigDecimal.valueOf(seed)),
            new BigDecimal("123456789012345678.123456").add(BigDecimal.valueOf(seed)),
            "c" + seed, "varchar ✓ " + seed, "text " + text(500, seed), text(lobLength, seed),
            new byte[] {1, 2, 3, (byte) seed}, bytes(50, seed), bytes(3000, seed), bytes(lobLength, seed + 1),
            19_000 + seed, -3_000_000_000L + seed, 1_700_000_000_000_000L + seed, 1_600_000_000_000_000L - seed,
            (long) (1990 + seed)
        };
    }

    /** A row of {@link #allTypes} with every column but the key null. */
    static Object[] allTypesNullRow(long id) {
        Object[] r = new Object[24];
        r[0] = id;
        return r;
    }

    /** {@link io.flushdb.storage.testing.Tables#people} under another name. */
    static TableDef people(String db, String name) {
        TableDef p = io.flushdb.storage.testing.Tables.people(db);
        return table(db, name, p.columns(), p.indexes().toArray(new IndexDef[0]));
    }

    /** (msg VARCHAR(50) NULL KEY, n BIGINT NULL UNIQUE, body BLOB NULL) without a primary key. */
    static TableDef noPrimaryKey(String db, String name) {
        return table(db, name,
                List.of(column("msg", ColumnType.VARCHAR, 50, true), column("n", ColumnType.BIGINT, 0, true),
                        column("body", ColumnType.BLOB, 0, true)),
                index(IndexDef.GENERATED_CLUSTERED_NAME, Kind.GENERATED_CLUSTERED), index("msg", Kind.INDEX, 0),
                index("n", Kind.UNIQUE, 1));
    }

    /**
     * (a VARCHAR(20), b INT, c VARCHAR(20) NULL, PRIMARY KEY (a, b)), UNIQUE (b, a) (an index holding
     * the whole primary key), KEY (c).
     */
    static TableDef compositeKey(String db, String name) {
        return table(db, name,
                List.of(column("a", ColumnType.VARCHAR, 20, false), column("b", ColumnType.INT, 0, false),
                        column("c", ColumnType.VARCHAR, 20, true)),
                index(IndexDef.PRIMARY_NAME, Kind.PRIMARY, 0, 1), index("ba", Kind.UNIQUE, 1, 0),
                index("c", Kind.INDEX, 2));
    }
}
