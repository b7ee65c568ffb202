package io.flushdb.storage.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableDefTest {

    private static ColumnDef column(String name, ColumnType type) {
        return new ColumnDef(name, type, 10, 0, 0, 0, false, false, true, null, ColumnDef.DefaultKind.NULL, false,
                false, type.isString() ? Collation.UTF8MB4_0900_AI_CI : null, "");
    }

    @Test
    void serializationKeepsColumnExtrasForeignKeysAndChecks() {
        ColumnDef id = column("id", ColumnType.INT);
        ColumnDef parent = column("parent_id", ColumnType.INT);
        ColumnDef kind = column("kind", ColumnType.VARCHAR)
                .withExtra(new ColumnDef.Extra(List.of("a", "b'c"), null, false));
        ColumnDef twice = column("twice", ColumnType.INT)
                .withExtra(new ColumnDef.Extra(List.of(), "(`id` * 2)", true));
        IndexDef pk = new IndexDef(7, "PRIMARY", IndexDef.Kind.PRIMARY, new int[] {0}, 3);
        ForeignKeyDef fk = new ForeignKeyDef("child_ibfk_1", List.of("parent_id"), "db", "parent", List.of("id"),
                ForeignKeyDef.Action.CASCADE, ForeignKeyDef.Action.SET_NULL);
        CheckDef ck = new CheckDef("child_chk_1", "(`id` > 0)", false);
        TableDef def = new TableDef(5, "db", "child", 9, List.of(id, parent, kind, twice), List.of(pk), 1,
                Collation.UTF8MB4_0900_AI_CI, "c", 123, List.of(fk), List.of(ck));

        TableDef back = TableDef.deserialize(def.serialize());

        assertEquals(def.columns(), back.columns());
        assertEquals(List.of("a", "b'c"), back.columns().get(2).extra().elements());
        assertTrue(back.columns().get(3).isGenerated());
        assertEquals(def.foreignKeys(), back.foreignKeys());
        assertEquals(def.checks(), back.checks());
        assertEquals(fk, back.foreignKey("CHILD_IBFK_1"));
    }
}
