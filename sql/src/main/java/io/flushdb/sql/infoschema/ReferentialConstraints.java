package io.flushdb.sql.infoschema;

import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.ForeignKeyDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.dict.TableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.REFERENTIAL_CONSTRAINTS}: one row per FOREIGN KEY constraint, with
 * its actions as MySQL 8.0 names them (an action not written is NO ACTION) and, as
 * UNIQUE_CONSTRAINT_NAME, the name of the parent's index the constraint uses (NULL when the parent
 * table is missing, as after foreign_key_checks=0).
 */
final class ReferentialConstraints {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("REFERENTIAL_CONSTRAINTS")
            .name("CONSTRAINT_CATALOG").notNull()
            .name("CONSTRAINT_SCHEMA").notNull()
            .name("CONSTRAINT_NAME")
            .name("UNIQUE_CONSTRAINT_CATALOG").notNull()
            .name("UNIQUE_CONSTRAINT_SCHEMA").notNull()
            .name("UNIQUE_CONSTRAINT_NAME")
            .varchar("MATCH_OPTION", 7).notNull()
            .varchar("UPDATE_RULE", 11).notNull()
            .varchar("DELETE_RULE", 11).notNull()
            .name("TABLE_NAME").notNull()
            .name("REFERENCED_TABLE_NAME").notNull()
            .rows(ReferentialConstraints::rows);

    private ReferentialConstraints() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (DatabaseDef db : ctx.dictionary().databases()) {
            for (TableEntry e : ctx.dictionary().tables(db.name())) {
                for (ForeignKeyDef fk : e.def().foreignKeys()) {
                    out.add(new Object[] {Schemata.CATALOG, db.name(), fk.name(), Schemata.CATALOG, fk.refDatabase(),
                        parentIndexName(ctx, fk), "NONE", fk.onUpdate().sql(), fk.onDelete().sql(), e.def().name(),
                        fk.refTable()});
                }
            }
        }
        return out;
    }

    private static String parentIndexName(InfoSchemaContext ctx, ForeignKeyDef fk) {
        TableEntry p = ctx.dictionary().table(fk.refDatabase(), fk.refTable());
        if (p == null) {
            return null;
        }
        TableDef def = p.def();
        int[] pc = def.columnPositions(fk.refColumns());
        for (int c : pc) {
            if (c < 0) {
                return null;
            }
        }
        int ix = def.indexStartingWith(pc);
        return ix < 0 ? null : def.indexes().get(ix).name();
    }
}
