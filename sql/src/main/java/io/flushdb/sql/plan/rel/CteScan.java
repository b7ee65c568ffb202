package io.flushdb.sql.plan.rel;

import io.flushdb.sql.plan.QueryContext;
import io.flushdb.sql.plan.schema.CteTable;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/**
 * Reads the rows of a recursive common table expression ({@link CteTable}) that the executor
 * materialised in the query context: the working rows of the previous iteration for the CTE's own
 * recursive part, the complete result for everything else.
 */
public final class CteScan extends TableScan implements EnumerableRel {
    private final CteTable cte;

    private CteScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, CteTable cte) {
        super(cluster, traits, List.of(), table);
        this.cte = cte;
    }

    public static CteScan create(RelOptCluster cluster, RelOptTable table, CteTable cte) {
        return new CteScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table, cte);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new CteScan(getCluster(), traitSet, table, cte);
    }

    /** See {@link SystemViewScan#onRegister}: a root without inputs must register as a copy. */
    @Override
    public RelNode onRegister(RelOptPlanner planner) {
        return copy(getTraitSet(), getInputs());
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        Expression runtime = implementor.stash(new Runtime(cte.key()), Runtime.class);
        Expression call = Expressions.call(runtime, physType.getFormat() == JavaRowFormat.SCALAR ? "scanValues" : "scan",
                implementor.getRootExpression());
        return implementor.result(physType, Blocks.toBlock(call));
    }

    /** What the generated code calls: the rows under the CTE's key in the executing query's context. */
    public static final class Runtime {
        private final String key;

        Runtime(String key) {
            this.key = key;
        }

        public Enumerable<Object[]> scan(DataContext root) {
            List<Object[]> rows = ((QueryContext) root).cteRows(key);
            return Linq4j.asEnumerable(rows);
        }

        public Enumerable<Object> scanValues(DataContext root) {
            return scan(root).select(row -> row[0]);
        }
    }
}
