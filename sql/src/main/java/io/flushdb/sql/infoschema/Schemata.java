package io.flushdb.sql.infoschema;

import io.flushdb.storage.dict.DatabaseDef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.SCHEMATA}: one row per database, information_schema itself included
 * (MySQL lists it, with its utf8mb3 character set). Column types as MySQL 8.0's view has them;
 * DEFAULT_ENCRYPTION is an ENUM('NO','YES') there.
 */
final class Schemata {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("SCHEMATA")
            .name("CATALOG_NAME").notNull()
            .name("SCHEMA_NAME").notNull()
            .varchar("DEFAULT_CHARACTER_SET_NAME", 64).notNull()
            .varchar("DEFAULT_COLLATION_NAME", 64).notNull()
            .alwaysNull("SQL_PATH")
            .enumeration("DEFAULT_ENCRYPTION", "NO", "YES").notNull()
            .rows(Schemata::rows);

    /** TABLE_CATALOG and the like: MySQL has one catalog, {@code def}. */
    static final String CATALOG = "def";

    private Schemata() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (SystemDatabase system : SystemDatabase.all()) {
            out.add(new Object[] {CATALOG, system.name(), system.charset(), system.collation(), null, "NO"});
        }
        for (DatabaseDef db : ctx.dictionary().databases()) {
            out.add(new Object[] {CATALOG, db.name(), "utf8mb4", db.defaultCollation().mysqlName(), null, "NO"});
        }
        return out;
    }
}
