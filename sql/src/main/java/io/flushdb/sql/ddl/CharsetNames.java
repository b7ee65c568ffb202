package io.flushdb.sql.ddl;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.storage.dict.Collation;
import java.util.Locale;

/**
 * Character sets and collations FlushDB accepts. Text is always stored as UTF-8; the character
 * set names MySQL applications use map onto utf8mb4 with the matching comparison rules.
 */
public final class CharsetNames {
    private CharsetNames() {
    }

    /** The default collation of a character set (utf8mb4 → utf8mb4_0900_ai_ci, as MySQL 8.0). */
    public static Collation defaultCollation(String charset) {
        return switch (charset.toLowerCase(Locale.ROOT)) {
            case "utf8mb4" -> Collation.UTF8MB4_0900_AI_CI;
            case "utf8", "utf8mb3", "latin1", "ascii" -> Collation.UTF8MB4_GENERAL_CI;
            case "binary" -> Collation.UTF8MB4_BIN;
            default -> throw MySqlError.ER_UNKNOWN_CHARACTER_SET.raise(charset);
        };
    }

    /** A collation by MySQL name. */
    public static Collation collation(String name) {
        Collation c = Collation.byName(name);
        if (c != null) {
            return c;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("_bin")) {
            return Collation.UTF8MB4_BIN;
        }
        if (n.endsWith("_ci") && (n.startsWith("utf8") || n.startsWith("latin1") || n.startsWith("ascii"))) {
            return n.contains("0900") ? Collation.UTF8MB4_0900_AI_CI : Collation.UTF8MB4_GENERAL_CI;
        }
        throw MySqlError.ER_UNKNOWN_COLLATION.raise(name);
    }
}
