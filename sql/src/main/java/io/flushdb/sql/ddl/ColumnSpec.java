package io.flushdb.sql.ddl;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.types.StoreValues;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ColumnType;
import io.flushdb.storage.dict.Collation;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;

/**
 * Turns a column definition of CREATE TABLE (JSqlParser's type text and its list of option
 * tokens) into a {@link ColumnDef}, with MySQL's defaults and checks: lengths and precisions in
 * range, a valid default for the type, no default on TEXT/BLOB.
 */
final class ColumnSpec {
    /** The column, plus the key options and CHECK constraints written in the column definition itself. */
    record Parsed(ColumnDef def, boolean primaryKey, boolean unique, boolean explicitNull, List<CheckSpec> checks) {
    }

    /** A CHECK constraint as written: its name (null if none), condition, and whether enforced. */
    record CheckSpec(String name, net.sf.jsqlparser.expression.Expression condition, boolean enforced) {
    }

    private ColumnSpec() {
    }

    static Parsed parse(ColumnDefinition cd, Collation tableCollation) {
        String name = SqlText.unquote(cd.getColumnName());
        if (name.length() > 64) {
            throw MySqlError.ER_TOO_LONG_IDENT.raise(name);
        }
        ColDataType t = cd.getColDataType();
        String typeText = t.getDataType().trim().toUpperCase(Locale.ROOT);
        List<String> args = new java.util.ArrayList<>();
        int paren = typeText.indexOf('(');
        String base = (paren < 0 ? typeText : typeText.substring(0, paren)).trim().replaceAll("\\s+", " ");
        if (paren >= 0 && !base.equals("ENUM") && !base.equals("SET")) {
            for (String a : typeText.substring(paren + 1, typeText.lastIndexOf(')')).split(",")) {
                args.add(a.trim());
            }
        }
        if (t.getArgumentsStringList() != null && !base.equals("ENUM") && !base.equals("SET")) {
            args.addAll(t.getArgumentsStringList());
        }
        boolean unsigned = t.getSignedness() == ColDataType.Signedness.UNSIGNED;
        boolean zerofill = t.isZerofill();
        List<String> specs = cd.getColumnSpecs() == null ? List.of() : cd.getColumnSpecs();
        for (String s : specs) {
            String u = s.toUpperCase(Locale.ROOT);
            if (u.equals("UNSIGNED")) {
                unsigned = true;
            } else if (u.equals("ZEROFILL")) {
                zerofill = true;
            }
        }
        if (zerofill) {
            unsigned = true; // ZEROFILL implies UNSIGNED in MySQL
        }
        ColumnType type;
        long length = 0;
        int precision = 0;
        int scale = 0;
        int fsp = 0;
        List<String> members = List.of();
        switch (base) {
            case "TINYINT" -> {
                length = arg(args, 0, 0);
                type = length == 1 && !unsigned ? ColumnType.BOOLEAN : ColumnType.TINYINT;
            }
            case "BOOL", "BOOLEAN" -> {
                type = ColumnType.BOOLEAN;
                length = 1;
            }
            case "SMALLINT" -> type = ColumnType.SMALLINT;
            case "MEDIUMINT" -> type = ColumnType.MEDIUMINT;
            case "INT", "INTEGER" -> type = ColumnType.INT;
            case "BIGINT" -> type = ColumnType.BIGINT;
            case "DECIMAL", "DEC", "NUMERIC", "FIXED" -> {
                type = ColumnType.DECIMAL;
                precision = (int) arg(args, 0, 10);
                scale = (int) arg(args, 1, 0);
                if (precision > 65) {
                    throw MySqlError.ER_UNKNOWN_ERROR.withMessage("Too-big precision " + precision + " specified for '"
                            + name + "'. Maximum is 65.");
                }
                if (scale > 30) {
                    throw MySqlError.ER_UNKNOWN_ERROR.withMessage("Too big scale " + scale + " specified for column '"
                            + name + "'. Maximum is 30.");
                }
                if (scale > precision) {
                    throw MySqlError.ER_UNKNOWN_ERROR.withMessage("For float(M,D), double(M,D) or decimal(M,D), M must be >= D (column '" + name + "').");
                }
            }
            case "FLOAT" -> {
                if (args.size() == 1) {
                    type = arg(args, 0, 0) > 24 ? ColumnType.DOUBLE : ColumnType.FLOAT;
                } else {
                    type = ColumnType.FLOAT;
                    precision = (int) arg(args, 0, 0);
                    scale = (int) arg(args, 1, 0);
                }
            }
            case "DOUBLE", "DOUBLE PRECISION", "REAL" -> {
                type = ColumnType.DOUBLE;
                precision = (int) arg(args, 0, 0);
                scale = (int) arg(args, 1, 0);
            }
            case "CHAR", "CHARACTER", "NCHAR", "NATIONAL CHAR" -> {
                type = ColumnType.CHAR;
                length = arg(args, 0, 1);
                if (length > 255) {
                    throw MySqlError.ER_TOO_BIG_FIELDLENGTH.raise(name, 255);
                }
            }
            case "VARCHAR", "CHARACTER VARYING", "NVARCHAR", "NATIONAL VARCHAR", "CHAR VARYING" -> {
                type = ColumnType.VARCHAR;
                if (args.isEmpty()) {
                    throw MySqlError.ER_PARSE_ERROR.raise(")", 1);
                }
                length = arg(args, 0, 0);
                if (length > 16383) {
                    throw MySqlError.ER_TOO_BIG_FIELDLENGTH.raise(name, 16383);
                }
            }
            case "TINYTEXT" -> type = ColumnType.TINYTEXT;
            case "TEXT" -> type = ColumnType.TEXT;
            case "MEDIUMTEXT", "LONG VARCHAR" -> type = ColumnType.MEDIUMTEXT;
            case "LONGTEXT" -> type = ColumnType.LONGTEXT;
            case "BINARY" -> {
                type = ColumnType.BINARY;
                length = arg(args, 0, 1);
                if (length > 255) {
                    throw MySqlError.ER_TOO_BIG_FIELDLENGTH.raise(name, 255);
                }
            }
            case "VARBINARY" -> {
                type = ColumnType.VARBINARY;
                if (args.isEmpty()) {
                    throw MySqlError.ER_PARSE_ERROR.raise(")", 1);
                }
                length = arg(args, 0, 0);
                if (length > 65535) {
                    throw MySqlError.ER_TOO_BIG_FIELDLENGTH.raise(name, 65535);
                }
            }
            case "TINYBLOB" -> type = ColumnType.TINYBLOB;
            case "BLOB" -> type = ColumnType.BLOB;
            case "MEDIUMBLOB", "LONG VARBINARY" -> type = ColumnType.MEDIUMBLOB;
            case "LONGBLOB" -> type = ColumnType.LONGBLOB;
            case "DATE" -> type = ColumnType.DATE;
            case "TIME" -> {
                type = ColumnType.TIME;
                fsp = fsp(args, name);
            }
            case "DATETIME" -> {
                type = ColumnType.DATETIME;
                fsp = fsp(args, name);
            }
            case "TIMESTAMP" -> {
                type = ColumnType.TIMESTAMP;
                fsp = fsp(args, name);
            }
            case "YEAR" -> type = ColumnType.YEAR;
            case "BIT" -> {
                type = ColumnType.BIT;
                length = arg(args, 0, 1);
                if (length > 64) {
                    throw MySqlError.ER_TOO_BIG_DISPLAYWIDTH.raise(name, 64);
                }
                if (length == 0) {
                    length = 1;
                }
            }
            case "ENUM", "SET" -> {
                type = base.equals("ENUM") ? ColumnType.ENUM : ColumnType.SET;
                members = members(name, type, t.getArgumentsStringList());
            }
            case "JSON" -> type = ColumnType.JSON;
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise("column type " + base);
        }
        if (type.isInteger() && type != ColumnType.BOOLEAN && length == 0) {
            length = arg(args, 0, 0);
        }
        if (unsigned && !(type.isInteger() || type == ColumnType.DECIMAL || type == ColumnType.FLOAT
                || type == ColumnType.DOUBLE) && type != ColumnType.BOOLEAN) {
            throw MySqlError.ER_PARSE_ERROR.raise("UNSIGNED", 1);
        }
        if (type == ColumnType.BOOLEAN && unsigned) {
            type = ColumnType.TINYINT;
        }

        boolean collated = type.isString() || type == ColumnType.ENUM || type == ColumnType.SET;
        Collation collation = collated ? tableCollation : type == ColumnType.JSON ? Collation.UTF8MB4_BIN : null;
        String charset = t.getCharacterSet();
        if (charset != null && collated) {
            collation = CharsetNames.defaultCollation(charset);
        }
        boolean notNull = false;
        boolean explicitNull = false;
        boolean autoIncrement = false;
        boolean primary = false;
        boolean unique = false;
        boolean onUpdate = false;
        String comment = "";
        String defaultText = null;
        ColumnDef.DefaultKind defaultKind = ColumnDef.DefaultKind.NONE;
        List<CheckSpec> checks = new java.util.ArrayList<>();
        ColumnDef.Extra extra = ColumnDef.Extra.NONE;
        for (int i = 0; i < specs.size(); i++) {
            String s = specs.get(i);
            String u = s.toUpperCase(Locale.ROOT);
            switch (u) {
                case "NOT" -> {
                    expect(specs, ++i, "NULL");
                    notNull = true;
                }
                case "NULL" -> explicitNull = true;
                case "AUTO_INCREMENT" -> autoIncrement = true;
                case "PRIMARY" -> {
                    expect(specs, ++i, "KEY");
                    primary = true;
                }
                case "KEY" -> primary = true;
                case "UNIQUE" -> {
                    unique = true;
                    if (i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase("KEY")) {
                        i++;
                    }
                }
                case "COMMENT" -> comment = unquoteString(specs.get(++i));
                case "COLLATE" -> {
                    String cname = SqlText.unquote(specs.get(++i));
                    collation = CharsetNames.collation(cname);
                }
                case "CHARACTER", "CHARSET" -> {
                    if (u.equals("CHARACTER")) {
                        expect(specs, ++i, "SET");
                    }
                    collation = CharsetNames.defaultCollation(SqlText.unquote(specs.get(++i)));
                }
                case "DEFAULT" -> {
                    String v = specs.get(++i);
                    // A negative number arrives as two tokens, "-" and the digits.
                    if ((v.equals("-") || v.equals("+")) && i + 1 < specs.size()) {
                        v = v + specs.get(++i);
                    }
                    String vu = v.toUpperCase(Locale.ROOT);
                    if (vu.equals("NULL")) {
                        defaultKind = ColumnDef.DefaultKind.NULL;
                    } else if (vu.startsWith("CURRENT_TIMESTAMP") || vu.startsWith("NOW(") || vu.startsWith("LOCALTIMESTAMP")
                            || vu.startsWith("LOCALTIME")) {
                        if (i + 1 < specs.size() && specs.get(i + 1).startsWith("(")) {
                            i++;
                        }
                        defaultKind = ColumnDef.DefaultKind.CURRENT_TIMESTAMP;
                    } else if (v.startsWith("(")) {
                        throw MySqlError.ER_NOT_SUPPORTED_YET.raise("expression defaults");
                    } else {
                        defaultKind = ColumnDef.DefaultKind.LITERAL;
                        defaultText = literalText(v);
                    }
                }
                case "ON" -> {
                    expect(specs, ++i, "UPDATE");
                    String v = specs.get(++i).toUpperCase(Locale.ROOT);
                    if (!(v.startsWith("CURRENT_TIMESTAMP") || v.startsWith("NOW") || v.startsWith("LOCALTIMESTAMP"))) {
                        throw MySqlError.ER_INVALID_ON_UPDATE.raise(name);
                    }
                    if (i + 1 < specs.size() && specs.get(i + 1).startsWith("(")) {
                        i++;
                    }
                    onUpdate = true;
                }
                case "UNSIGNED", "SIGNED", "ZEROFILL", "VISIBLE" -> {
                }
                case "REFERENCES" -> i = skipReferences(specs, i);
                case "CONSTRAINT", "CHECK" -> i = columnCheck(specs, i, checks);
                case "GENERATED", "AS" -> {
                    if (u.equals("GENERATED")) {
                        expect(specs, ++i, "ALWAYS");
                        expect(specs, ++i, "AS");
                    }
                    String text = ExpressionText.of(condition(specs, ++i));
                    boolean stored = false;
                    if (i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase("STORED")) {
                        stored = true;
                        i++;
                    } else if (i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase("VIRTUAL")) {
                        i++;
                    }
                    extra = new ColumnDef.Extra(List.of(), text, stored);
                }
                case "INVISIBLE" -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise("invisible columns");
                default -> {
                    // JSqlParser hands a column-level REFERENCES clause over as one spec; MySQL 8.0
                    // parses it and creates no constraint.
                    if (!u.startsWith("REFERENCES ")) {
                        throw MySqlError.ER_PARSE_ERROR.raise(s, 1);
                    }
                }
            }
        }
        boolean nullable = !notNull && !primary;
        if (extra.generationExpression() != null) {
            if (defaultKind != ColumnDef.DefaultKind.NONE || autoIncrement || onUpdate) {
                // MySQL: a generated column takes no DEFAULT, AUTO_INCREMENT or ON UPDATE.
                throw MySqlError.ER_WRONG_USAGE.raise(defaultKind != ColumnDef.DefaultKind.NONE ? "DEFAULT"
                        : autoIncrement ? "AUTO_INCREMENT" : "ON UPDATE", "generated column");
            }
        }
        if (defaultKind == ColumnDef.DefaultKind.NONE && nullable) {
            defaultKind = ColumnDef.DefaultKind.NULL;
        }
        if (defaultKind == ColumnDef.DefaultKind.NULL && !nullable && explicitNullDefault(specs)) {
            throw MySqlError.ER_INVALID_DEFAULT.raise(name);
        }
        if (defaultKind == ColumnDef.DefaultKind.CURRENT_TIMESTAMP
                && type != ColumnType.TIMESTAMP && type != ColumnType.DATETIME) {
            throw MySqlError.ER_INVALID_DEFAULT.raise(name);
        }
        if (onUpdate && type != ColumnType.TIMESTAMP && type != ColumnType.DATETIME) {
            throw MySqlError.ER_INVALID_ON_UPDATE.raise(name);
        }
        if (autoIncrement && !(type.isInteger() || type == ColumnType.FLOAT || type == ColumnType.DOUBLE)) {
            throw MySqlError.ER_WRONG_FIELD_SPEC.raise(name);
        }
        if (autoIncrement && defaultKind == ColumnDef.DefaultKind.LITERAL) {
            throw MySqlError.ER_INVALID_DEFAULT.raise(name);
        }
        if (!members.isEmpty()) {
            extra = new ColumnDef.Extra(members, extra.generationExpression(), extra.storedGenerated());
        }
        ColumnDef def = new ColumnDef(name, type, length, precision, scale, fsp, unsigned, zerofill, nullable,
                null, defaultKind, autoIncrement, onUpdate, collation, comment, extra);
        if (defaultKind == ColumnDef.DefaultKind.LITERAL) {
            if (type.isLob()) {
                throw MySqlError.ER_BLOB_CANT_HAVE_DEFAULT.raise(name);
            }
            defaultText = canonicalDefault(def, defaultText);
            def = new ColumnDef(name, type, length, precision, scale, fsp, unsigned, zerofill, nullable,
                    defaultText, defaultKind, autoIncrement, onUpdate, collation, comment, extra);
        }
        if (extra.generationExpression() != null) {
            // No default: a generated column's value is computed (NULL would be the column's "default").
            def = new ColumnDef(name, type, length, precision, scale, fsp, unsigned, zerofill, nullable,
                    null, nullable ? ColumnDef.DefaultKind.NULL : ColumnDef.DefaultKind.NONE, false, false, collation,
                    comment, extra);
        }
        return new Parsed(def, primary, unique, explicitNull, checks);
    }

