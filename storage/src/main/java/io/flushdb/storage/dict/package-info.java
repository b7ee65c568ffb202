/**
 * The data dictionary ({@link io.flushdb.storage.dict.Dictionary}, InnoDB's dict_sys): databases,
 * tables, columns, indexes and collations, persisted in two B+trees of the system tablespace
 * ({@code SYS_SCHEMATA}, {@code SYS_TABLES}, roots on {@link io.flushdb.storage.dict.SystemPage})
 * and cached in concurrent maps; and DDL, which creates and deletes tablespace files as needed.
 *
 * <p>Owns: the definitions ({@code TableDef}, {@code ColumnDef}, {@code IndexDef},
 * {@code DatabaseDef}), the {@code TableEntry} of each table (definition, {@code TableStore},
 * {@code TableLock}), the id counters and shutdown fields of the system page, the dictionary
 * version, and the collations' comparison rules ({@code Collation}). Never touches: SQL text or
 * types; table locks are created here but taken by the caller.
 *
 * <p>Threads: any session thread. Lookups ({@code database}, {@code table}, {@code tables}) read
 * the concurrent maps without a latch; DDL methods take the dictionary latch ({@code DICTIONARY},
 * the first level of the ladder) exclusively for their whole run. {@code Engine.open} bootstraps
 * and loads the dictionary before any other thread can reach it.
 *
 * <p>Invariants:
 * <ul>
 *   <li>DICT1: DDL is serialised by the exclusive dictionary latch, and its callers hold the
 *       affected tables' locks exclusively (this package does not check that), so no statement
 *       uses a table while its definition changes.</li>
 *   <li>DICT2: every DDL that changes anything increments {@code version()}; the SQL layer keys
 *       its plan cache on it.</li>
 *   <li>DICT3: definitions are immutable. DDL that changes a table (TRUNCATE, CREATE or DROP INDEX)
 *       stores a new {@code TableDef} and registers a new {@code TableEntry} with a new
 *       {@code TableStore}, keeping the same {@code TableLock} (locks are kept by table id for
 *       the table's life).</li>
 *   <li>DICT4: tablespace, table and index ids come from counters on the system page and are never
 *       reused; TRUNCATE gives the table a new tablespace id and keeps its table and index
 *       ids.</li>
 *   <li>DICT5: index 0 of every table is its clustered index (the {@code TableDef} constructor
 *       refuses anything else).</li>
 *   <li>DICT6: at open, every table in {@code SYS_TABLES} has its {@code .ibd} file, or the open
 *       fails with {@code DictionaryException(MISSING_TABLESPACE)}.</li>
 * </ul>
 *
 * <p>DDL is not transactional or crash-safe yet: file creation, the dictionary record and the
 * counters change in separate mini-transactions and file operations. A {@code CREATE TABLE} whose
 * dictionary insert fails deletes its new file; a crash part-way can leave a file without a
 * record or the reverse.
 */
package io.flushdb.storage.dict;
