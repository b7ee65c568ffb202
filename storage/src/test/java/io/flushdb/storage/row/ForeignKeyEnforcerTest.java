package io.flushdb.storage.row;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.ColumnType;
import io.flushdb.storage.dict.ForeignKeyDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.testing.Tables;
import io.flushdb.storage.trx.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOREIGN KEY enforcement in the row layer ({@link ForeignKeyEnforcer}, FK1 to FK3) over tables
 * made directly in the dictionary: a parent (id) and a child (id, parent_id) whose constraint's
 * actions each test chooses, linked by the dictionary after each DDL and again after a restart.
 */
class ForeignKeyEnforcerTest {
    @TempDir
    Path dir;

    private Engine e;

    @BeforeEach
    void open() {
        e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(8 << 20));
        e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
    }

    @AfterEach
    void close() {
        if (e != null) {
            e.close();
        }
    }

    private TableStore parent() {
        return e.dictionary().table("db", "parent").store();
    }

    private TableStore child() {
        return e.dictionary().table("db", "child").store();
    }

    private void createTables(ForeignKeyDef.Action onDelete, ForeignKeyDef.Action onUpdate) {
        e.dictionary().createTable(Tables.table("db", "parent",
                List.of(Tables.column("id", ColumnType.INT, 0, false), Tables.column("name", ColumnType.INT, 0, true)),
                Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0)));
        TableDef child = Tables.table("db", "child",
                List.of(Tables.column("id", ColumnType.INT, 0, false), Tables.column("parent_id", ColumnType.INT, 0, true)),
                Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0),
                Tables.index("fk", IndexDef.Kind.INDEX, 1));
        e.dictionary().createTable(child.withConstraints(List.of(new ForeignKeyDef("fk", List.of("parent_id"), "db",
                "parent", List.of("id"), onDelete, onUpdate)), List.of()));
    }

    private void commit(java.util.function.Consumer<Transaction> work) {
        Transaction trx = e.newTransaction();
        work.accept(trx);
        trx.commit();
    }

    private static List<String> rows(TableStore t) {
        List<String> out = new ArrayList<>();
        BTreeCursor c = t.scan();
        c.seekFirst();
        while (c.next()) {
            Object[] row = t.decodeRow(c.buffer(), c.record(), null, true);
            out.add(row[0] + ":" + row[1]);
        }
        return out;
    }

    @Test
    void tablesOutsideConstraintsHaveNoLinks() {
        createTables(ForeignKeyDef.Action.NO_ACTION, ForeignKeyDef.Action.NO_ACTION);
        e.dictionary().createTable(Tables.people("db"));
        assertNull(e.dictionary().table("db", "people").store().foreignKeyLinks());
        assertTrue(parent().foreignKeyLinks().isReferenced());
        assertTrue(!child().foreignKeyLinks().isReferenced());
    }

    @Test
    void aChildRowNeedsItsParentAndAFailedInsertLeavesNothing() {
        createTables(ForeignKeyDef.Action.NO_ACTION, ForeignKeyDef.Action.NO_ACTION);
        Transaction trx = e.newTransaction();
        ForeignKeyException missing = assertThrows(ForeignKeyException.class,
                () -> child().insert(new Object[] {1, 7}, trx));
        assertEquals(ForeignKeyException.Kind.NO_REFERENCED_ROW, missing.kind());
        assertEquals("`db`.`child`, CONSTRAINT `fk` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`)",
                missing.detail());
        child().insert(new Object[] {2, null}, trx);
        parent().insert(new Object[] {7, null}, trx);
        child().insert(new Object[] {1, 7}, trx);
        trx.commit();
        assertEquals(List.of("1:7", "2:null"), rows(child()));
    }

    @Test
    void checksOffSkipsChecksAndActions() {
        createTables(ForeignKeyDef.Action.CASCADE, ForeignKeyDef.Action.CASCADE);
        commit(trx -> parent().insert(new Object[] {1, null}, trx));
        commit(trx -> child().insert(new Object[] {1, 1}, trx));
        commit(trx -> {
            trx.setForeignKeyChecks(false);
            child().insert(new Object[] {2, 99}, trx);
            parent().delete(new Object[] {1, null}, trx);
        });
        assertEquals(List.of("1:1", "2:99"), rows(child()));
    }

    @Test
    void restrictRefusesAndTheParentRowStays() {
        createTables(ForeignKeyDef.Action.RESTRICT, ForeignKeyDef.Action.RESTRICT);
        commit(trx -> parent().insert(new Object[] {1, 10}, trx));
        commit(trx -> child().insert(new Object[] {1, 1}, trx));
        Transaction trx = e.newTransaction();
        ForeignKeyException referenced = assertThrows(ForeignKeyException.class,
                () -> parent().delete(new Object[] {1, null}, trx));
        assertEquals(ForeignKeyException.Kind.ROW_IS_REFERENCED, referenced.kind());
        assertThrows(ForeignKeyException.class, () -> parent().update(new Object[] {1, 10}, new Object[] {2, 10}, trx));
        parent().update(new Object[] {1, 10}, new Object[] {1, 11}, trx); // not a referenced column
        trx.commit();
        assertEquals(List.of("1:11"), rows(parent()));
    }

    @Test
    void cascadeAndSetNullReachTheChildren() {
        createTables(ForeignKeyDef.Action.SET_NULL, ForeignKeyDef.Action.CASCADE);
        commit(trx -> {
            parent().insert(new Object[] {1, null}, trx);
            parent().insert(new Object[] {2, null}, trx);
            child().insert(new Object[] {1, 1}, trx);
            child().insert(new Object[] {2, 1}, trx);
            child().insert(new Object[] {3, 2}, trx);
        });
        commit(trx -> parent().update(new Object[] {1, null}, new Object[] {5, null}, trx));
        assertEquals(List.of("1:5", "2:5", "3:2"), rows(child()));
        commit(trx -> parent().delete(new Object[] {5, null}, trx));
        assertEquals(List.of("1:null", "2:null", "3:2"), rows(child()));
    }

    @Test
    void aRolledBackCascadeRestoresTheChildren() {
        createTables(ForeignKeyDef.Action.CASCADE, ForeignKeyDef.Action.NO_ACTION);
        commit(trx -> {
            parent().insert(new Object[] {1, null}, trx);
            child().insert(new Object[] {1, 1}, trx);
            child().insert(new Object[] {2, 1}, trx);
        });
        Transaction trx = e.newTransaction();
        assertArrayEquals(new Object[] {1L, null}, parent().delete(new Object[] {1, null}, trx));
        trx.rollback();
        assertEquals(List.of("1:1", "2:1"), rows(child()));
        assertEquals(List.of("1:null"), rows(parent()));
    }

    @Test
    void constraintsAreLinkedAgainAfterARestart() {
        createTables(ForeignKeyDef.Action.NO_ACTION, ForeignKeyDef.Action.NO_ACTION);
        commit(trx -> parent().insert(new Object[] {1, null}, trx));
        e.close();
        e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(8 << 20));
        assertSame(child(), child().foreignKeyLinks().asChild[0].child());
        Transaction trx = e.newTransaction();
        assertThrows(ForeignKeyException.class, () -> child().insert(new Object[] {1, 2}, trx));
        child().insert(new Object[] {1, 1}, trx);
        trx.commit();
        assertEquals(List.of("1:1"), rows(child()));
    }
}
