package io.flushdb.sql.ddl;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.MySqlParser;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.CheckDef;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ForeignKeyDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CreateTable;

/**
 * Parses ALTER TABLE and applies its actions, in the order written, to a working copy of the
 * table's definition: columns (each remembering which old column it comes from) and keys. The
 * result is checked with CREATE TABLE's rules ({@link CreateTableHandler#assemble}), which also
 * puts the keys in MySQL's order. {@link DdlExecutor} then decides how to store the change.
 *
 * <p>The statement is tokenized here rather than by JSqlParser, whose ALTER support covers only
 * part of MySQL's grammar; a column definition is handed to JSqlParser as the body of a one-column
 * CREATE TABLE, so it means exactly what it means there.
 */
final class AlterTableHandler {
    /** A token: its text as written and where it starts and ends in the statement. */
    record Token(String text, int start, int end, boolean quoted) {
        String upper() {
            return quoted ? "" : text.toUpperCase(Locale.ROOT);
        }

        String name() {
            return SqlText.unquote(text);
        }
    }

    /** A column of the new table and the position of the old column it takes its values from (-1: new). */
    static final class Column {
        ColumnDef def;
        final int source;

        Column(ColumnDef def, int source) {
            this.def = def;
            this.source = source;
        }
    }

    /** A key of the new table; {@code origin} is the old index it is, or null when added. */
    static final class Key {
        IndexDef.Kind kind;
        String name;
        final List<String> columns;
        final IndexDef origin;

        Key(IndexDef.Kind kind, String name, List<String> columns, IndexDef origin) {
            this.kind = kind;
            this.name = name;
            this.columns = columns;
            this.origin = origin;
        }
    }

    /** What the statement asks for. */
    static final class Plan {
        String database;
        String table;
        final List<Column> columns = new ArrayList<>();
        final List<Key> keys = new ArrayList<>();
        Collation collation;
        String comment;
        Long autoIncrement;
        String renameDatabase;
        String renameTo;
        boolean columnsChanged;
        boolean force;
        /** The index added or dropped when that is the statement's only action (else null). */
        String onlyAddedIndex;
        String onlyDroppedIndex;
        int actions;
        final List<String> warnings = new ArrayList<>();
        /** The table's CHECK constraints kept (and changed in enforcement) by the statement. */
        final List<CheckDef> checks = new ArrayList<>();
        /** CHECK constraints the statement adds, and for each the column defining it (null: table-level). */
        final List<ColumnSpec.CheckSpec> addedChecks = new ArrayList<>();
        final List<String> addedCheckOwners = new ArrayList<>();
        /** Whether an enforced CHECK constraint is added or made enforced (existing rows must satisfy it). */
        boolean checksTightened;
        /** The table's FOREIGN KEY constraints that stay (child columns renamed as the columns are). */
        final List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        /** FOREIGN KEY clauses the statement adds, resolved by {@link ForeignKeyResolver}. */
        final List<ForeignKeySpec> addedForeignKeys = new ArrayList<>();
        /** Whether constraints were added or dropped. */
        boolean foreignKeysChanged;
        /** Columns renamed: {old name, new name}, in order (referencing constraints follow them). */
        final List<String[]> renamedColumns = new ArrayList<>();
    }

    private final String sql;
    private final List<Token> tokens;
    private int pos;

    private AlterTableHandler(String sql) {
        this.sql = sql;
        this.tokens = tokenize(sql);
    }

