package io.flushdb.sql.ddl;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * Builds the dictionary definition for CREATE TABLE: columns, the clustered index (PRIMARY KEY,
 * or GEN_CLUST_INDEX on a hidden row id), secondary indexes with MySQL's naming of unnamed keys,
 * and the table options, enforcing MySQL's rules (one primary key, key columns NOT NULL, key
 * length limit, AUTO_INCREMENT column keyed, no TEXT/BLOB keys without a prefix).
 */
final class CreateTableHandler {
    /** InnoDB's limit on the bytes of an index key (for 16 KiB pages and larger). */
    private static final int MAX_KEY_BYTES = 3072;

    private CreateTableHandler() {
    }

    static TableDef build(CreateTable ct, String database, String table, Collation dbCollation, int pageSize,
                          List<String> warnings) {
        return build(ct, database, table, dbCollation, pageSize, warnings, List.of());
    }

    /**
     * As {@link #build(CreateTable, String, String, Collation, int, List)}, adding for each
     * FOREIGN KEY clause the index InnoDB creates on the referencing columns when no key starts
     * with them (named by the clause's index name, else its constraint name, else its first
     * column). The constraints themselves are resolved by {@link ForeignKeyResolver}.
     */
    static TableDef build(CreateTable ct, String database, String table, Collation dbCollation, int pageSize,
                          List<String> warnings, List<ForeignKeySpec> foreignKeys) {
        TableOptions options = TableOptions.parse(ct.getTableOptionsStrings(), dbCollation, warnings);
        if (ct.getColumnDefinitions() == null || ct.getColumnDefinitions().isEmpty()) {
            throw MySqlError.ER_TABLE_MUST_HAVE_COLUMNS.raise();
        }
        List<ColumnDef> columns = new ArrayList<>();
        List<ColumnSpec.Parsed> parsed = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ColumnDefinition cd : ct.getColumnDefinitions()) {
            ColumnSpec.Parsed p = ColumnSpec.parse(cd, options.collation());
            if (!names.add(p.def().name().toLowerCase(Locale.ROOT))) {
                throw MySqlError.ER_DUP_FIELDNAME.raise(p.def().name());
            }
            parsed.add(p);
            columns.add(p.def());
        }
        // Keys: from column definitions first (in column order), then table-level ones.
        List<KeySpec> keys = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i).primaryKey()) {
                keys.add(new KeySpec(IndexDef.Kind.PRIMARY, null, List.of(columns.get(i).name())));
            }
        }
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i).unique()) {
                keys.add(new KeySpec(IndexDef.Kind.UNIQUE, null, List.of(columns.get(i).name())));
            }
        }
        List<ColumnSpec.CheckSpec> checks = new ArrayList<>();
        List<String> checkOwners = new ArrayList<>();
        for (ColumnSpec.Parsed p : parsed) {
            for (ColumnSpec.CheckSpec c : p.checks()) {
                checks.add(c);
                checkOwners.add(p.def().name());
            }
        }
        if (ct.getIndexes() != null) {
            for (Index ix : ct.getIndexes()) {
                if (ix instanceof net.sf.jsqlparser.statement.create.table.CheckConstraint cc) {
                    checks.add(tableCheck(cc));
                    checkOwners.add(null);
                    continue;
                }
                if (ix instanceof ForeignKeyIndex) {
                    continue; // read from the statement's text: see build's foreignKeys
                }
                String type = ix.getType().toUpperCase(Locale.ROOT);
                IndexDef.Kind kind;
                if (type.startsWith("PRIMARY")) {
                    kind = IndexDef.Kind.PRIMARY;
                } else if (type.startsWith("UNIQUE")) {
                    kind = IndexDef.Kind.UNIQUE;
                } else if (type.equals("KEY") || type.equals("INDEX")) {
                    kind = IndexDef.Kind.INDEX;
                } else if (type.startsWith("FULLTEXT") || type.startsWith("SPATIAL")) {
                    throw MySqlError.ER_NOT_SUPPORTED_YET.raise(type + " indexes");
                } else if (type.startsWith("CHECK")) {
                    throw MySqlError.ER_NOT_SUPPORTED_YET.raise("CHECK constraints");
                } else {
                    throw MySqlError.ER_PARSE_ERROR.raise(ix.getType(), 1);
                }
                List<String> cols = new ArrayList<>();
                for (Index.ColumnParams cp : ix.getColumns()) {
                    if (cp.getParams() != null && !cp.getParams().isEmpty()) {
                        String p = String.join(" ", cp.getParams()).trim();
                        if (!p.equalsIgnoreCase("ASC") && !p.equalsIgnoreCase("DESC")) {
                            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("index column prefixes (" + p + ")");
                        }
                    }
                    cols.add(SqlText.unquote(cp.getColumnName()));
                }
                // UNIQUE KEY k (..) names the index k (JSqlParser's "index name"); CONSTRAINT c UNIQUE (..) names it c.
                String given = ix instanceof net.sf.jsqlparser.statement.create.table.NamedConstraint nc
                        && nc.getIndexName() != null ? nc.getIndexName() : ix.getName();
                String name = given == null ? null : SqlText.unquote(given);
                keys.add(new KeySpec(kind, name, cols));
            }
        }
        for (ForeignKeySpec fk : foreignKeys) {
            boolean indexed = false;
            for (KeySpec k : keys) {
                if (k.columns().size() >= fk.columns().size()) {
                    boolean leads = true;
                    for (int i = 0; i < fk.columns().size(); i++) {
                        leads &= k.columns().get(i).equalsIgnoreCase(fk.columns().get(i));
                    }
                    indexed |= leads;
                }
            }
            if (!indexed) {
                keys.add(new KeySpec(IndexDef.Kind.INDEX, fk.indexName() != null ? fk.indexName() : fk.name(),
                        fk.columns()));
            }
        }
        TableDef def = assemble(database, table, columns, keys, options, pageSize);
        RowRules.checkGenerated(def.columns());
        return def.withConstraints(def.foreignKeys(), RowRules.checks(table, def.columns(), List.of(), checks, checkOwners));
    }

    /** A table-level {@code [CONSTRAINT [name]] CHECK (condition) [[NOT] ENFORCED]}. */
    static ColumnSpec.CheckSpec tableCheck(net.sf.jsqlparser.statement.create.table.CheckConstraint cc) {
        String name = cc.getName() == null ? null : SqlText.unquote(cc.getName());
        return new ColumnSpec.CheckSpec(name, cc.getExpression(), cc.getEnforced() == null || cc.getEnforced());
    }

    /** A key as written: its kind, optional name, and column names. */
    record KeySpec(IndexDef.Kind kind, String name, List<String> columns) {
    }

    private static int keyRank(IndexDef ix, List<ColumnDef> columns) {
        if (ix.kind() != IndexDef.Kind.UNIQUE) {
            return 2;
        }
        for (int c : ix.columns()) {
            if (columns.get(c).nullable()) {
                return 1;
            }
        }
        return 0;
    }

    static TableDef assemble(String database, String table, List<ColumnDef> columns, List<KeySpec> keys,
                             TableOptions options, int pageSize) {
        List<IndexDef> indexes = new ArrayList<>();
        Map<String, IndexDef> byName = new LinkedHashMap<>();
        IndexDef primary = null;
        for (KeySpec k : keys) {
            int[] positions = new int[k.columns().size()];
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < positions.length; i++) {
                int pos = indexOf(columns, k.columns().get(i));
                if (pos < 0) {
                    throw MySqlError.ER_KEY_COLUMN_DOES_NOT_EXITS.raise(k.columns().get(i));
                }
                if (!seen.add(pos)) {
                    throw MySqlError.ER_DUP_FIELDNAME.raise(columns.get(pos).name());
                }
                ColumnDef c = columns.get(pos);
                if (c.type() == io.flushdb.storage.dict.ColumnType.JSON) {
                    throw MySqlError.ER_JSON_USED_AS_KEY.raise(c.name());
                }
                if (c.type().isLob()) {
                    throw MySqlError.ER_BLOB_KEY_WITHOUT_LENGTH.raise(c.name());
                }
                positions[i] = pos;
            }
            checkKeyLength(columns, positions, pageSize);
            if (k.kind() == IndexDef.Kind.PRIMARY) {
                if (primary != null) {
                    throw MySqlError.ER_MULTIPLE_PRI_KEY.raise();
                }
                for (int pos : positions) {
                    ColumnDef c = columns.get(pos);
                    if (c.nullable() && c.defaultKind() == ColumnDef.DefaultKind.NULL) {
                        // A column made NOT NULL by the key has no DEFAULT NULL any more.
                        c = new ColumnDef(c.name(), c.type(), c.length(), c.precision(), c.scale(), c.fsp(),
                                c.unsigned(), c.zerofill(), true, null, ColumnDef.DefaultKind.NONE, c.autoIncrement(),
                                c.onUpdateCurrentTimestamp(), c.collation(), c.comment());
                    }
                    columns.set(pos, c.withNullable(false));
                }
                primary = new IndexDef(0, IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, positions, 0);
                continue;
            }
            String name = k.name();
            if (name == null) {
                String base = columns.get(positions[0]).name();
                name = base;
                for (int n = 2; byName.containsKey(name.toLowerCase(Locale.ROOT)) || name.equalsIgnoreCase(IndexDef.PRIMARY_NAME); n++) {
                    name = base + "_" + n;
                }
            } else if (byName.containsKey(name.toLowerCase(Locale.ROOT)) || name.equalsIgnoreCase(IndexDef.PRIMARY_NAME)) {
                throw MySqlError.ER_DUP_KEYNAME.raise(name);
            }
            IndexDef ix = new IndexDef(0, name, k.kind(), positions, 0);
            byName.put(name.toLowerCase(Locale.ROOT), ix);
        }
        // PRIMARY KEY columns are NOT NULL; a column declared NULL cannot be in it (MySQL 8.0 error 1171).
        int autoInc = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).autoIncrement()) {
                if (autoInc >= 0) {
                    throw MySqlError.ER_WRONG_AUTO_KEY.raise();
                }
                autoInc = i;
            }
        }
        if (autoInc >= 0 && !startsSomeKey(autoInc, primary, byName.values())) {
            throw MySqlError.ER_WRONG_AUTO_KEY.raise();
        }
        if (primary != null) {
            indexes.add(primary);
        } else {
            indexes.add(new IndexDef(0, IndexDef.GENERATED_CLUSTERED_NAME, IndexDef.Kind.GENERATED_CLUSTERED, new int[0], 0));
        }
        // MySQL's key order (SHOW INDEX, SHOW CREATE TABLE): unique keys without nullable columns,
        // then other unique keys, then the rest, each group in the order written.
        List<IndexDef> secondary = new ArrayList<>(byName.values());
        secondary.sort(java.util.Comparator.comparingInt(ix -> keyRank(ix, columns)));
        indexes.addAll(secondary);
        return new TableDef(0, database, table, 0, columns, indexes, options.autoIncrement(), options.collation(),
                options.comment(), 0);
    }

    private static boolean startsSomeKey(int column, IndexDef primary, Iterable<IndexDef> others) {
        if (primary != null && primary.columns()[0] == column) {
            return true;
        }
        for (IndexDef ix : others) {
            if (ix.columns()[0] == column) {
                return true;
            }
        }
        return false;
    }

    private static void checkKeyLength(List<ColumnDef> columns, int[] positions, int pageSize) {
        int limit = pageSize >= 16384 ? MAX_KEY_BYTES : MAX_KEY_BYTES * pageSize / 16384;
        long bytes = 0;
        for (int pos : positions) {
            bytes += columns.get(pos).maxBytes();
        }
        if (bytes > limit) {
            throw MySqlError.ER_TOO_LONG_KEY.raise(limit);
        }
    }

    static int indexOf(List<ColumnDef> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
