package io.flushdb.sql.plan;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.plan.schema.TableColumns;
import io.flushdb.sql.types.ColumnTypes;
import io.flushdb.sql.types.MySqlType;
import io.flushdb.storage.dict.ColumnDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The MySQL metadata of a query's output columns. A column that is exactly a table column (one
 * non-derived origin) reports that column's MySQL type, name, table and database, as MySQL does;
 * an expression reports the MySQL type of its Calcite type.
 */
final class ResultColumns {
    private ResultColumns() {
    }

    static List<ColumnMeta> of(RelNode logical, List<Integer> fields, List<String> labels, MySqlResultTypes types) {
        RelMetadataQuery mq = logical.getCluster().getMetadataQuery();
        List<RelDataTypeField> outFields = logical.getRowType().getFieldList();
        List<ColumnMeta> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            int f = fields.get(i);
            RelDataType type = outFields.get(f).getType();
            String label = labels != null && i < labels.size() ? labels.get(i) : outFields.get(f).getName();
            ColumnMeta meta = fromOrigin(mq, logical, f, label, type);
            if (meta == null) {
                MySqlResultTypes.TypeInfo t = types.of(logical, f);
                meta = ColumnMeta.expression(label, t.type(), t.length(), t.scale(), type.isNullable());
            }
            out.add(meta);
        }
        return out;
    }

    private static ColumnMeta fromOrigin(RelMetadataQuery mq, RelNode rel, int field, String label, RelDataType type) {
        Set<RelColumnOrigin> origins;
        try {
            origins = mq.getColumnOrigins(rel, field);
        } catch (RuntimeException e) {
            return null;
        }
        if (origins == null || origins.size() != 1) {
            return null;
        }
        RelColumnOrigin o = origins.iterator().next();
        if (o.isDerived()) {
            return null;
        }
        TableColumns table = o.getOriginTable().unwrap(TableColumns.class);
        if (table == null || o.getOriginColumnOrdinal() >= table.columns().size()) {
            return null;
        }
        ColumnDef c = table.columns().get(o.getOriginColumnOrdinal());
        int scale = c.type() == io.flushdb.storage.dict.ColumnType.DECIMAL ? c.scale() : c.fsp();
        return new ColumnMeta(label, c.name(), table.tableName(), table.tableName(), table.databaseName(),
                ColumnTypes.resultType(c),
                ColumnTypes.displayLength(c), scale, type.isNullable(), c.autoIncrement(), c.zerofill(),
                c.zerofill() ? (int) c.length() : 0);
    }

    /**
     * A computed text value: VARCHAR, or as MySQL when it may exceed 65535 bytes (four per
     * character in utf8mb4), a MEDIUMTEXT or LONGTEXT.
     */
    private static ColumnMeta text(String label, RelDataType t, boolean nullable) {
        if (t.getPrecision() < 0 || t.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED) {
            return ColumnMeta.expression(label, MySqlType.VARCHAR, 255, 0, nullable); // length unknown
        }
        long chars = t.getPrecision();
        long bytes = chars * 4;
        MySqlType type = bytes >= 16_777_216L ? MySqlType.LONGTEXT : bytes >= 65_536 ? MySqlType.MEDIUMTEXT : MySqlType.VARCHAR;
        return ColumnMeta.expression(label, type, chars, 0, nullable);
    }

    /** Metadata of a computed column of Calcite type {@code t}. */
    static ColumnMeta expression(String label, RelDataType t) {
        boolean nullable = t.isNullable();
        return switch (t.getSqlTypeName()) {
            case BOOLEAN -> ColumnMeta.expression(label, MySqlType.BIGINT, 1, 0, nullable);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> ColumnMeta.expression(label, MySqlType.BIGINT, 21, 0, nullable);
            case DECIMAL -> ColumnMeta.expression(label, MySqlType.DECIMAL, t.getPrecision() + 2, Math.max(0, t.getScale()),
                    nullable);
            case REAL, FLOAT -> ColumnMeta.expression(label, MySqlType.FLOAT, 12, 31, nullable);
            case DOUBLE -> ColumnMeta.expression(label, MySqlType.DOUBLE, 22, 31, nullable);
            case CHAR, VARCHAR -> text(label, t, nullable);
            case BINARY, VARBINARY -> ColumnMeta.expression(label, MySqlType.VARBINARY,
                    t.getPrecision() < 0 ? 65535 : t.getPrecision(), 0, nullable);
            case DATE -> ColumnMeta.expression(label, MySqlType.DATE, 10, 0, nullable);
            case TIME, INTERVAL_DAY_SECOND -> ColumnMeta.expression(label, MySqlType.TIME, 10, 0, nullable);
            case TIMESTAMP -> ColumnMeta.expression(label, MySqlType.DATETIME, 19, 0, nullable);
            case NULL -> ColumnMeta.expression(label, MySqlType.NULL, 0, 0, true);
            default -> ColumnMeta.expression(label, MySqlType.VARCHAR, 255, 0, nullable);
        };
    }
}
