package io.flushdb.sql.plan.rel;

import io.flushdb.sql.plan.schema.EngineTable;
import io.flushdb.storage.dict.IndexDef;
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
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Relational operator that reads a table through one of its indexes, for an equality on a prefix
 * of the index key (one or several values of it, for IN lists) optionally followed by a range on
 * the next key column. A point lookup on the whole primary key is EXPLAIN's "const"; equality on a
 * non-unique prefix "ref"; a range or several points "range".
 */
public final class BTreeIndexScan extends TableScan implements EnumerableRel {
    private final EngineTable engineTable;
    private final int indexOrdinal;
    private final List<List<KeyBound>> points;
    private final KeyBound lower;
    private final boolean lowerInclusive;
    private final KeyBound upper;
    private final boolean upperInclusive;

    public BTreeIndexScan(RelOptCluster cluster, RelOptTable table, EngineTable engineTable, int indexOrdinal,
                          List<List<KeyBound>> points, KeyBound lower, boolean lowerInclusive, KeyBound upper,
                          boolean upperInclusive) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
        this.engineTable = engineTable;
        this.indexOrdinal = indexOrdinal;
        this.points = points;
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
    }

    public EngineTable engineTable() {
        return engineTable;
    }

    public IndexDef index() {
        return engineTable.def().indexes().get(indexOrdinal);
    }

    /** Number of key columns the index has (1 for the hidden row id). */
    private int keyLength() {
        IndexDef ix = index();
        return ix.kind() == IndexDef.Kind.GENERATED_CLUSTERED ? 1 : ix.columns().length;
    }

    /** Whether each execution reads at most one row per point: a full unique key by equality. */
    public boolean isPointLookup() {
        return index().isUnique() && lower == null && upper == null && points.size() == 1
                && points.get(0).size() == keyLength();
    }

    /** EXPLAIN's access type. */
    public String accessType() {
        if (isPointLookup()) {
            return "const";
        }
        if (points.size() == 1 && lower == null && upper == null) {
            return "ref";
        }
        return "range";
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        if (isPointLookup()) {
            return points.size();
        }
        double rows = EngineTable.ROW_COUNT_ESTIMATE;
        int eq = points.get(0).size();
        for (int i = 0; i < eq; i++) {
            rows /= 10;
        }
        if (lower != null || upper != null) {
            rows /= 4;
        }
        return Math.max(1, rows * points.size());
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = estimateRowCount(mq);
        double cpu = indexOrdinal == 0 ? rows : rows * 2; // secondary: entry, then the row
        return planner.getCostFactory().makeCost(rows, cpu, Math.log(EngineTable.ROW_COUNT_ESTIMATE) + rows);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("index", index().name()).item("points", points)
                .itemIf("lower", (lowerInclusive ? "[" : "(") + lower, lower != null)
                .itemIf("upper", upper + (upperInclusive ? "]" : ")"), upper != null);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        int[] fields = new int[getRowType().getFieldCount()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = i;
        }
        IndexDef ix = index();
        int[] keyColumns = ix.kind() == IndexDef.Kind.GENERATED_CLUSTERED
                ? new int[] {engineTable.columnCount()} : ix.columns();
        IndexScanRuntime runtime = new IndexScanRuntime(engineTable.entry().store(), fields, indexOrdinal, keyColumns,
                points, lower, lowerInclusive, upper, upperInclusive);
        Expression r = implementor.stash(runtime, IndexScanRuntime.class);
        Expression call = Expressions.call(r, "scan", implementor.getRootExpression());
        return implementor.result(physType, Blocks.toBlock(call));
    }
}
