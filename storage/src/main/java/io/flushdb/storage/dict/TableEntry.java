package io.flushdb.storage.dict;

import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.trx.TableLock;

/**
 * A table known to the dictionary: its definition, its rows, and its lock. The lock object stays
 * the same for the table's life, while DDL may replace the definition and store.
 */
public record TableEntry(TableDef def, TableStore store, TableLock lock) {
}
