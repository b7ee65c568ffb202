package io.flushdb.sql.infoschema;

import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.ViewDef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code information_schema.VIEWS}: one row per view. VIEW_DEFINITION is the query as written
 * (MySQL shows its own rewrite); IS_UPDATABLE says YES for a query over one table without
 * aggregation, DISTINCT, GROUP BY, HAVING, UNION or LIMIT, as MySQL's rule for a mergeable view.
 */
final class Views {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("VIEWS")
            .name("TABLE_CATALOG").notNull()
            .name("TABLE_SCHEMA").notNull()
            .name("TABLE_NAME").notNull()
            .text("VIEW_DEFINITION")
            .enumeration("CHECK_OPTION", "NONE", "LOCAL", "CASCADED")
            .enumeration("IS_UPDATABLE", "NO", "YES")
            .varchar("DEFINER", 288)
            .varchar("SECURITY_TYPE", 7)
            .varchar("CHARACTER_SET_CLIENT", 64).notNull()
            .varchar("COLLATION_CONNECTION", 64).notNull()
            .rows(Views::rows);

    private Views() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (DatabaseDef db : ctx.dictionary().databases()) {
            for (ViewDef v : ctx.dictionary().views(db.name())) {
                out.add(new Object[] {Schemata.CATALOG, v.database(), v.name(), v.query(), v.checkOption(),
                    updatable(v) ? "YES" : "NO", v.definer().replace("`", ""), v.security(), "utf8mb4",
                    "utf8mb4_0900_ai_ci"});
            }
        }
        return out;
    }

    static boolean updatable(ViewDef v) {
        return io.flushdb.sql.exec.ViewDml.updatable(v);
    }
}