    // ---- tokens -------------------------------------------------------------------------------

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-' && (i + 2 == n || Character.isWhitespace(s.charAt(i + 2)))
                    || c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int e = s.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
                continue;
            }
            int start = i;
            if (c == '\'' || c == '"' || c == '`') {
                i = SqlText.skipQuoted(s, i);
                out.add(new Token(s.substring(start, i), start, i, true));
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c >= 0x80) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$'
                        || s.charAt(i) == '@' || s.charAt(i) >= 0x80
                        || s.charAt(i) == '.' && Character.isDigit(c))) {
                    i++;
                }
            } else if (c == '-' || c == '+') {
                i++;
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
            } else {
                i++;
            }
            out.add(new Token(s.substring(start, i), start, i, false));
        }
        return out;
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private String peekUpper() {
        Token t = peek();
        return t == null ? "" : t.upper();
    }

    private boolean accept(String word) {
        if (peekUpper().equals(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token next() {
        Token t = peek();
        if (t == null) {
            throw syntaxError();
        }
        pos++;
        return t;
    }

    private void expect(String word) {
        if (!accept(word)) {
            throw syntaxError();
        }
    }

    private RuntimeException syntaxError() {
        Token t = peek();
        String near = t == null ? "" : sql.substring(t.start());
        return MySqlError.ER_PARSE_ERROR.raise(near.length() > 80 ? near.substring(0, 80) : near, 1);
    }

    private String identifier() {
        Token t = next();
        if (!t.quoted() && !Character.isLetterOrDigit(t.text().charAt(0)) && t.text().charAt(0) != '_'
                && t.text().charAt(0) != '$') {
            pos--;
            throw syntaxError();
        }
        if (t.quoted() && t.text().charAt(0) != '`') {
            pos--;
            throw syntaxError();
        }
        return t.name();
    }

    // ---- RENAME TABLE -------------------------------------------------------------------------

    /** A {@code RENAME TABLE} pair: (database or null, name) to (database or null, name). */
    record RenamePair(String fromDatabase, String from, String toDatabase, String to) {
    }

    static List<RenamePair> parseRename(String sql) {
        AlterTableHandler p = new AlterTableHandler(sql);
        p.expect("RENAME");
        if (!p.accept("TABLE")) {
            p.expect("TABLES");
        }
        List<RenamePair> out = new ArrayList<>();
        do {
            String[] from = p.qualifiedName();
            p.expect("TO");
            String[] to = p.qualifiedName();
            out.add(new RenamePair(from[0], from[1], to[0], to[1]));
        } while (p.accept(","));
        if (p.peek() != null) {
            throw p.syntaxError();
        }
        return out;
    }

    private String[] qualifiedName() {
        String a = identifier();
        if (accept(".")) {
            return new String[] {a, identifier()};
        }
        return new String[] {null, a};
    }

    // ---- ALTER TABLE --------------------------------------------------------------------------

    /** The table named by an ALTER TABLE statement: {database or null, name}. */
    static String[] alteredTable(String sql) {
        AlterTableHandler p = new AlterTableHandler(sql);
        p.header();
        return p.qualifiedName();
    }

    private void header() {
        expect("ALTER");
        accept("ONLINE");
        accept("IGNORE");
        expect("TABLE");
    }

    /**
     * Applies the statement's actions to {@code def}; {@code pageSize} bounds key lengths. Returns
     * the plan with the new columns and keys (not yet checked: see {@link #assemble}).
     */
    static Plan plan(String sql, TableDef def) {
        AlterTableHandler p = new AlterTableHandler(sql);
        p.header();
        p.qualifiedName();
        Plan plan = new Plan();
        plan.database = def.database();
        plan.table = def.name();
        plan.collation = def.defaultCollation();
        plan.comment = def.comment();
        plan.checks.addAll(def.checks());
        for (int i = 0; i < def.columns().size(); i++) {
            plan.columns.add(new Column(def.columns().get(i), i));
        }
        for (IndexDef ix : def.indexes()) {
            if (ix.kind() == IndexDef.Kind.GENERATED_CLUSTERED) {
                continue;
            }
            List<String> cols = new ArrayList<>();
            for (int c : ix.columns()) {
                cols.add(def.columns().get(c).name());
            }
            plan.keys.add(new Key(ix.kind(), ix.kind() == IndexDef.Kind.PRIMARY ? null : ix.name(), cols, ix));
        }
        plan.foreignKeys.addAll(def.foreignKeys());
        if (p.peek() == null) {
            return plan;
        }
        do {
            int before = p.pos;
            p.action(plan, def);
            if (p.pos == before) {
                throw p.syntaxError();
            }
            plan.actions++;
        } while (p.accept(","));
        if (p.peek() != null) {
            throw p.syntaxError();
        }
        for (ForeignKeySpec fk : plan.addedForeignKeys) {
            addForeignKeyIndex(plan, fk);
        }
        return plan;
    }

    /**
     * The child's index for a new constraint, as InnoDB adds it: none when some key already starts
     * with the referencing columns; else an index named by the clause's index name, or the
     * constraint's name, or (unnamed) after its first column.
     */
    private static void addForeignKeyIndex(Plan plan, ForeignKeySpec fk) {
        for (Key k : plan.keys) {
            if (k.columns.size() >= fk.columns().size()) {
                boolean leads = true;
                for (int i = 0; i < fk.columns().size(); i++) {
                    leads &= k.columns.get(i).equalsIgnoreCase(fk.columns().get(i));
                }
                if (leads) {
                    return;
                }
            }
        }
        for (String c : fk.columns()) {
            if (column(plan, c) == null) {
                throw MySqlError.ER_KEY_COLUMN_DOES_NOT_EXITS.raise(c);
            }
        }
        String name = fk.indexName() != null ? fk.indexName() : fk.name();
        if (name == null) {
            name = generatedName(plan, fk.columns().get(0));
        } else if (key(plan, name) != null) {
            throw MySqlError.ER_DUP_KEYNAME.raise(name);
        }
        plan.keys.add(new Key(IndexDef.Kind.INDEX, name, new ArrayList<>(fk.columns()), null));
        plan.onlyAddedIndex = plan.actions == 1 ? name : null;
    }

    // ---- FOREIGN KEY clauses --------------------------------------------------------------------

    /**
     * {@code FOREIGN KEY [index_name] (cols) REFERENCES [db.]tbl (cols) [MATCH ...] [ON DELETE
     * action] [ON UPDATE action]}, the constraint's name ({@code symbol}) read already.
     */
    private ForeignKeySpec foreignKey(String symbol) {
        expect("FOREIGN");
        expect("KEY");
        String indexName = peek() != null && !peek().text().equals("(") ? identifier() : null;
        List<String> cols = nameList();
        expect("REFERENCES");
        String[] ref = qualifiedName();
        List<String> refCols = nameList();
        if (accept("MATCH")) {
            next();
        }
        ForeignKeyDef.Action onDelete = ForeignKeyDef.Action.NO_ACTION;
        ForeignKeyDef.Action onUpdate = ForeignKeyDef.Action.NO_ACTION;
        while (accept("ON")) {
            if (accept("DELETE")) {
                onDelete = referentialAction();
            } else {
                expect("UPDATE");
                onUpdate = referentialAction();
            }
        }
        return new ForeignKeySpec(symbol, indexName, cols, ref[0], ref[1], refCols, onDelete, onUpdate);
    }

    private List<String> nameList() {
        expect("(");
        List<String> out = new ArrayList<>();
        do {
            out.add(identifier());
            if (!accept("ASC")) {
                accept("DESC");
            }
        } while (accept(","));
        expect(")");
        return out;
    }

    private ForeignKeyDef.Action referentialAction() {
        if (accept("RESTRICT")) {
            return ForeignKeyDef.Action.RESTRICT;
        }
        if (accept("CASCADE")) {
            return ForeignKeyDef.Action.CASCADE;
        }
        if (accept("NO")) {
            expect("ACTION");
            return ForeignKeyDef.Action.NO_ACTION;
        }
        expect("SET");
        if (accept("NULL")) {
            return ForeignKeyDef.Action.SET_NULL;
        }
        expect("DEFAULT");
        return ForeignKeyDef.Action.SET_DEFAULT;
    }

    /**
     * The FOREIGN KEY clauses of a CREATE TABLE statement, in the order written (JSqlParser's
     * reading of them does not keep MySQL's constraint and index names apart). Column-level
     * {@code REFERENCES} is not among them: MySQL 8.0 parses and ignores it.
     */
    static List<ForeignKeySpec> foreignKeysOfCreate(String sql) {
        AlterTableHandler p = new AlterTableHandler(sql);
        List<ForeignKeySpec> out = new ArrayList<>();
        int n = p.tokens.size();
        int i = 0;
        while (i < n && !p.tokens.get(i).text().equals("(")) {
            i++;
        }
        int depth = 0;
        boolean elementStart = false;
        for (; i < n; i++) {
            Token t = p.tokens.get(i);
            if (depth == 1 && elementStart) {
                elementStart = false;
                String u = t.upper();
                String symbol = null;
                int at = i;
                if (u.equals("CONSTRAINT")) {
                    at = i + 1;
                    String next = at < n ? p.tokens.get(at).upper() : "";
                    if (!next.equals("FOREIGN") && !next.equals("PRIMARY") && !next.equals("UNIQUE") && !next.equals("CHECK")) {
                        symbol = p.tokens.get(at).name();
                        at++;
                    }
                }
                if (at < n && p.tokens.get(at).upper().equals("FOREIGN")) {
                    p.pos = at;
                    out.add(p.foreignKey(symbol));
                    i = p.pos - 1;
                    continue;
                }
            }
            if (t.text().equals("(")) {
                depth++;
                elementStart = depth == 1;
            } else if (t.text().equals(")")) {
                depth--;
            } else if (t.text().equals(",") && depth == 1) {
                elementStart = true;
            }
        }
        return out;
    }

    private void action(Plan plan, TableDef def) {
        String w = peekUpper();
        switch (w) {
            case "ADD" -> {
                pos++;
                add(plan);
            }
            case "DROP" -> {
                pos++;
                drop(plan);
            }
            case "MODIFY" -> {
                pos++;
                accept("COLUMN");
                Token nameTok = peek();
                String name = identifier();
                Column old = column(plan, name);
                if (old == null) {
                    throw MySqlError.ER_BAD_FIELD_ERROR.raise(name, plan.table);
                }
                pos--;
                redefine(plan, old, nameTok);
            }
            case "CHANGE" -> {
                pos++;
                accept("COLUMN");
                String oldName = identifier();
                Column old = column(plan, oldName);
                if (old == null) {
                    throw MySqlError.ER_BAD_FIELD_ERROR.raise(oldName, plan.table);
                }
                redefine(plan, old, peek());
            }
            case "RENAME" -> {
                pos++;
                rename(plan);
            }
            case "ALTER" -> {
                pos++;
                alterColumn(plan);
            }
            case "FORCE" -> {
                pos++;
                plan.force = true;
            }
            case "ALGORITHM", "LOCK" -> {
                pos++;
                accept("=");
                next();
            }
            case "ORDER", "CONVERT", "DISCARD", "IMPORT", "PARTITION", "REMOVE", "ENABLE", "DISABLE", "WITH",
                 "WITHOUT", "VALIDATION", "COALESCE", "REORGANIZE", "EXCHANGE", "ANALYZE", "CHECK", "OPTIMIZE",
                 "REBUILD", "REPAIR", "TRUNCATE", "UPGRADE" -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise(
                    "ALTER TABLE ... " + w);
            default -> tableOption(plan);
        }
    }

    private void tableOption(Plan plan) {
        int start = pos;
        List<String> option = new ArrayList<>();
        if (accept("DEFAULT")) {
            option.add("DEFAULT");
        }
        String w = peekUpper();
        switch (w) {
            case "ENGINE", "AUTO_INCREMENT", "COMMENT", "CHARSET", "COLLATE", "ROW_FORMAT", "KEY_BLOCK_SIZE",
                 "STATS_PERSISTENT", "STATS_AUTO_RECALC", "PACK_KEYS", "CHECKSUM", "DELAY_KEY_WRITE",
                 "AVG_ROW_LENGTH", "MIN_ROWS", "MAX_ROWS" -> option.add(next().text());
            case "CHARACTER" -> {
                option.add(next().text());
                expect("SET");
                option.add("SET");
            }
            default -> {
                pos = start;
                throw syntaxError();
            }
        }
        if (accept("=")) {
            option.add("=");
        }
        option.add(next().text());
        TableOptions o = TableOptions.parse(option, plan.collation, plan.warnings);
        switch (w) {
            case "AUTO_INCREMENT" -> plan.autoIncrement = o.autoIncrement();
            case "COMMENT" -> plan.comment = o.comment();
            case "CHARSET", "CHARACTER", "COLLATE" -> plan.collation = o.collation();
            default -> {
            }
        }
    }

    private void add(Plan plan) {
        String w = peekUpper();
        switch (w) {
            case "INDEX", "KEY" -> {
                pos++;
                addKey(plan, IndexDef.Kind.INDEX, optionalIndexName());
            }
            case "UNIQUE" -> {
                pos++;
                if (!accept("INDEX")) {
                    accept("KEY");
                }
                addKey(plan, IndexDef.Kind.UNIQUE, optionalIndexName());
            }
            case "PRIMARY" -> {
                pos++;
                expect("KEY");
                addKey(plan, IndexDef.Kind.PRIMARY, null);
            }
            case "CONSTRAINT" -> {
                pos++;
                String symbol = peekUpper().equals("PRIMARY") || peekUpper().equals("UNIQUE")
                        || peekUpper().equals("FOREIGN") || peekUpper().equals("CHECK") ? null : identifier();
                if (accept("PRIMARY")) {
                    expect("KEY");
                    addKey(plan, IndexDef.Kind.PRIMARY, null);
                } else if (accept("UNIQUE")) {
                    if (!accept("INDEX")) {
                        accept("KEY");
                    }
                    String name = optionalIndexName();
                    addKey(plan, IndexDef.Kind.UNIQUE, name != null ? name : symbol);
                } else if (peekUpper().equals("FOREIGN")) {
                    plan.addedForeignKeys.add(foreignKey(symbol));
                    plan.foreignKeysChanged = true;
                } else if (accept("CHECK")) {
                    addCheck(plan, symbol);
                } else {
                    throw syntaxError();
                }
            }
            case "FOREIGN" -> {
                plan.addedForeignKeys.add(foreignKey(null));
                plan.foreignKeysChanged = true;
            }
            case "CHECK" -> {
                pos++;
                addCheck(plan, null);
            }
            case "FULLTEXT", "SPATIAL" -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise(w + " indexes");
            case "PARTITION" -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise("ALTER TABLE ... ADD PARTITION");
            default -> {
                accept("COLUMN");
                if (accept("(")) {
                    do {
                        addColumn(plan, false);
                    } while (accept(","));
                    expect(")");
                } else {
                    addColumn(plan, true);
                }
            }
        }
    }

    /** {@code CHECK (condition) [[NOT] ENFORCED]} after the CHECK keyword. */
    private void addCheck(Plan plan, String name) {
        Token open = peek();
        if (open == null || !open.text().equals("(")) {
            throw syntaxError();
        }
        int depth = 0;
        int end;
        do {
            Token t = next();
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")")) {
                depth--;
            }
            end = t.end();
        } while (depth > 0 && peek() != null);
        net.sf.jsqlparser.expression.Expression condition = RowRules.parse(sql.substring(open.start(), end));
        boolean enforced = enforcement();
        plan.addedChecks.add(new ColumnSpec.CheckSpec(name, condition, enforced));
        plan.addedCheckOwners.add(null);
        plan.checksTightened |= enforced;
    }

    /** An optional {@code [NOT] ENFORCED}: false for NOT ENFORCED. */
    private boolean enforcement() {
        if (peekUpper().equals("NOT") && pos + 1 < tokens.size() && tokens.get(pos + 1).upper().equals("ENFORCED")) {
            pos += 2;
            return false;
        }
        accept("ENFORCED");
        return true;
    }

    private static int checkIndex(Plan plan, String name) {
        for (int i = 0; i < plan.checks.size(); i++) {
            if (plan.checks.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private String optionalIndexName() {
        if (peek() != null && !peek().text().equals("(") && !peekUpper().equals("USING")) {
            return identifier();
        }
        return null;
    }

    private void addKey(Plan plan, IndexDef.Kind kind, String name) {
        if (accept("USING")) {
            next(); // BTREE / HASH: InnoDB builds B-trees
        }
        expect("(");
        List<String> cols = new ArrayList<>();
        do {
            Token t = peek();
            if (t != null && t.text().equals("(")) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise("functional key parts");
            }
            cols.add(identifier());
            if (accept("(")) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise("index column prefixes");
            }
            if (!accept("ASC")) {
                accept("DESC");
            }
        } while (accept(","));
        expect(")");
        while (true) {
            if (accept("USING")) {
                next();
            } else if (accept("COMMENT")) {
                next();
            } else if (accept("VISIBLE")) {
                continue;
            } else if (peekUpper().equals("INVISIBLE")) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise("invisible indexes");
            } else {
                break;
            }
        }
        if (kind == IndexDef.Kind.PRIMARY) {
            for (Key k : plan.keys) {
                if (k.kind == IndexDef.Kind.PRIMARY) {
                    throw MySqlError.ER_MULTIPLE_PRI_KEY.raise();
                }
            }
        } else if (name != null) {
            if (name.equalsIgnoreCase(IndexDef.PRIMARY_NAME)) {
                throw MySqlError.ER_WRONG_NAME_FOR_INDEX.raise(name);
            }
            if (key(plan, name) != null) {
                throw MySqlError.ER_DUP_KEYNAME.raise(name);
            }
        }
        if (name == null && kind != IndexDef.Kind.PRIMARY) {
            name = generatedName(plan, cols.get(0));
        }
        plan.keys.add(new Key(kind, name, cols, null));
        plan.onlyAddedIndex = name;
    }

    /** MySQL's name for an unnamed key: its first column, then column_2, column_3, ... */
    private static String generatedName(Plan plan, String column) {
        String name = column;
        for (int n = 2; key(plan, name) != null || name.equalsIgnoreCase(IndexDef.PRIMARY_NAME); n++) {
            name = column + "_" + n;
        }
        return name;
    }

    private static Key key(Plan plan, String name) {
        for (Key k : plan.keys) {
            if (k.name != null && k.name.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    private static Column column(Plan plan, String name) {
        for (Column c : plan.columns) {
            if (c.def.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    private void drop(Plan plan) {
        String w = peekUpper();
        switch (w) {
            case "INDEX", "KEY" -> {
                pos++;
                String name = identifier();
                Key k = key(plan, name);
                if (k == null || k.kind == IndexDef.Kind.PRIMARY) {
                    throw MySqlError.ER_CANT_DROP_FIELD_OR_KEY.raise(name);
                }
                plan.keys.remove(k);
                plan.onlyDroppedIndex = k.name;
            }
            case "PRIMARY" -> {
                pos++;
                expect("KEY");
                Key pk = null;
                for (Key k : plan.keys) {
                    if (k.kind == IndexDef.Kind.PRIMARY) {
                        pk = k;
                    }
                }
                if (pk == null) {
                    throw MySqlError.ER_CANT_DROP_FIELD_OR_KEY.raise(IndexDef.PRIMARY_NAME);
                }
                plan.keys.remove(pk);
            }
            case "FOREIGN" -> {
                pos++;
                expect("KEY");
                String name = identifier();
                if (!plan.foreignKeys.removeIf(fk -> fk.name().equalsIgnoreCase(name))) {
                    throw MySqlError.ER_CANT_DROP_FIELD_OR_KEY.raise(name);
                }
                plan.foreignKeysChanged = true;
            }
            case "CHECK", "CONSTRAINT" -> {
                pos++;
                String name = identifier();
                int at = checkIndex(plan, name);
                if (at >= 0) {
                    plan.checks.remove(at);
                } else if (w.equals("CONSTRAINT") && plan.foreignKeys.removeIf(fk -> fk.name().equalsIgnoreCase(name))) {
                    plan.foreignKeysChanged = true; // MySQL 8.0.19: DROP CONSTRAINT drops a foreign key too
                } else {
                    throw w.equals("CHECK") ? MySqlError.ER_CHECK_CONSTRAINT_NOT_FOUND.raise(name)
                            : MySqlError.ER_CONSTRAINT_NOT_FOUND.raise(name);
                }
            }
            default -> {
                accept("COLUMN");
                String name = identifier();
                Column c = column(plan, name);
                if (c == null) {
                    throw MySqlError.ER_CANT_DROP_FIELD_OR_KEY.raise(name);
                }
                accept("RESTRICT");
                accept("CASCADE");
                plan.columns.remove(c);
                plan.columnsChanged = true;
                if (plan.columns.isEmpty()) {
                    throw MySqlError.ER_CANT_REMOVE_ALL_FIELDS.raise();
                }
                // The column leaves every key; a key left without columns goes too (MySQL's rule).
                for (int i = plan.keys.size() - 1; i >= 0; i--) {
                    Key k = plan.keys.get(i);
                    k.columns.removeIf(n -> n.equalsIgnoreCase(name));
                    if (k.columns.isEmpty()) {
                        plan.keys.remove(i);
                    }
                }
            }
        }
    }

    private void rename(Plan plan) {
        String w = peekUpper();
        switch (w) {
            case "COLUMN" -> {
                pos++;
                String from = identifier();
                expect("TO");
                String to = identifier();
                Column c = column(plan, from);
                if (c == null) {
                    throw MySqlError.ER_BAD_FIELD_ERROR.raise(from, plan.table);
                }
                Column other = column(plan, to);
                if (other != null && other != c) {
                    throw MySqlError.ER_DUP_FIELDNAME.raise(to);
                }
                renameInKeys(plan, c.def.name(), to);
                c.def = c.def.withName(to);
            }
            case "INDEX", "KEY" -> {
                pos++;
                String from = identifier();
                expect("TO");
                String to = identifier();
                Key k = key(plan, from);
                if (k == null || k.kind == IndexDef.Kind.PRIMARY) {
                    throw MySqlError.ER_KEY_DOES_NOT_EXITS.raise(from, plan.table);
                }
                if (to.equalsIgnoreCase(IndexDef.PRIMARY_NAME)) {
                    throw MySqlError.ER_WRONG_NAME_FOR_INDEX.raise(to);
                }
                Key other = key(plan, to);
                if (other != null && other != k) {
                    throw MySqlError.ER_DUP_KEYNAME.raise(to);
                }
                k.name = to;
            }
            default -> {
                if (!accept("TO")) {
                    accept("AS");
                }
                String[] n = qualifiedName();
                plan.renameDatabase = n[0];
                plan.renameTo = n[1];
            }
        }
    }

    private static void renameInKeys(Plan plan, String from, String to) {
        if (!from.equals(to)) {
            plan.foreignKeys.replaceAll(fk -> fk.references(plan.database, plan.table)
                    ? fk.withColumnRenamed(from, to).withRefColumnRenamed(from, to) : fk.withColumnRenamed(from, to));
            plan.renamedColumns.add(new String[] {from, to});
        }
        for (Key k : plan.keys) {
            for (int i = 0; i < k.columns.size(); i++) {
                if (k.columns.get(i).equalsIgnoreCase(from)) {
                    k.columns.set(i, to);
                }
            }
        }
    }

    private void alterColumn(Plan plan) {
        if (peekUpper().equals("CHECK") || peekUpper().equals("CONSTRAINT")) {
            String w = next().upper();
            String name = identifier();
            int at = checkIndex(plan, name);
            if (at < 0) {
                throw w.equals("CHECK") ? MySqlError.ER_CHECK_CONSTRAINT_NOT_FOUND.raise(name)
                        : MySqlError.ER_CONSTRAINT_NOT_FOUND.raise(name);
            }
            if (!peekUpper().equals("NOT") && !peekUpper().equals("ENFORCED")) {
                throw syntaxError();
            }
            CheckDef c = plan.checks.get(at);
            boolean enforced = enforcement();
            plan.checksTightened |= enforced && !c.enforced();
            plan.checks.set(at, new CheckDef(c.name(), c.expression(), enforced));
            return;
        }
        if (peekUpper().equals("INDEX")) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("ALTER TABLE ... ALTER INDEX");
        }
        accept("COLUMN");
        String name = identifier();
        Column c = column(plan, name);
        if (c == null) {
            throw MySqlError.ER_BAD_FIELD_ERROR.raise(name, plan.table);
        }
        ColumnDef d = c.def;
        if (accept("DROP")) {
            expect("DEFAULT");
            c.def = new ColumnDef(d.name(), d.type(), d.length(), d.precision(), d.scale(), d.fsp(), d.unsigned(),
                    d.zerofill(), d.nullable(), null, ColumnDef.DefaultKind.NONE, d.autoIncrement(),
                    d.onUpdateCurrentTimestamp(), d.collation(), d.comment(), d.extra());
            return;
        }
        if (accept("SET")) {
            if (peekUpper().equals("VISIBLE") || peekUpper().equals("INVISIBLE")) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise("invisible columns");
            }
            expect("DEFAULT");
            Token first = peek();
            int start = first == null ? sql.length() : first.start();
            int end = start;
            int depth = 0;
            while (peek() != null && (depth > 0 || !peek().text().equals(","))) {
                Token t = next();
                if (t.text().equals("(")) {
                    depth++;
                } else if (t.text().equals(")")) {
                    depth--;
                }
                end = t.end();
            }
            if (end == start) {
                throw syntaxError();
            }
            // The new default is checked as CREATE TABLE checks it, on the column's own type.
            String text = "`" + d.name().replace("`", "``") + "` " + io.flushdb.sql.types.ColumnTypes.columnType(d)
                    + (d.collation() != null ? " COLLATE " + d.collation().name() : "")
                    + (d.nullable() ? " NULL" : " NOT NULL") + " DEFAULT " + sql.substring(start, end);
            ColumnDef parsed = parseColumn(text, plan.collation).def();
            c.def = new ColumnDef(d.name(), d.type(), d.length(), d.precision(), d.scale(), d.fsp(), d.unsigned(),
                    d.zerofill(), d.nullable(), parsed.defaultValue(), parsed.defaultKind(), d.autoIncrement(),
                    d.onUpdateCurrentTimestamp(), d.collation(), d.comment(), d.extra());
            return;
        }
        throw syntaxError();
    }

    /** MODIFY/CHANGE: {@code nameTok} starts the new definition. */
    private void redefine(Plan plan, Column old, Token nameTok) {
        ColumnSpec.Parsed p = columnDefinition(plan);
        String newName = p.def().name();
        Column other = column(plan, newName);
        if (other != null && other != old) {
            throw MySqlError.ER_DUP_FIELDNAME.raise(newName);
        }
        int at = plan.columns.indexOf(old);
        plan.columns.remove(at);
        Column c = new Column(p.def(), old.source);
        int where = placement(plan, at);
        plan.columns.add(where, c);
        renameInKeys(plan, old.def.name(), newName);
        addInlineKeys(plan, p);
        plan.columnsChanged = true;
    }

    private void addColumn(Plan plan, boolean placementAllowed) {
        ColumnSpec.Parsed p = columnDefinition(plan);
        if (column(plan, p.def().name()) != null) {
            throw MySqlError.ER_DUP_FIELDNAME.raise(p.def().name());
        }
        Column c = new Column(p.def(), -1);
        int where = placementAllowed ? placement(plan, plan.columns.size()) : plan.columns.size();
        plan.columns.add(where, c);
        addInlineKeys(plan, p);
        plan.columnsChanged = true;
    }

    private static void addInlineKeys(Plan plan, ColumnSpec.Parsed p) {
        for (ColumnSpec.CheckSpec c : p.checks()) {
            plan.addedChecks.add(c);
            plan.addedCheckOwners.add(p.def().name());
            plan.checksTightened |= c.enforced();
        }
        if (p.primaryKey()) {
            for (Key k : plan.keys) {
                if (k.kind == IndexDef.Kind.PRIMARY) {
                    throw MySqlError.ER_MULTIPLE_PRI_KEY.raise();
                }
            }
            plan.keys.add(new Key(IndexDef.Kind.PRIMARY, null, new ArrayList<>(List.of(p.def().name())), null));
        }
        if (p.unique()) {
            plan.keys.add(new Key(IndexDef.Kind.UNIQUE, generatedName(plan, p.def().name()),
                    new ArrayList<>(List.of(p.def().name())), null));
        }
    }

    /** FIRST / AFTER col after a column definition: the position to insert at (else {@code dflt}). */
    private int placement(Plan plan, int dflt) {
        if (accept("FIRST")) {
            return 0;
        }
        if (accept("AFTER")) {
            String name = identifier();
            Column c = column(plan, name);
            if (c == null) {
                throw MySqlError.ER_BAD_FIELD_ERROR.raise(name, plan.table);
            }
            return plan.columns.indexOf(c) + 1;
        }
        return dflt;
    }

    /** A column definition, up to a top-level ',' or ')' or FIRST/AFTER, parsed as CREATE TABLE would. */
    private ColumnSpec.Parsed columnDefinition(Plan plan) {
        Token first = peek();
        if (first == null) {
            throw syntaxError();
        }
        int depth = 0;
        int end = first.start();
        while (peek() != null) {
            Token t = peek();
            String u = t.upper();
            if (depth == 0 && (t.text().equals(",") || t.text().equals(")") || u.equals("FIRST") || u.equals("AFTER"))) {
                break;
            }
            if (t.text().equals("(")) {
                depth++;
            } else if (t.text().equals(")")) {
                depth--;
            }
            pos++;
            end = t.end();
        }
        String text = sql.substring(first.start(), end);
        return parseColumn(text, plan.collation);
    }

    private static ColumnSpec.Parsed parseColumn(String text, Collation tableCollation) {
        String create = "CREATE TABLE `t` (" + text + ")";
        Statement st;
        try {
            st = MySqlParser.parse(create);
        } catch (RuntimeException e) {
            throw MySqlError.ER_PARSE_ERROR.raise(text, 1);
        }
        if (!(st instanceof CreateTable ct) || ct.getColumnDefinitions() == null
                || ct.getColumnDefinitions().size() != 1 || ct.getIndexes() != null && !ct.getIndexes().isEmpty()) {
            throw MySqlError.ER_PARSE_ERROR.raise(text, 1);
        }
        return ColumnSpec.parse(ct.getColumnDefinitions().get(0), tableCollation);
    }

    // ---- CREATE TABLE ... SELECT ---------------------------------------------------------------

    /**
     * Where a CREATE TABLE statement's SELECT part is: {end of the table name, end of the CREATE
     * part, start of the SELECT, 0 / 1 for IGNORE / 2 for REPLACE}; null when it has none.
     */
    static int[] createSelectSplit(String sql) {
        List<Token> t = tokenize(sql);
        int i = 0;
        if (t.size() < 3 || !t.get(0).upper().equals("CREATE") || !t.get(1).upper().equals("TABLE")) {
            return null;
        }
        i = 2;
        if (i + 2 < t.size() && t.get(i).upper().equals("IF") && t.get(i + 1).upper().equals("NOT")) {
            i += 3;
        }
        i++; // the name
        if (i + 1 < t.size() && t.get(i).text().equals(".")) {
            i += 2;
        }
        if (i > t.size()) {
            return null;
        }
        int nameEnd = t.get(i - 1).end();
        int depth = 0;
        int headEnd = -1;
        int modifier = 0;
        for (; i < t.size(); i++) {
            Token k = t.get(i);
            String u = k.upper();
            if (depth == 0) {
                boolean selectNext = i + 1 < t.size() && (t.get(i + 1).upper().equals("SELECT")
                        || t.get(i + 1).upper().equals("WITH") || t.get(i + 1).text().equals("("));
                if (u.equals("SELECT") || u.equals("WITH") || k.text().equals("(") && i + 1 < t.size()
                        && (t.get(i + 1).upper().equals("SELECT") || t.get(i + 1).upper().equals("WITH"))) {
                    return new int[] {nameEnd, headEnd < 0 ? k.start() : headEnd, k.start(), modifier};
                }
                if ((u.equals("IGNORE") || u.equals("REPLACE") || u.equals("AS")) && selectNext) {
                    if (headEnd < 0) {
                        headEnd = k.start();
                    }
                    if (u.equals("IGNORE")) {
                        modifier = 1;
                    } else if (u.equals("REPLACE")) {
                        modifier = 2;
                    }
                    continue;
                }
            }
            if (k.text().equals("(")) {
                depth++;
            } else if (k.text().equals(")")) {
                depth--;
            }
        }
        return null;
    }

    // ---- checking -----------------------------------------------------------------------------

    /** The new definition, checked with CREATE TABLE's rules, keys in MySQL's order. */
    static TableDef assemble(Plan plan, TableDef old, int pageSize) {
        List<ColumnDef> cols = new ArrayList<>();
        for (Column c : plan.columns) {
            cols.add(c.def);
        }
        List<CreateTableHandler.KeySpec> keys = new ArrayList<>();
        for (Key k : plan.keys) {
            keys.add(new CreateTableHandler.KeySpec(k.kind, k.name, List.copyOf(k.columns)));
        }
        long autoInc = plan.autoIncrement != null ? plan.autoIncrement : old.autoIncrementStart();
        TableDef def = CreateTableHandler.assemble(old.database(), old.name(), cols, keys,
                new TableOptions(autoInc, plan.collation, plan.comment), pageSize);
        RowRules.afterColumnChanges(plan.checks, def.columns());
        return def.withConstraints(plan.foreignKeys,
                RowRules.checks(old.name(), def.columns(), plan.checks, plan.addedChecks, plan.addedCheckOwners));
    }
}
