package io.flushdb.sql.status;

import io.flushdb.sql.infoschema.InfoSchemaTable;

/**
 * information_schema.GLOBAL_STATUS, SESSION_STATUS (the rows of SHOW GLOBAL / SESSION STATUS) and
 * INNODB_METRICS (the engine's {@link InnodbMetrics} counters), queryable with SQL.
 */
public final class StatusTables {
    public static final InfoSchemaTable GLOBAL_STATUS = status("GLOBAL_STATUS", true);
    public static final InfoSchemaTable SESSION_STATUS = status("SESSION_STATUS", false);

    /** MySQL 8.0's INNODB_METRICS columns and types. */
    public static final InfoSchemaTable INNODB_METRICS = InfoSchemaTable.named("INNODB_METRICS")
            .varchar("NAME", 193).notNull()
            .varchar("SUBSYSTEM", 193).notNull()
            .bigint("COUNT").notNull()
            .bigint("MAX_COUNT")
            .bigint("MIN_COUNT")
            .doublePrecision("AVG_COUNT")
            .bigint("COUNT_RESET").notNull()
            .bigint("MAX_COUNT_RESET")
            .bigint("MIN_COUNT_RESET")
            .doublePrecision("AVG_COUNT_RESET")
            .datetime("TIME_ENABLED")
            .datetime("TIME_DISABLED")
            .bigint("TIME_ELAPSED")
            .datetime("TIME_RESET")
            .varchar("STATUS", 193).notNull()
            .varchar("TYPE", 193).notNull()
            .varchar("COMMENT", 193).notNull()
            .rows(ctx -> ctx.session().engine().innodbMetrics().rows());

    private StatusTables() {
    }

    private static InfoSchemaTable status(String name, boolean global) {
        return InfoSchemaTable.named(name)
                .varchar("VARIABLE_NAME", 64).notNull()
                .varchar("VARIABLE_VALUE", 1024)
                .rows(ctx -> StatusVariables.rows(ctx.session(), global));
    }
}
