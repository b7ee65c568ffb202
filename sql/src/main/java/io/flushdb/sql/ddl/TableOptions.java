package io.flushdb.sql.ddl;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.storage.dict.Collation;
import java.util.List;
import java.util.Locale;

/**
 * The table options of CREATE TABLE that FlushDB keeps (AUTO_INCREMENT, default character set and
 * collation, COMMENT) and those it accepts as no-ops (ENGINE=InnoDB, ROW_FORMAT, ...).
 */
record TableOptions(long autoIncrement, Collation collation, String comment) {

    static TableOptions parse(List<String> tokens, Collation dbCollation, List<String> warnings) {
        long autoInc = 1;
        Collation collation = dbCollation;
        String comment = "";
        if (tokens == null) {
            return new TableOptions(autoInc, collation, comment);
        }
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).toUpperCase(Locale.ROOT);
            switch (t) {
                case "=", "," -> {
                }
                case "DEFAULT" -> {
                }
                case "ENGINE" -> {
                    String engine = SqlText.unquote(value(tokens, ++i));
                    if (tokens.get(i).equals("=")) {
                        engine = SqlText.unquote(value(tokens, ++i));
                    }
                    String e = engine.toUpperCase(Locale.ROOT);
                    if (!e.equals("INNODB")) {
                        if (e.equals("MYISAM") || e.equals("MEMORY") || e.equals("ARCHIVE") || e.equals("CSV")) {
                            warnings.add("Using storage engine InnoDB for table (" + engine + " requested)");
                        } else {
                            throw MySqlError.ER_UNKNOWN_STORAGE_ENGINE.raise(engine);
                        }
                    }
                }
                case "AUTO_INCREMENT" -> {
                    String v = value(tokens, ++i);
                    if (v.equals("=")) {
                        v = value(tokens, ++i);
                    }
                    autoInc = Long.parseLong(v);
                }
                case "CHARSET", "CHARACTER" -> {
                    if (t.equals("CHARACTER")) {
                        i++; // SET
                    }
                    String v = value(tokens, ++i);
                    if (v.equals("=")) {
                        v = value(tokens, ++i);
                    }
                    collation = CharsetNames.defaultCollation(SqlText.unquote(v));
                }
                case "COLLATE" -> {
                    String v = value(tokens, ++i);
                    if (v.equals("=")) {
                        v = value(tokens, ++i);
                    }
                    collation = CharsetNames.collation(SqlText.unquote(v));
                }
                case "COMMENT" -> {
                    String v = value(tokens, ++i);
                    if (v.equals("=")) {
                        v = value(tokens, ++i);
                    }
                    comment = ColumnSpec.unquoteString(v);
                }
                case "ROW_FORMAT", "KEY_BLOCK_SIZE", "STATS_PERSISTENT", "STATS_AUTO_RECALC", "PACK_KEYS",
                     "CHECKSUM", "DELAY_KEY_WRITE", "AVG_ROW_LENGTH", "MIN_ROWS", "MAX_ROWS" -> {
                    String v = value(tokens, ++i);
                    if (v.equals("=")) {
                        value(tokens, ++i);
                    }
                }
                default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise("table option " + tokens.get(i));
            }
        }
        return new TableOptions(autoInc, collation, comment);
    }

    private static String value(List<String> tokens, int i) {
        if (i >= tokens.size()) {
            throw MySqlError.ER_PARSE_ERROR.raise("", 1);
        }
        return tokens.get(i);
    }
}