    /**
     * A column's {@code [CONSTRAINT [name]] CHECK (condition) [[NOT] ENFORCED]} starting at
     * {@code specs[i]}; returns the index of its last token.
     */
    private static int columnCheck(List<String> specs, int i, List<CheckSpec> checks) {
        String name = null;
        if (specs.get(i).equalsIgnoreCase("CONSTRAINT")) {
            if (i + 1 < specs.size() && !specs.get(i + 1).equalsIgnoreCase("CHECK")) {
                name = SqlText.unquote(specs.get(++i));
            }
            expect(specs, ++i, "CHECK");
        }
        net.sf.jsqlparser.expression.Expression condition = condition(specs, ++i);
        boolean enforced = true;
        if (i + 2 < specs.size() && specs.get(i + 1).equalsIgnoreCase("NOT") && specs.get(i + 2).equalsIgnoreCase("ENFORCED")) {
            enforced = false;
            i += 2;
        } else if (i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase("ENFORCED")) {
            i++;
        }
        checks.add(new CheckSpec(name, condition, enforced));
        return i;
    }

    /** The parenthesized expression at {@code specs[i]}. */
    private static net.sf.jsqlparser.expression.Expression condition(List<String> specs, int i) {
        if (i >= specs.size() || !specs.get(i).startsWith("(")) {
            throw MySqlError.ER_PARSE_ERROR.raise(i < specs.size() ? specs.get(i) : "", 1);
        }
        try {
            return net.sf.jsqlparser.parser.CCJSqlParserUtil.parseExpression(specs.get(i));
        } catch (net.sf.jsqlparser.JSQLParserException e) {
            throw MySqlError.ER_PARSE_ERROR.raise(specs.get(i), 1);
        }
    }

