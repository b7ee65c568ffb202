package io.flushdb.sql.error;

/**
 * MySQL's server errors that FlushDB raises, by their MySQL symbol, with the error code, SQLSTATE
 * and message template MySQL 8.0 uses.
 */
public enum MySqlError {
    ER_DB_CREATE_EXISTS(1007, "HY000", "Can't create database '%s'; database exists"),
    ER_DB_DROP_EXISTS(1008, "HY000", "Can't drop database '%s'; database doesn't exist"),
    ER_BAD_DB_ERROR(1049, "42000", "Unknown database '%s'"),
    ER_NO_DB_ERROR(1046, "3D000", "No database selected"),
    /** InnoDB's "out of space" error; also the redo log held back by an open transaction. */
    ER_RECORD_FILE_FULL(1114, "HY000", "The table '%s' is full"),
    ER_TABLE_EXISTS_ERROR(1050, "42S01", "Table '%s' already exists"),
    ER_BAD_TABLE_ERROR(1051, "42S02", "Unknown table '%s'"),
    ER_NON_UNIQ_ERROR(1052, "23000", "Column '%s' in %s is ambiguous"),
    ER_BAD_FIELD_ERROR(1054, "42S22", "Unknown column '%s' in '%s'"),
    ER_DUP_FIELDNAME(1060, "42S21", "Duplicate column name '%s'"),
    ER_DUP_KEYNAME(1061, "42000", "Duplicate key name '%s'"),
    ER_DUP_ENTRY(1062, "23000", "Duplicate entry '%s' for key '%s'"),
    ER_PARSE_ERROR(1064, "42000", "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '%s' at line %d"),
    ER_EMPTY_QUERY(1065, "42000", "Query was empty"),
    ER_NONUNIQ_TABLE(1066, "42000", "Not unique table/alias: '%s'"),
    ER_INVALID_DEFAULT(1067, "42000", "Invalid default value for '%s'"),
    ER_MULTIPLE_PRI_KEY(1068, "42000", "Multiple primary key defined"),
    ER_TOO_LONG_KEY(1071, "42000", "Specified key was too long; max key length is %d bytes"),
    ER_KEY_COLUMN_DOES_NOT_EXITS(1072, "42000", "Key column '%s' doesn't exist in table"),
    ER_BLOB_USED_AS_KEY(1073, "42000", "BLOB column '%s' can't be used in key specification with the used table type"),
    ER_TOO_BIG_FIELDLENGTH(1074, "42000", "Column length too big for column '%s' (max = %d); use BLOB or TEXT instead"),
    ER_WRONG_AUTO_KEY(1075, "42000", "Incorrect table definition; there can be only one auto column and it must be defined as a key"),
    ER_CANT_DROP_FIELD_OR_KEY(1091, "42000", "Can't DROP '%s'; check that column/key exists"),
    ER_UPDATE_TABLE_USED(1093, "HY000", "You can't specify target table '%s' for update in FROM clause"),
    ER_TOO_BIG_ROWSIZE(1118, "42000", "Row size too large. The maximum row size for the used table type, not counting BLOBs, is %d. This includes storage overhead, check the manual. You have to change some columns to TEXT or BLOBs"),
    ER_WRONG_FIELD_SPEC(1063, "42000", "Incorrect column specifier for column '%s'"),
    ER_NO_SUCH_TABLE(1146, "42S02", "Table '%s.%s' doesn't exist"),
    ER_UNKNOWN_TABLE(1109, "42S02", "Unknown table '%s' in %s"),
    ER_DBACCESS_DENIED_ERROR(1044, "42000", "Access denied for user '%s'@'%s' to database '%s'"),
    ER_SYNTAX_ERROR(1149, "42000", "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use"),
    ER_WRONG_VALUE_COUNT_ON_ROW(1136, "21S01", "Column count doesn't match value count at row %d"),
    ER_BAD_NULL_ERROR(1048, "23000", "Column '%s' cannot be null"),
    ER_WRONG_VALUE_COUNT(1058, "21S01", "Column count doesn't match value count"),
    ER_BLOB_KEY_WITHOUT_LENGTH(1170, "42000", "BLOB/TEXT column '%s' used in key specification without a key length"),
    ER_PRIMARY_CANT_HAVE_NULL(1171, "42000", "All parts of a PRIMARY KEY must be NOT NULL; if you need NULL in a key, use UNIQUE instead"),
    ER_TOO_MANY_ROWS(1172, "42000", "Result consisted of more than one row"),
    ER_LOCK_WAIT_TIMEOUT(1205, "HY000", "Lock wait timeout exceeded; try restarting transaction"),
    ER_LOCK_DEADLOCK(1213, "40001", "Deadlock found when trying to get lock; try restarting transaction"),
    ER_TOO_MANY_CONCURRENT_TRXS(1637, "HY000", "Too many active concurrent transactions"),
    ER_LOCK_NOWAIT(3572, "HY000", "Statement aborted because lock(s) could not be acquired immediately and NOWAIT is set."),
    ER_WRONG_ARGUMENTS(1210, "HY000", "Incorrect arguments to %s"),
    ER_WRONG_USAGE(1221, "HY000", "Incorrect usage of %s and %s"),
    ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT(1222, "21000", "The used SELECT statements have a different number of columns"),
    ER_CANT_USE_OPTION_HERE(1234, "42000", "Incorrect usage/placement of '%s'"),
    ER_NOT_SUPPORTED_YET(1235, "42000", "This version of MySQL doesn't yet support '%s'"),
    ER_VIEW_WRONG_LIST(1353, "HY000",
            "In definition of view, derived table or common table expression, SELECT list and column names list have different column counts"),
    ER_OPERAND_COLUMNS(1241, "21000", "Operand should contain %d column(s)"),
    ER_SUBQUERY_NO_1_ROW(1242, "21000", "Subquery returns more than 1 row"),
    ER_ILLEGAL_REFERENCE(1247, "42S22", "Reference '%s' not supported (%s)"),
    ER_DERIVED_MUST_HAVE_ALIAS(1248, "42000", "Every derived table must have its own alias"),
    ER_TRUNCATED_WRONG_VALUE(1292, "22007", "Truncated incorrect %s value: '%s'"),
    ER_WARN_DATA_OUT_OF_RANGE(1264, "22003", "Out of range value for column '%s' at row %d"),
    WARN_DATA_TRUNCATED(1265, "01000", "Data truncated for column '%s' at row %d"),
    ER_DATA_TOO_LONG(1406, "22001", "Data too long for column '%s' at row %d"),
    ER_TRUNCATED_WRONG_VALUE_FOR_FIELD(1366, "HY000", "Incorrect %s value: '%s' for column '%s' at row %d"),
    ER_DIVISION_BY_ZERO(1365, "22012", "Division by 0"),
    ER_DATA_OUT_OF_RANGE(1690, "22003", "%s value is out of range in '%s'"),
    ER_WRONG_COLUMN_NAME(1166, "42000", "Incorrect column name '%s'"),
    ER_WRONG_TABLE_NAME(1103, "42000", "Incorrect table name '%s'"),
    ER_WRONG_DB_NAME(1102, "42000", "Incorrect database name '%s'"),
    ER_TOO_LONG_IDENT(1059, "42000", "Identifier name '%s' is too long"),
    ER_FIELD_SPECIFIED_TWICE(1110, "42000", "Column '%s' specified twice"),
    ER_WRONG_GROUP_FIELD(1056, "42000", "Can't group on '%s'"),
    ER_WRONG_FIELD_WITH_GROUP(1055, "42000", "Expression #%d of SELECT list is not in GROUP BY clause and contains nonaggregated column '%s' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by"),
    ER_INVALID_GROUP_FUNC_USE(1111, "HY000", "Invalid use of group function"),
    ER_MIX_OF_GROUP_FUNC_AND_FIELDS(1140, "42000", "In aggregated query without GROUP BY, expression #%d of SELECT list contains nonaggregated column '%s'; this is incompatible with sql_mode=only_full_group_by"),
    ER_SP_DOES_NOT_EXIST(1305, "42000", "FUNCTION %s does not exist"),
    ER_SAVEPOINT_DOES_NOT_EXIST(1305, "42000", "SAVEPOINT %s does not exist"),
    ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT(1582, "42000", "Incorrect parameter count in the call to native function '%s'"),
    ER_UNKNOWN_SYSTEM_VARIABLE(1193, "HY000", "Unknown system variable '%s'"),
    ER_CANT_DROP_FIELD_OR_KEY_INDEX(1091, "42000", "Can't DROP '%s'; check that column/key exists"),
    ER_WRONG_VALUE_FOR_VAR(1231, "42000", "Variable '%s' can't be set to the value of '%s'"),
    ER_WRONG_TYPE_FOR_VAR(1232, "42000", "Incorrect argument type to variable '%s'"),
    ER_LOCAL_VARIABLE(1228, "HY000", "Variable '%s' is a SESSION variable and can't be used with SET GLOBAL"),
    ER_GLOBAL_VARIABLE(1229, "HY000", "Variable '%s' is a GLOBAL variable and should be set with SET GLOBAL"),
    ER_NO_DEFAULT(1230, "42000", "Variable '%s' doesn't have a default value"),
    ER_INCORRECT_GLOBAL_LOCAL_VAR(1238, "HY000", "Variable '%s' is a %s variable"),
    ER_UNKNOWN_TIME_ZONE(1298, "HY000", "Unknown or incorrect time zone: '%s'"),
    ER_VAR_DOES_NOT_EXIST(3615, "HY000", "Variable %s does not exist in persisted config file"),
    ER_GET_ERRNO(1030, "HY000", "Got error %d - '%s' from storage engine"),
    ER_TABLE_CORRUPT(1877, "HY000", "Operation cannot be performed. The table '%s.%s' is missing, corrupt or contains bad data."),
    ER_READ_ONLY_TRANSACTION(1792, "25006", "Cannot execute statement in a READ ONLY transaction."),
    ER_INVALID_ON_UPDATE(1294, "HY000", "Invalid ON UPDATE clause for '%s' column"),
    ER_BLOB_CANT_HAVE_DEFAULT(1101, "42000", "BLOB, TEXT, GEOMETRY or JSON column '%s' can't have a default value"),
    ER_TOO_BIG_PRECISION(1426, "42000", "Too-big precision %d specified for '%s'. Maximum is %d."),
    ER_UNKNOWN_CHARACTER_SET(1115, "42000", "Unknown character set: '%s'"),
    ER_UNKNOWN_COLLATION(1273, "HY000", "Unknown collation: '%s'"),
    ER_UNKNOWN_STORAGE_ENGINE(1286, "42000", "Unknown storage engine '%s'"),
    ER_CANT_REMOVE_ALL_FIELDS(1090, "42000", "You can't delete all columns with ALTER TABLE; use DROP TABLE instead"),
    ER_NO_DEFAULT_FOR_FIELD(1364, "HY000", "Field '%s' doesn't have a default value"),
    ER_TABLE_MUST_HAVE_COLUMNS(1113, "42000", "A table must have at least 1 column"),
    ER_NO_TABLES_USED(1096, "HY000", "No tables used"),
    ER_WRONG_VALUE(1525, "HY000", "Incorrect %s value: '%s'"),
    ER_UNKNOWN_ERROR(1105, "HY000", "%s"),
    ER_TABLE_DEF_CHANGED(1412, "HY000", "Table definition has changed, please retry transaction"),
    ER_WINDOW_NO_SUCH_WINDOW(3579, "HY000", "Window name '%s' is not defined."),
    ER_INTERNAL_ERROR(1815, "HY000", "Internal error: %s"),
    ER_INVALID_USE_OF_NULL(1138, "22004", "Invalid use of NULL value"),
    ER_KEY_DOES_NOT_EXITS(1176, "42000", "Key '%s' doesn't exist in table '%s'"),
    ER_WRONG_NAME_FOR_INDEX(1280, "42000", "Incorrect index name '%s'"),
    ER_CUT_VALUE_GROUP_CONCAT(1260, "HY000", "Row %d was cut by GROUP_CONCAT()"),
    ER_CTE_MAX_RECURSION_DEPTH(3636, "HY000",
            "Recursive query aborted after %d iterations. Try increasing @@cte_max_recursion_depth to a larger value."),
    ER_CTE_RECURSIVE_REQUIRES_UNION(3573, "HY000", "Recursive Common Table Expression '%s' should contain a UNION"),
    ER_CTE_RECURSIVE_REQUIRES_NONRECURSIVE_FIRST(3574, "HY000",
            "Recursive Common Table Expression '%s' should have one or more non-recursive query blocks followed by one or more recursive ones"),
    ER_CTE_RECURSIVE_FORBIDS_AGGREGATION(3575, "HY000", "Recursive Common Table Expression '%s' can contain neither aggregation nor window functions in recursive query block"),
    ER_WRONG_OBJECT(1347, "HY000", "'%s.%s' is not %s"),
    ER_VIEW_INVALID(1356, "HY000",
            "View '%s.%s' references invalid table(s) or column(s) or function(s) or definer/invoker of view lack rights to use them"),
    ER_NON_UPDATABLE_TABLE(1288, "HY000", "The target table %s of the %s is not updatable"),
    ER_VIEW_NO_INSERT_FIELD_LIST(1394, "HY000", "Can not insert into join view '%s.%s' without fields list"),
    ER_VIEW_DELETE_MERGE_VIEW(1395, "HY000", "Can not delete from join view '%s.%s'"),
    ER_VIEW_MULTIUPDATE(1393, "HY000", "Can not modify more than one base table through a join view '%s.%s'"),
    ER_VIEW_CHECK_FAILED(1369, "44000", "CHECK OPTION failed '%s.%s'"),
    ER_VIEW_SELECT_VARIABLE(1351, "HY000", "View's SELECT contains a variable or parameter"),
    ER_NON_INSERTABLE_TABLE(1471, "HY000", "The target table %s of the %s is not insertable-into"),
    ER_NONUPDATEABLE_COLUMN(1348, "HY000", "Column '%s' is not updatable"),
    ER_MULTI_UPDATE_KEY_CONFLICT(1706, "HY000", "Primary key/partition key update is not allowed since the table is updated both as '%s' and '%s'.");

    public final int code;
    public final String sqlState;
    public final String template;

    MySqlError(int code, String sqlState, String template) {
        this.code = code;
        this.sqlState = sqlState;
        this.template = template;
    }

    /** The error with its message formatted from {@code args}. */
    public MySqlException raise(Object... args) {
        return new MySqlException(this, String.format(template, args));
    }

    /** The error with a message chosen by the caller. */
    public MySqlException withMessage(String message) {
        return new MySqlException(this, message);
    }
}
