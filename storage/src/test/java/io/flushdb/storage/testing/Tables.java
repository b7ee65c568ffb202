package io.flushdb.storage.testing;

import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ColumnType;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import java.util.List;

/** Table definitions for storage tests, built the way the SQL layer's CREATE TABLE builds them. */
public final class Tables {
    private Tables() {
    }

    public static ColumnDef column(String name, ColumnType type, long length, boolean nullable) {
        return new ColumnDef(name, type, length, type == ColumnType.DECIMAL ? 10 : 0, type == ColumnType.DECIMAL ? 2 : 0, 0,
                false, false, nullable, null, nullable ? ColumnDef.DefaultKind.NULL : ColumnDef.DefaultKind.NONE,
                false, false, type.isString() ? Collation.UTF8MB4_0900_AI_CI : null, "");
    }

    public static IndexDef index(String name, IndexDef.Kind kind, int... columns) {
        return new IndexDef(0, name, kind, columns, 0);
    }

    public static TableDef table(String db, String name, List<ColumnDef> columns, IndexDef... indexes) {
        return new TableDef(0, db, name, 0, columns, List.of(indexes), 1, Collation.UTF8MB4_0900_AI_CI, "", 0);
    }

    /** (id BIGINT PK, email VARCHAR(100) UNIQUE, city VARCHAR(40) KEY, note TEXT NULL) */
    public static TableDef people(String db) {
        return table(db, "people",
                List.of(column("id", ColumnType.BIGINT, 0, false), column("email", ColumnType.VARCHAR, 100, false),
                        column("city", ColumnType.VARCHAR, 40, true), column("note", ColumnType.TEXT, 0, true)),
                index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0), index("email", IndexDef.Kind.UNIQUE, 1),
                index("city", IndexDef.Kind.INDEX, 2));
    }
}
