package io.flushdb.sql.plan.rel;

import io.flushdb.sql.plan.schema.EngineTable;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Relational operator that reads a whole table through its clustered index, in primary key order:
 * the physical full scan ("type ALL" in EXPLAIN). Generated code calls {@link ScanRuntime#scan}.
 */
public final class BTreeTableScan extends TableScan implements EnumerableRel {
    private final EngineTable engineTable;

    private BTreeTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, EngineTable engineTable) {
        super(cluster, traits, List.of(), table);
        this.engineTable = engineTable;
    }

    public static BTreeTableScan create(RelOptCluster cluster, RelOptTable table, EngineTable engineTable) {
        return new BTreeTableScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table, engineTable);
    }

    public EngineTable engineTable() {
        return engineTable;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new BTreeTableScan(getCluster(), traitSet, table, engineTable);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = EngineTable.ROW_COUNT_ESTIMATE;
        return planner.getCostFactory().makeCost(rows, rows, rows);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return EngineTable.ROW_COUNT_ESTIMATE;
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        int[] fields = new int[getRowType().getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = i;
        }
        Expression runtime = implementor.stash(new ScanRuntime(engineTable.entry().store(), fields), ScanRuntime.class);
        Expression call = Expressions.call(runtime, "scan", implementor.getRootExpression());
        return implementor.result(physType, Blocks.toBlock(call));
    }
}
