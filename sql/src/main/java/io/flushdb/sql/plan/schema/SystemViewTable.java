package io.flushdb.sql.plan.schema;

import io.flushdb.sql.infoschema.InfoSchemaTable;
import io.flushdb.sql.plan.rel.SystemViewScan;
import io.flushdb.sql.types.TypeMapping;
import io.flushdb.storage.dict.ColumnDef;
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
 * An information_schema or performance_schema table as Calcite sees it: the declared columns as its row type, and
 * {@link #toRel} making a {@link SystemViewScan}, which calls the table's row function each time
 * the compiled plan runs.
 */
public final class SystemViewTable extends AbstractTable implements TranslatableTable, TableColumns {
    /** Rows assumed for planning: information_schema tables are small next to stored ones. */
    public static final double ROW_COUNT_ESTIMATE = 100;

    private final String database;
    private final InfoSchemaTable table;

    public SystemViewTable(String database, InfoSchemaTable table) {
        this.database = database;
        this.table = table;
    }

    public InfoSchemaTable declaration() {
        return table;
    }

    @Override
    public String databaseName() {
        return database;
    }

    @Override
    public String tableName() {
        return table.name();
    }

    @Override
    public List<ColumnDef> columns() {
        return table.columns();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory f) {
        RelDataTypeFactory.Builder b = f.builder();
        for (ColumnDef c : table.columns()) {
            b.add(c.name(), TypeMapping.relType(f, c));
        }
        return b.build();
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(ROW_COUNT_ESTIMATE, List.of());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return SystemViewScan.create(context.getCluster(), relOptTable, this);
    }
}
