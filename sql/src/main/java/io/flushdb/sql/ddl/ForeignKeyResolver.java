package io.flushdb.sql.ddl;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.Dictionary;
import io.flushdb.storage.dict.ForeignKeyDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.dict.TableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks FOREIGN KEY clauses against the tables they join and turns them into the dictionary's
 * {@link ForeignKeyDef}s, with MySQL 8.0's names and errors: an unnamed constraint is
 * {@code <table>_ibfk_<n>}; names are unique in the database (1826); the referencing columns exist
 * (1072), the parent table exists (1824, unless foreign_key_checks=0) with the referenced columns
 * (3734) leading one of its indexes (1822); paired columns have compatible types (3780); SET NULL
 * needs nullable referencing columns (1830).
 *
 * <p>Also the rules that protect existing constraints from other DDL: {@link #checkChildIndexes}
 * (1553, 1828) and {@link #referencingConstraints}.
 */
final class ForeignKeyResolver {
    private ForeignKeyResolver() {
    }

    /**
     * The constraints of {@code child} (a definition being created or altered, with its final
     * columns and indexes): {@code kept} as they are, then {@code added} resolved and checked.
     * {@code parentOf} is null-safe: a table referencing itself is checked against {@code child}.
     */
    static List<ForeignKeyDef> resolve(TableDef child, List<ForeignKeyDef> kept, List<ForeignKeySpec> added,
                                       Dictionary dictionary, boolean checks) {
        List<ForeignKeyDef> out = new ArrayList<>(kept);
        int generated = 0;
        String prefix = (child.name() + "_ibfk_").toLowerCase(Locale.ROOT);
        for (ForeignKeyDef fk : kept) {
            String n = fk.name().toLowerCase(Locale.ROOT);
            if (n.startsWith(prefix)) {
                try {
                    generated = Math.max(generated, Integer.parseInt(n.substring(prefix.length())));
                } catch (NumberFormatException ignored) {
                    // a name that only looks generated
                }
            }
        }
        for (ForeignKeySpec s : added) {
            String name = s.name() != null ? s.name() : child.name() + "_ibfk_" + (++generated);
            for (ForeignKeyDef other : out) {
                if (other.name().equalsIgnoreCase(name)) {
                    throw MySqlError.ER_FK_DUP_NAME.raise(name);
                }
            }
            for (TableEntry e : dictionary.tables(child.database())) {
                if (!e.def().name().equals(child.name()) && e.def().foreignKey(name) != null) {
                    throw MySqlError.ER_FK_DUP_NAME.raise(name);
                }
            }
            if (s.columns().size() != s.refColumns().size()) {
                throw MySqlError.ER_WRONG_FK_DEF.raise(name, "Key reference and table reference don't match");
            }
            int[] cc = child.columnPositions(s.columns());
            for (int i = 0; i < cc.length; i++) {
                if (cc[i] < 0) {
                    throw MySqlError.ER_KEY_COLUMN_DOES_NOT_EXITS.raise(s.columns().get(i));
                }
            }
            List<String> childColumns = new ArrayList<>();
            for (int c : cc) {
                childColumns.add(child.columns().get(c).name());
            }
            String refDb = s.refDatabase() != null ? s.refDatabase() : child.database();
            boolean self = refDb.equals(child.database()) && s.refTable().equals(child.name());
            TableDef parent = self ? child : parentDef(dictionary, refDb, s.refTable());
            List<String> refColumns = new ArrayList<>(s.refColumns());
            if (parent == null) {
                if (checks) {
                    throw MySqlError.ER_FK_CANNOT_OPEN_PARENT.raise(refDb + "." + s.refTable());
                }
            } else {
                int[] pc = parent.columnPositions(s.refColumns());
                for (int i = 0; i < pc.length; i++) {
                    if (pc[i] < 0) {
                        throw MySqlError.ER_FK_NO_COLUMN_PARENT.raise(s.refColumns().get(i), name, s.refTable());
                    }
                    refColumns.set(i, parent.columns().get(pc[i]).name());
                }
                for (int i = 0; i < cc.length; i++) {
                    ColumnDef a = child.columns().get(cc[i]);
                    ColumnDef b = parent.columns().get(pc[i]);
                    if (!compatible(a, b)) {
                        throw MySqlError.ER_FK_INCOMPATIBLE_COLUMNS.raise(a.name(), b.name(), name);
                    }
                }
                if (checks && parent.indexStartingWith(pc) < 0) {
                    throw MySqlError.ER_FK_NO_INDEX_PARENT.raise(name, s.refTable());
                }
            }
            if (s.onDelete() == ForeignKeyDef.Action.SET_NULL || s.onUpdate() == ForeignKeyDef.Action.SET_NULL) {
                for (int c : cc) {
                    if (!child.columns().get(c).nullable()) {
                        throw MySqlError.ER_FK_COLUMN_NOT_NULL.raise(child.columns().get(c).name(), name);
                    }
                }
            }
            out.add(new ForeignKeyDef(name, childColumns, refDb, parent == null ? s.refTable() : parent.name(),
                    refColumns, s.onDelete(), s.onUpdate()));
        }
        return out;
    }

    private static TableDef parentDef(Dictionary dictionary, String database, String table) {
        TableEntry e = dictionary.table(database, table);
        return e == null ? null : e.def();
    }

    /**
     * InnoDB's rule for paired columns: the same type; integers of the same size and signedness;
     * strings of any length but the same collation; DECIMAL of the same precision and scale.
     */
    static boolean compatible(ColumnDef a, ColumnDef b) {
        if (a.type().isString() && b.type().isString() && !a.type().isLob() && !b.type().isLob()) {
            return a.collation() == b.collation();
        }
        if (a.type() != b.type()) {
            return false;
        }
        if (a.type().isInteger()) {
            return a.unsigned() == b.unsigned();
        }
        return a.precision() == b.precision() && a.scale() == b.scale() && a.fsp() == b.fsp()
                && (a.type().isString() || a.type().isBinary() || a.length() == b.length() || !a.type().isVariable());
    }

    /**
     * The index of {@code def} a constraint's child side needs: every constraint of {@code def}
     * must still lead one of its indexes (else 1553 for {@code droppedIndex}, the index the
     * statement drops) and find its columns (else 1828).
     */
    static void checkChildIndexes(TableDef def, String droppedIndex) {
        for (ForeignKeyDef fk : def.foreignKeys()) {
            int[] cc = def.columnPositions(fk.columns());
            for (int i = 0; i < cc.length; i++) {
                if (cc[i] < 0) {
                    throw MySqlError.ER_FK_COLUMN_CANNOT_DROP.raise(fk.columns().get(i), fk.name());
                }
            }
            if (def.indexStartingWith(cc) < 0) {
                throw MySqlError.ER_DROP_INDEX_FK.raise(droppedIndex == null ? fk.name() : droppedIndex);
            }
        }
    }

    /**
     * The parent side of the same rule: constraints of other tables referencing {@code def} must
     * still find their referenced columns (1829) leading an index (1553).
     */
    static void checkParentIndexes(TableDef def, Dictionary dictionary, String droppedIndex, List<String[]> renames) {
        for (Referencing r : referencingConstraints(dictionary, def.database(), def.name())) {
            if (r.child().name().equals(def.name()) && r.child().database().equals(def.database())) {
                continue; // checked as a child
            }
            ForeignKeyDef fk = r.fk();
            for (String[] rename : renames) {
                fk = fk.withRefColumnRenamed(rename[0], rename[1]);
            }
            int[] pc = def.columnPositions(fk.refColumns());
            for (int i = 0; i < pc.length; i++) {
                if (pc[i] < 0) {
                    throw MySqlError.ER_FK_COLUMN_CANNOT_DROP_CHILD.raise(r.fk().refColumns().get(i), r.fk().name(),
                            r.child().name());
                }
            }
            if (def.indexStartingWith(pc) < 0) {
                throw MySqlError.ER_DROP_INDEX_FK.raise(droppedIndex == null ? r.fk().name() : droppedIndex);
            }
        }
    }

    /**
     * After {@code database.table} (a parent) had columns renamed ({old, new} pairs, in order):
     * the constraints of other tables referencing it follow the new names, as in MySQL 8.0.
     */
    static void followColumnRenames(Dictionary dictionary, String database, String table, List<String[]> renames) {
        if (renames.isEmpty()) {
            return;
        }
        for (TableEntry e : referencingTables(dictionary, database, table)) {
            if (e.def().database().equals(database) && e.def().name().equals(table)) {
                continue; // its own constraints were renamed with it
            }
            List<ForeignKeyDef> fks = new ArrayList<>();
            for (ForeignKeyDef fk : e.def().foreignKeys()) {
                if (fk.references(database, table)) {
                    for (String[] r : renames) {
                        fk = fk.withRefColumnRenamed(r[0], r[1]);
                    }
                }
                fks.add(fk);
            }
            dictionary.changeDefinition(e.def().withConstraints(fks, e.def().checks()));
        }
    }

    /** After RENAME TABLE of a parent: the constraints referencing it follow it, as in MySQL. */
    static void followTableRename(Dictionary dictionary, String database, String table, String newDatabase,
                                  String newTable) {
        for (TableEntry e : referencingTables(dictionary, database, table)) {
            List<ForeignKeyDef> fks = new ArrayList<>();
            for (ForeignKeyDef fk : e.def().foreignKeys()) {
                fks.add(fk.references(database, table) ? fk.withReferencedTable(newDatabase, newTable) : fk);
            }
            dictionary.changeDefinition(e.def().withConstraints(fks, e.def().checks()));
        }
    }

    private static List<TableEntry> referencingTables(Dictionary dictionary, String database, String table) {
        List<TableEntry> out = new ArrayList<>();
        for (io.flushdb.storage.dict.DatabaseDef db : dictionary.databases()) {
            for (TableEntry e : dictionary.tables(db.name())) {
                for (ForeignKeyDef fk : e.def().foreignKeys()) {
                    if (fk.references(database, table)) {
                        out.add(e);
                        break;
                    }
                }
            }
        }
        return out;
    }

    /**
     * DROP TABLE of {@code dropped} with foreign_key_checks on: a table referenced by a constraint
     * of a table not dropped by the same statement cannot go (MySQL 8.0's 3730).
     */
    static void checkDrop(Dictionary dictionary, List<TableEntry> dropped) {
        for (TableEntry e : dropped) {
            for (Referencing r : referencingConstraints(dictionary, e.def().database(), e.def().name())) {
                boolean alsoDropped = false;
                for (TableEntry d : dropped) {
                    alsoDropped |= d.def().id() == r.child().id();
                }
                if (!alsoDropped) {
                    throw MySqlError.ER_FK_CANNOT_DROP_PARENT.raise(e.def().name(), r.fk().name(), r.child().name());
                }
            }
        }
    }

    /** TRUNCATE of a table another table's constraint references (1701), with foreign_key_checks on. */
    static void checkTruncate(Dictionary dictionary, TableDef def) {
        for (Referencing r : referencingConstraints(dictionary, def.database(), def.name())) {
            if (r.child().id() != def.id()) {
                throw MySqlError.ER_TRUNCATE_ILLEGAL_FK.raise("`" + r.child().database() + "`.`" + r.child().name()
                        + "`, CONSTRAINT `" + r.fk().name() + "`");
            }
        }
    }

    /** A constraint and the table that has it. */
    record Referencing(TableDef child, ForeignKeyDef fk) {
    }

    /** The constraints, of any table in any database, that reference {@code database.table}. */
    static List<Referencing> referencingConstraints(Dictionary dictionary, String database, String table) {
        List<Referencing> out = new ArrayList<>();
        for (io.flushdb.storage.dict.DatabaseDef db : dictionary.databases()) {
            for (TableEntry e : dictionary.tables(db.name())) {
                for (ForeignKeyDef fk : e.def().foreignKeys()) {
                    if (fk.references(database, table)) {
                        out.add(new Referencing(e.def(), fk));
                    }
                }
            }
        }
        return out;
    }
}
