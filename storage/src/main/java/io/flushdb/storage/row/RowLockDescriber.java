package io.flushdb.storage.row;

import io.flushdb.storage.btree.BTree;
import io.flushdb.storage.btree.RecordLayout;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.trx.lock.LockDescriber;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * Names what row and table locks are on, from the dictionary: an index as InnoDB's status report
 * does ({@code `PRIMARY` of table `db`.`t`}), a key as {@code data_locks.LOCK_DATA} does (the key
 * fields, strings quoted: {@code 1, 'abc'}).
 *
 * <p>Threads: called with the lock system's mutex held; it reads the dictionary's concurrent maps
 * and decodes bytes, taking no latch.
 */
public final class RowLockDescriber implements LockDescriber {
    private final Dictionary dictionary;

    public RowLockDescriber(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The table holding index {@code indexId} and that index's tree, or null. */
    private record Found(TableEntry entry, IndexDef index, BTree tree) {
    }

    private Found find(long indexId) {
        for (DatabaseDef db : dictionary.databases()) {
            for (TableEntry e : dictionary.tables(db.name())) {
                var indexes = e.def().indexes();
                for (int i = 0; i < indexes.size(); i++) {
                    if (indexes.get(i).id() == indexId) {
                        BTree tree = i == 0 ? e.store().clusteredIndex() : e.store().secondaryIndex(i - 1);
                        return new Found(e, indexes.get(i), tree);
                    }
                }
            }
        }
        return null;
    }

    @Override
    public String index(long indexId) {
        Found f = find(indexId);
        if (f == null) {
            return "id " + indexId;
        }
        return "`" + f.index().name() + "` of table `" + f.entry().def().database() + "`.`" + f.entry().def().name() + "`";
    }

    @Override
    public String key(long indexId, byte[] key) {
        Found f = find(indexId);
        if (f == null) {
            return "hex " + HexFormat.of().formatHex(key);
        }
        RecordLayout kl = f.tree().keyLayout();
        Object[] fields = kl.decodeFields(ByteBuffer.wrap(key), 0, f.tree().keyFields());
        StringBuilder b = new StringBuilder();
        for (Object v : fields) {
            if (b.length() > 0) {
                b.append(", ");
            }
            if (v == null) {
                b.append("NULL");
            } else if (v instanceof String s) {
                b.append('\'').append(s.replace("'", "''")).append('\'');
            } else if (v instanceof byte[] bytes) {
                b.append("0x").append(HexFormat.of().formatHex(bytes));
            } else {
                b.append(v);
            }
        }
        return b.toString();
    }

    @Override
    public String table(long tableId) {
        for (DatabaseDef db : dictionary.databases()) {
            for (TableEntry e : dictionary.tables(db.name())) {
                if (e.def().id() == tableId) {
                    return "`" + e.def().database() + "`.`" + e.def().name() + "`";
                }
            }
        }
        return "id " + tableId;
    }
}