    private static boolean explicitNullDefault(List<String> specs) {
        for (int i = 0; i + 1 < specs.size(); i++) {
            if (specs.get(i).equalsIgnoreCase("DEFAULT") && specs.get(i + 1).equalsIgnoreCase("NULL")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The members of an ENUM or SET, as MySQL keeps them: unquoted, trailing spaces removed; a
     * member repeated is 1291, a SET member with a comma 1367, more than 64 SET members 1097.
     */
    private static List<String> members(String column, ColumnType type, List<String> quoted) {
        if (quoted == null || quoted.isEmpty()) {
            throw MySqlError.ER_PARSE_ERROR.raise(")", 1);
        }
        List<String> out = new java.util.ArrayList<>();
        for (String q : quoted) {
            String m = q.trim();
            if (!(m.startsWith("'") || m.startsWith("\""))) {
                throw MySqlError.ER_PARSE_ERROR.raise(m, 1);
            }
            m = unquoteString(m);
            int end = m.length();
            while (end > 0 && m.charAt(end - 1) == ' ') {
                end--;
            }
            m = m.substring(0, end);
            if (type == ColumnType.SET && m.indexOf(',') >= 0) {
                throw MySqlError.ER_ILLEGAL_VALUE_FOR_TYPE.raise("set", m);
            }
            for (String earlier : out) {
                if (Collation.UTF8MB4_0900_AI_CI.compare(earlier, m) == 0) {
                    throw MySqlError.ER_DUPLICATED_VALUE_IN_TYPE.raise(column, m, type.name().toLowerCase(Locale.ROOT));
                }
            }
            out.add(m);
        }
        if (type == ColumnType.SET && out.size() > 64) {
            throw MySqlError.ER_TOO_BIG_SET.raise(column);
        }
        if (out.size() > 65535) {
            throw MySqlError.ER_TOO_MANY_ENUM_ELEMENTS.raise(column);
        }
        return out;
    }

    /** A default's text as MySQL keeps it (information_schema.COLUMNS.COLUMN_DEFAULT). */
    private static String canonicalDefault(ColumnDef c, String text) {
        StoreValues.Context strict = new StoreValues.Context(true, 1, ZoneOffset.UTC, w -> { });
        Object stored;
        try {
            stored = StoreValues.coerce(c, c.type() == ColumnType.BIT ? DefaultValues.bitLiteral(text) : text, strict);
        } catch (RuntimeException e) {
            throw MySqlError.ER_INVALID_DEFAULT.raise(c.name());
        }
        return DefaultValues.textOfStored(c, stored);
    }

    private static String literalText(String token) {
        if (token.length() >= 2 && (token.startsWith("'") || token.startsWith("\""))) {
            return unquoteString(token);
        }
        if (token.toUpperCase(Locale.ROOT).startsWith("X'") || token.toUpperCase(Locale.ROOT).startsWith("B'")
                || token.toLowerCase(Locale.ROOT).startsWith("0b")) {
            return token; // hex or bit literal, kept as written
        }
        if (token.equalsIgnoreCase("TRUE")) {
            return "1";
        }
        if (token.equalsIgnoreCase("FALSE")) {
            return "0";
        }
        return token;
    }

    static String unquoteString(String token) {
        if (token.length() >= 2 && (token.charAt(0) == '\'' || token.charAt(0) == '"')) {
            char q = token.charAt(0);
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i < token.length() - 1; i++) {
                char c = token.charAt(i);
                if (c == '\\' && i + 1 < token.length() - 1) {
                    char n = token.charAt(++i);
                    sb.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case '0' -> '\0';
                        case 'b' -> '\b';
                        case 'Z' -> (char) 26;
                        default -> n;
                    });
                } else if (c == q && i + 1 < token.length() - 1 && token.charAt(i + 1) == q) {
                    sb.append(q);
                    i++;
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
        return token;
    }

    /**
     * Skips a column-level {@code REFERENCES tbl (cols) [MATCH ...] [ON DELETE|UPDATE action]...}
     * starting at {@code i}: MySQL 8.0 parses it and creates no constraint. Returns the index of
     * its last token.
     */
    private static int skipReferences(List<String> specs, int i) {
        i++; // the table name
        while (i + 1 < specs.size() && (specs.get(i + 1).startsWith("(") || specs.get(i + 1).startsWith("."))) {
            i++;
        }
        while (i + 1 < specs.size()) {
            String next = specs.get(i + 1).toUpperCase(Locale.ROOT);
            if (next.equals("MATCH") && i + 2 < specs.size()) {
                i += 2;
            } else if (next.equals("ON") && i + 3 < specs.size()
                    && specs.get(i + 2).toUpperCase(Locale.ROOT).matches("DELETE|UPDATE")
                    && specs.get(i + 3).toUpperCase(Locale.ROOT).matches("RESTRICT|CASCADE|SET|NO")) {
                String action = specs.get(i + 3).toUpperCase(Locale.ROOT);
                i += action.equals("SET") || action.equals("NO") ? 4 : 3;
            } else {
                break;
            }
        }
        return i;
    }

    private static void expect(List<String> specs, int i, String word) {
        if (i >= specs.size() || !specs.get(i).equalsIgnoreCase(word)) {
            throw MySqlError.ER_PARSE_ERROR.raise(i < specs.size() ? specs.get(i) : "", 1);
        }
    }

    private static long arg(List<String> args, int i, long dflt) {
        if (i >= args.size() || args.get(i).isEmpty()) {
            return dflt;
        }
        try {
            return Long.parseLong(args.get(i));
        } catch (NumberFormatException e) {
            throw MySqlError.ER_PARSE_ERROR.raise(args.get(i), 1);
        }
    }

    private static int fsp(List<String> args, String name) {
        int f = (int) arg(args, 0, 0);
        if (f > 6) {
            throw MySqlError.ER_TOO_BIG_PRECISION.raise(f, name, 6);
        }
        return f;
    }
}
