/**
 * The read-only {@code information_schema} database: one class per table (SCHEMATA, TABLES,
 * COLUMNS, STATISTICS, KEY_COLUMN_USAGE, INNODB_BUFFER_POOL_STATS), each an
 * {@link io.flushdb.sql.infoschema.InfoSchemaTable} declaration (name, columns with MySQL 8.0's
 * types, row function), listed in {@link io.flushdb.sql.infoschema.InformationSchema}. The
 * planner reads them like any table ({@code plan.schema.SystemViewTable}), so they join, filter,
 * group and sort with full SQL.
 *
 * <p>Owns: the column lists and the rows. Rows are produced when a statement reads a table, from
 * the dictionary, the storage engine and the executing session as they are then; nothing is
 * cached between statements, so a plan kept in the plan cache never serves old rows. Never
 * touches: table locks (reading information_schema locks nothing, as in MySQL), transactions.
 *
 * <p>Threads: the executing session's; row functions read shared engine state (dictionary maps,
 * buffer pool figures) racily, as SHOW statements do. INNODB_BUFFER_POOL_STATS keeps each
 * engine's previous figures under a lock, for its rates.
 *
 * <p>Invariant IS1: a row has exactly one value per declared column, in the declared order, in
 * the canonical form of the column's type.
 */
package io.flushdb.sql.infoschema;
