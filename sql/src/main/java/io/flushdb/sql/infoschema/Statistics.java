package io.flushdb.sql.infoschema;

import io.flushdb.sql.catalog.KeyPartDescription;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.TableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.STATISTICS}: one row per column of every index, the rows of
 * {@code SHOW INDEX} (both from {@link KeyPartDescription}). Every index is a visible ascending
 * BTREE index on whole columns. CARDINALITY is NULL: FlushDB keeps no index statistics (InnoDB
 * gives a sampled estimate).
 */
final class Statistics {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("STATISTICS")
            .name("TABLE_CATALOG").notNull()
            .name("TABLE_SCHEMA").notNull()
            .name("TABLE_NAME").notNull()
            .integer("NON_UNIQUE").notNull()
            .name("INDEX_SCHEMA").notNull()
            .varchar("INDEX_NAME", 64)
            .intUnsigned("SEQ_IN_INDEX").notNull()
            .varchar("COLUMN_NAME", 64)
            .varchar("COLLATION", 1)
            .bigint("CARDINALITY")
            .bigint("SUB_PART")
            .alwaysNull("PACKED")
            .varchar("NULLABLE", 3).notNull()
            .varchar("INDEX_TYPE", 11).notNull()
            .varchar("COMMENT", 8).notNull()
            .varchar("INDEX_COMMENT", 2048).notNull()
            .varchar("IS_VISIBLE", 3).notNull()
            .longtext("EXPRESSION")
            .rows(Statistics::rows);

    private Statistics() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (DatabaseDef db : ctx.dictionary().databases()) {
            for (TableEntry e : ctx.dictionary().tables(db.name())) {
                for (KeyPartDescription k : KeyPartDescription.of(e.def())) {
                    out.add(new Object[] {Schemata.CATALOG, db.name(), e.def().name(), k.unique() ? 0L : 1L, db.name(),
                        k.indexName(), (long) k.seq(), k.columnName(), "A", null, null, null, k.nullable() ? "YES" : "",
                        "BTREE", "", "", "YES", null});
                }
            }
        }
        return out;
    }
}
