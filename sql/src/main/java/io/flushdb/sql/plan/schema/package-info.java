/**
 * The data dictionary as Calcite sees it: one {@link io.flushdb.sql.plan.schema.DatabaseSchema}
 * per database and one {@link io.flushdb.sql.plan.schema.EngineTable} per table, built afresh
 * for each compilation from the dictionary as it stands then; and information_schema as a
 * {@link io.flushdb.sql.plan.schema.SystemViewSchema} of
 * {@link io.flushdb.sql.plan.schema.SystemViewTable}s, whose rows are read when a plan runs.
 * Both kinds of table are {@link io.flushdb.sql.plan.schema.TableColumns}: dictionary columns
 * that result metadata, MySQL result types and collations are read from.
 *
 * <p>Owns: a table's Calcite row type (its columns through {@code types.TypeMapping}, plus
 * {@code DB_ROW_ID} for a table without a primary key), its statistics (the unique keys, and a
 * fixed row count estimate of 10 000, since there are no table statistics) and its conversion to
 * a {@code rel.BTreeTableScan}. Never touches: records or pages.
 *
 * <p>Threads: the compiling session's thread; schemas are not shared between compilations.
 *
 * <p>Invariant SCH1: an {@code EngineTable} holds the {@code TableEntry} (definition and
 * {@code TableStore}) current when the schema was built; the plans made from it are cached under
 * that dictionary version only (PL2).
 */
package io.flushdb.sql.plan.schema;
