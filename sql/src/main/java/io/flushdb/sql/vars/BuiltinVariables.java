package io.flushdb.sql.vars;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.session.Session;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The server variables tools and drivers read with {@code SELECT @@name}, answered read-only with
 * MySQL 8.0's defaults and the session's own state. This is the small fixed set a MySQL client
 * needs; settable variables (SET GLOBAL/SESSION, SHOW VARIABLES) come with the system-variable
 * registry.
 */
public final class BuiltinVariables {
    /** The version FlushDB reports: MySQL 8.0 compatibility, so tools pick their MySQL dialect. */
    public static final String VERSION = "8.0.36-FlushDB-0.1.0";
    /** MySQL 8.0's default sql_mode. */
    public static final String DEFAULT_SQL_MODE =
            "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    private static final Map<String, Function<Session, String>> VARIABLES = Map.ofEntries(
            Map.entry("version", s -> VERSION),
            Map.entry("version_comment", s -> "FlushDB embedded MySQL-compatible database"),
            Map.entry("autocommit", s -> s.autoCommit() ? "1" : "0"),
            Map.entry("sql_mode", s -> DEFAULT_SQL_MODE),
            Map.entry("character_set_database", s -> "utf8mb4"),
            Map.entry("character_set_server", s -> "utf8mb4"),
            Map.entry("character_set_client", s -> "utf8mb4"),
            Map.entry("character_set_connection", s -> "utf8mb4"),
            Map.entry("character_set_results", s -> "utf8mb4"),
            Map.entry("collation_connection", s -> "utf8mb4_0900_ai_ci"),
            Map.entry("collation_database", s -> "utf8mb4_0900_ai_ci"),
            Map.entry("collation_server", s -> "utf8mb4_0900_ai_ci"),
            Map.entry("transaction_isolation", s -> isolationName(s.isolationLevel())),
            Map.entry("tx_isolation", s -> isolationName(s.isolationLevel())),
            Map.entry("transaction_read_only", s -> s.readOnly() ? "1" : "0"),
            Map.entry("lower_case_table_names", s -> "0"),
            Map.entry("max_allowed_packet", s -> "67108864"),
            Map.entry("time_zone", s -> "SYSTEM"),
            Map.entry("system_time_zone", s -> java.util.TimeZone.getDefault().getID()),
            Map.entry("auto_increment_increment", s -> "1"),
            Map.entry("auto_increment_offset", s -> "1"),
            Map.entry("innodb_page_size", s -> Integer.toString(s.engine().storage().pageSize())),
            Map.entry("innodb_buffer_pool_size", s -> Long.toString(s.engine().storage().config().bufferPoolSize())),
            Map.entry("innodb_lock_wait_timeout", s -> Long.toString(s.engine().storage().config().lockWaitTimeoutSeconds())),
            Map.entry("default_storage_engine", s -> "InnoDB"),
            Map.entry("license", s -> "Apache-2.0"),
            Map.entry("wait_timeout", s -> "28800"),
            Map.entry("interactive_timeout", s -> "28800"),
            Map.entry("net_write_timeout", s -> "60"),
            Map.entry("performance_schema", s -> "0"),
            Map.entry("have_query_cache", s -> "NO"),
            Map.entry("query_cache_size", s -> "0"),
            Map.entry("query_cache_type", s -> "OFF"),
            Map.entry("init_connect", s -> ""),
            Map.entry("foreign_key_checks", s -> "1"),
            Map.entry("unique_checks", s -> "1"),
            Map.entry("datadir", s -> s.engine().location()));

    private BuiltinVariables() {
    }

    /** The value of {@code @@name} for the session; error 1193 for a name it does not know. */
    public static String value(String name, Session session) {
        Function<Session, String> f = VARIABLES.get(name.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw MySqlError.ER_UNKNOWN_SYSTEM_VARIABLE.raise(name);
        }
        return f.apply(session);
    }

    public static boolean exists(String name) {
        return VARIABLES.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** MySQL's spelling of a JDBC isolation level. */
    public static String isolationName(int level) {
        return switch (level) {
            case java.sql.Connection.TRANSACTION_READ_UNCOMMITTED -> "READ-UNCOMMITTED";
            case java.sql.Connection.TRANSACTION_READ_COMMITTED -> "READ-COMMITTED";
            case java.sql.Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> "REPEATABLE-READ";
        };
    }
}
