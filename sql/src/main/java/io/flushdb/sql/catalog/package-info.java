/**
 * A read-only view of the data dictionary for tools: {@link io.flushdb.sql.catalog.CatalogView}
 * lists databases, tables, columns (with MySQL's type names and COLUMN_TYPE text), index columns
 * and primary keys, as the driver's {@code DatabaseMetaData} and the shell present them. Names are
 * case-sensitive, as in MySQL on Linux. {@link io.flushdb.sql.catalog.ColumnDescription} and
 * {@link io.flushdb.sql.catalog.KeyPartDescription} are the one derivation of what MySQL 8.0 says
 * of a column (information_schema.COLUMNS, SHOW COLUMNS, DESCRIBE, {@code getColumns}) and of an
 * index column (STATISTICS, KEY_COLUMN_USAGE, SHOW INDEX, {@code getIndexInfo}).
 *
 * <p>Owns: nothing; each call reads the dictionary's current definitions. Never touches: table
 * locks, transactions, rows.
 *
 * <p>Threads: any; it takes no lock, so a call that runs while DDL commits sees the dictionary
 * before or after each change, table by table.
 */
package io.flushdb.sql.catalog;
