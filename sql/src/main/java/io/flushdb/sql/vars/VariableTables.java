package io.flushdb.sql.vars;

import io.flushdb.sql.infoschema.InfoSchemaTable;

/**
 * information_schema.GLOBAL_VARIABLES and SESSION_VARIABLES (MySQL 5.7's names, which MySQL 8.0
 * keeps in performance_schema): the rows of SHOW GLOBAL / SESSION VARIABLES, queryable with SQL.
 */
public final class VariableTables {
    public static final InfoSchemaTable GLOBAL_VARIABLES = table("GLOBAL_VARIABLES", true);
    public static final InfoSchemaTable SESSION_VARIABLES = table("SESSION_VARIABLES", false);

    private VariableTables() {
    }

    private static InfoSchemaTable table(String name, boolean global) {
        return InfoSchemaTable.named(name)
                .varchar("VARIABLE_NAME", 64).notNull()
                .varchar("VARIABLE_VALUE", 1024)
                .rows(ctx -> Variables.rows(ctx.session(), global));
    }
}
