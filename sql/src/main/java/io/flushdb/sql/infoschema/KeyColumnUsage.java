package io.flushdb.sql.infoschema;

import io.flushdb.sql.catalog.KeyPartDescription;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.TableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.KEY_COLUMN_USAGE}: one row per column of every PRIMARY KEY and
 * UNIQUE constraint (the constraint is named after its index), then one per column of every
 * FOREIGN KEY constraint with its position in the referenced key and the referenced schema, table
 * and column (NULL for the key constraints).
 */
final class KeyColumnUsage {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("KEY_COLUMN_USAGE")
            .name("CONSTRAINT_CATALOG").notNull()
            .name("CONSTRAINT_SCHEMA").notNull()
            .varchar("CONSTRAINT_NAME", 64)
            .name("TABLE_CATALOG").notNull()
            .name("TABLE_SCHEMA").notNull()
            .name("TABLE_NAME").notNull()
            .varchar("COLUMN_NAME", 64)
            .intUnsigned("ORDINAL_POSITION").notNull()
            .intUnsigned("POSITION_IN_UNIQUE_CONSTRAINT")
            .name("REFERENCED_TABLE_SCHEMA")
            .name("REFERENCED_TABLE_NAME")
            .varchar("REFERENCED_COLUMN_NAME", 64)
            .rows(KeyColumnUsage::rows);

    private KeyColumnUsage() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (DatabaseDef db : ctx.dictionary().databases()) {
            for (TableEntry e : ctx.dictionary().tables(db.name())) {
                for (KeyPartDescription k : KeyPartDescription.of(e.def())) {
                    if (k.unique()) {
                        out.add(new Object[] {Schemata.CATALOG, db.name(), k.indexName(), Schemata.CATALOG, db.name(),
                            e.def().name(), k.columnName(), (long) k.seq(), null, null, null, null});
                    }
                }
                for (io.flushdb.storage.dict.ForeignKeyDef fk : e.def().foreignKeys()) {
                    for (int i = 0; i < fk.columns().size(); i++) {
                        out.add(new Object[] {Schemata.CATALOG, db.name(), fk.name(), Schemata.CATALOG, db.name(),
                            e.def().name(), fk.columns().get(i), (long) (i + 1), (long) (i + 1), fk.refDatabase(),
                            fk.refTable(), fk.refColumns().get(i)});
                    }
                }
            }
        }
        return out;
    }
}
