package io.flushdb.sql.infoschema;

import io.flushdb.storage.dict.CheckDef;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.TableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.CHECK_CONSTRAINTS}: one row per CHECK constraint, enforced or not,
 * with its condition as MySQL keeps it (CHECK_CLAUSE).
 */
final class CheckConstraints {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("CHECK_CONSTRAINTS")
            .name("CONSTRAINT_CATALOG").notNull()
            .name("CONSTRAINT_SCHEMA").notNull()
            .name("CONSTRAINT_NAME").notNull()
            .longtext("CHECK_CLAUSE").notNull()
            .rows(CheckConstraints::rows);

    private CheckConstraints() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (DatabaseDef db : ctx.dictionary().databases()) {
            for (TableEntry e : ctx.dictionary().tables(db.name())) {
                for (CheckDef c : e.def().checks()) {
                    out.add(new Object[] {Schemata.CATALOG, db.name(), c.name(), c.expression()});
                }
            }
        }
        return out;
    }
}
