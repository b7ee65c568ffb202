package io.flushdb.sql.plan.schema;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.plan.rel.CteScan;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A recursive common table expression as Calcite sees it: its columns typed by the non-recursive
 * part (as MySQL types them), and rows that the executing statement materialises before the plan
 * reading it runs ({@link CteScan} reads them from the query context under {@link #key()}).
 */
public final class CteTable extends AbstractTable implements TranslatableTable {
    private final String key;
    private final RelDataType rowType;
    private final List<ColumnMeta> columns;

    public CteTable(String key, RelDataType rowType, List<ColumnMeta> columns) {
        this.key = key;
        this.rowType = rowType;
        this.columns = columns;
    }

    /** Where the rows are found in the query context. */
    public String key() {
        return key;
    }

    /** The MySQL metadata of each column (from the non-recursive part). */
    public List<ColumnMeta> columns() {
        return columns;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        return rowType;
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(100, List.of());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return CteScan.create(context.getCluster(), relOptTable, this);
    }
}
