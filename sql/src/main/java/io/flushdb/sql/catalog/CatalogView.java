package io.flushdb.sql.catalog;

import io.flushdb.sql.types.ColumnTypes;
import io.flushdb.sql.types.MySqlType;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.ForeignKeyDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only view of the data dictionary for tools (JDBC DatabaseMetaData, the shell): databases,
 * tables, columns and indexes as MySQL describes them. Names are case-sensitive, as in MySQL on
 * Linux.
 */
public final class CatalogView {
    /** A column of a table. */
    public record Column(String database, String table, String name, int ordinal, MySqlType type, String columnType,
                         long length, int scale, boolean nullable, String defaultValue, boolean autoIncrement,
                         String collation, String comment) {
    }

    /** One column of an index. */
    public record IndexColumn(String database, String table, String index, boolean unique, int seq, String column) {
    }

    /** A table. */
    public record Table(String database, String name, String comment) {
    }

    /**
     * One column pair of a FOREIGN KEY constraint, as KEY_COLUMN_USAGE and REFERENTIAL_CONSTRAINTS
     * join them for Connector/J's getImportedKeys: the parent (pk) and child (fk) sides, the pair's
     * position, the actions as MySQL 8.0 names them, the constraint's name and the parent index's.
     */
    public record ForeignKeyColumn(String pkDatabase, String pkTable, String pkColumn, String fkDatabase,
                                   String fkTable, String fkColumn, int seq, String updateRule, String deleteRule,
                                   String fkName, String pkName) {
    }

    private final Dictionary dictionary;

    public CatalogView(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    public List<String> databases() {
        List<String> out = new ArrayList<>();
        for (DatabaseDef d : dictionary.databases()) {
            out.add(d.name());
        }
        return out;
    }

    public List<Table> tables(String database) {
        List<Table> out = new ArrayList<>();
        for (TableEntry e : dictionary.tables(database)) {
            out.add(new Table(database, e.def().name(), e.def().comment()));
        }
        return out;
    }

    public List<Column> columns(String database, String table) {
        TableEntry e = dictionary.table(database, table);
        if (e == null) {
            return List.of();
        }
        List<Column> out = new ArrayList<>();
        for (ColumnDescription d : ColumnDescription.of(e.def().columns(), e.def().indexes())) {
            ColumnDef c = d.def();
            out.add(new Column(database, table, c.name(), d.ordinal(), ColumnTypes.mysqlType(c), d.columnType(),
                    ColumnTypes.displayLength(c), c.type() == io.flushdb.storage.dict.ColumnType.DECIMAL ? c.scale() : c.fsp(),
                    c.nullable(), d.defaultText(), c.autoIncrement(), d.collationName(), c.comment()));
        }
        return out;
    }

    /** Index columns in MySQL's key order (the clustered PRIMARY first), then by seq. GEN_CLUST_INDEX is hidden. */
    public List<IndexColumn> indexColumns(String database, String table) {
        TableEntry e = dictionary.table(database, table);
        if (e == null) {
            return List.of();
        }
        List<IndexColumn> out = new ArrayList<>();
        for (KeyPartDescription k : KeyPartDescription.of(e.def())) {
            out.add(new IndexColumn(database, table, k.indexName(), k.unique(), k.seq(), k.columnName()));
        }
        return out;
    }

    /** Every FOREIGN KEY column pair of every table, in dictionary order. */
    public List<ForeignKeyColumn> foreignKeyColumns() {
        List<ForeignKeyColumn> out = new ArrayList<>();
        for (DatabaseDef db : dictionary.databases()) {
            for (TableEntry e : dictionary.tables(db.name())) {
                for (ForeignKeyDef fk : e.def().foreignKeys()) {
                    String pkName = parentIndexName(fk);
                    for (int i = 0; i < fk.columns().size(); i++) {
                        out.add(new ForeignKeyColumn(fk.refDatabase(), fk.refTable(), fk.refColumns().get(i), db.name(),
                                e.def().name(), fk.columns().get(i), i + 1, fk.onUpdate().sql(), fk.onDelete().sql(),
                                fk.name(), pkName));
                    }
                }
            }
        }
        return out;
    }

    private String parentIndexName(ForeignKeyDef fk) {
        TableEntry p = dictionary.table(fk.refDatabase(), fk.refTable());
        if (p == null) {
            return null;
        }
        int[] pc = p.def().columnPositions(fk.refColumns());
        for (int c : pc) {
            if (c < 0) {
                return null;
            }
        }
        int ix = p.def().indexStartingWith(pc);
        return ix < 0 ? null : p.def().indexes().get(ix).name();
    }

    /** The primary key's columns, in key order (empty if the table has none). */
    public List<String> primaryKey(String database, String table) {
        List<String> out = new ArrayList<>();
        for (IndexColumn ic : indexColumns(database, table)) {
            if (ic.index().equals(IndexDef.PRIMARY_NAME)) {
                out.add(ic.column());
            }
        }
        return out;
    }
}
