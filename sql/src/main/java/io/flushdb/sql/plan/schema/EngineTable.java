package io.flushdb.sql.plan.schema;

import io.flushdb.sql.plan.rel.BTreeTableScan;
import io.flushdb.sql.types.TypeMapping;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.dict.TableEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A storage table as Calcite sees it: a row type of the table's columns (plus {@code DB_ROW_ID},
 * the hidden row id, for a table without a primary key), and {@link #toRel} making a
 * {@link BTreeTableScan}, our own physical operator, so that reads run as generated code calling
 * storage cursors directly.
 */
public final class EngineTable extends AbstractTable implements TranslatableTable, TableColumns {
    /** Name of the hidden row id column of a table without a primary key. */
    public static final String ROW_ID_COLUMN = "DB_ROW_ID";

    private final TableEntry entry;

    public EngineTable(TableEntry entry) {
        this.entry = entry;
    }

    public TableEntry entry() {
        return entry;
    }

    public TableDef def() {
        return entry.def();
    }

    @Override
    public String databaseName() {
        return entry.def().database();
    }

    @Override
    public String tableName() {
        return entry.def().name();
    }

    /** The user columns (the row id, if any, is the field after them). */
    @Override
    public List<ColumnDef> columns() {
        return entry.def().columns();
    }

    /** Number of user columns (the row id, if any, follows them). */
    public int columnCount() {
        return entry.def().columns().size();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (ColumnDef c : entry.def().columns()) {
            b.add(c.name(), TypeMapping.relType(f, c));
        }
        if (entry.def().hasHiddenPrimaryKey()) {
            b.add(ROW_ID_COLUMN, f.createSqlType(SqlTypeName.BIGINT));
        }
        return b.build();
    }

    @Override
    public Statistic getStatistic() {
        IndexDef pk = entry.def().clusteredIndex();
        List<ImmutableBitSet> keys = new ArrayList<>();
        if (pk.kind() == IndexDef.Kind.PRIMARY) {
            keys.add(ImmutableBitSet.of(pk.columns()));
        } else {
            keys.add(ImmutableBitSet.of(columnCount()));
        }
        for (IndexDef ix : entry.def().indexes()) {
            if (ix.kind() == IndexDef.Kind.UNIQUE) {
                keys.add(ImmutableBitSet.of(ix.columns()));
            }
        }
        return Statistics.of(ROW_COUNT_ESTIMATE, keys);
    }

    /** Without table statistics, every table is assumed to hold this many rows. */
    public static final double ROW_COUNT_ESTIMATE = 10_000;

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return BTreeTableScan.create(context.getCluster(), relOptTable, this);
    }
}
