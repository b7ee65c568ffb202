package io.flushdb.sql.infoschema;

import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.ForeignKeyDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.TABLE_CONSTRAINTS}: one row per PRIMARY KEY, UNIQUE and FOREIGN KEY
 * constraint of every table (a key constraint is named after its index), as MySQL 8.0 lists them.
 */
final class TableConstraints {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("TABLE_CONSTRAINTS")
            .name("CONSTRAINT_CATALOG").notNull()
            .name("CONSTRAINT_SCHEMA").notNull()
            .name("CONSTRAINT_NAME")
            .name("TABLE_SCHEMA").notNull()
            .name("TABLE_NAME").notNull()
            .varchar("CONSTRAINT_TYPE", 11).notNull()
            .varchar("ENFORCED", 3).notNull()
            .rows(TableConstraints::rows);

    private TableConstraints() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (DatabaseDef db : ctx.dictionary().databases()) {
            for (TableEntry e : ctx.dictionary().tables(db.name())) {
                for (IndexDef ix : e.def().indexes()) {
                    if (ix.kind() == IndexDef.Kind.PRIMARY || ix.kind() == IndexDef.Kind.UNIQUE) {
                        out.add(new Object[] {Schemata.CATALOG, db.name(), ix.name(), db.name(), e.def().name(),
                            ix.kind() == IndexDef.Kind.PRIMARY ? "PRIMARY KEY" : "UNIQUE", "YES"});
                    }
                }
                for (ForeignKeyDef fk : e.def().foreignKeys()) {
                    out.add(new Object[] {Schemata.CATALOG, db.name(), fk.name(), db.name(), e.def().name(),
                        "FOREIGN KEY", "YES"});
                }
                for (io.flushdb.storage.dict.CheckDef c : e.def().checks()) {
                    out.add(new Object[] {Schemata.CATALOG, db.name(), c.name(), db.name(), e.def().name(),
                        "CHECK", c.enforced() ? "YES" : "NO"});
                }
            }
        }
        return out;
    }
}
