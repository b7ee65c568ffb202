package io.flushdb.sql.plan.rel;

import io.flushdb.sql.plan.schema.SystemViewTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Relational operator that reads an information_schema table: generated code calls
 * {@link SystemViewRuntime#scan}, which runs the table's row function for the executing session,
 * so the rows are those of the moment the plan runs, however long the plan stays cached.
 *
 * <p>It reads only the columns the query uses: when Calcite trims unused fields it asks the scan
 * to {@link #project} them away, and the row function is told which columns it may skip (such as
 * TABLES' size columns, which cost a walk of each table).
 */
public final class SystemViewScan extends TableScan implements EnumerableRel {
    private final SystemViewTable view;
    /** Table column of each output field, ascending. */
    private final int[] fields;

    private SystemViewScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, SystemViewTable view,
                           int[] fields) {
        super(cluster, traits, List.of(), table);
        this.view = view;
        this.fields = fields;
    }

    /** A scan of every column of {@code view}. */
    public static SystemViewScan create(RelOptCluster cluster, RelOptTable table, SystemViewTable view) {
        int[] all = new int[view.columns().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return new SystemViewScan(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), table, view, all);
    }

    public SystemViewTable view() {
        return view;
    }

    /** The table column each output field reads. */
    public int[] fields() {
        return fields.clone();
    }

    @Override
    public RelDataType deriveRowType() {
        List<RelDataTypeField> all = table.getRowType().getFieldList();
        RelDataType[] types = new RelDataType[fields.length];
        String[] names = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = all.get(fields[i]).getType();
            names[i] = all.get(fields[i]).getName();
        }
        return getCluster().getTypeFactory().createStructType(Arrays.asList(types), Arrays.asList(names));
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SystemViewScan(getCluster(), traitSet, table, view, fields);
    }

    /**
     * Registers a copy. Calcite's standard program calls {@code setRoot} twice with the plan's root
     * when its traits are already the ones asked for, which registers a root without inputs twice:
     * an assertion error when assertions are on. A narrowed scan is such a root
     * ({@code SELECT TABLE_NAME FROM information_schema.TABLES}, once the field trimmer has removed
     * the identity projection above it). The copy has the same digest, so the planner still finds
     * one expression.
     */
    @Override
    public RelNode onRegister(RelOptPlanner planner) {
        return copy(getTraitSet(), getInputs());
    }

    /** Keeps only {@code fieldsUsed}: the trimmer's way to push a projection into the scan. */
    @Override
    public RelNode project(ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields, RelBuilder relBuilder) {
        if (!extraFields.isEmpty() || fieldsUsed.cardinality() == fields.length) {
            return super.project(fieldsUsed, extraFields, relBuilder);
        }
        if (fieldsUsed.isEmpty()) {
            // Nothing is read (COUNT(*)): keep one column so that rows are still produced.
            SystemViewScan one = new SystemViewScan(getCluster(), traitSet, table, view, new int[] {fields[0]});
            return relBuilder.push(one).project(List.of(), List.of()).build();
        }
        List<Integer> kept = new ArrayList<>();
        for (int f : fieldsUsed) {
            kept.add(fields[f]);
        }
        int[] narrowed = kept.stream().mapToInt(Integer::intValue).toArray();
        return new SystemViewScan(getCluster(), traitSet, table, view, narrowed);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).itemIf("fields", Arrays.toString(fields), fields.length != view.columns().size());
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return SystemViewTable.ROW_COUNT_ESTIMATE;
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = SystemViewTable.ROW_COUNT_ESTIMATE;
        // Narrower scans cost less: some columns are costly to produce.
        double cpu = rows * (fields.length + 1);
        return planner.getCostFactory().makeCost(rows, cpu, 0);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        // Rows are arrays, or bare values when there is one field: the format Calcite's own
        // operators assume of a one-field input (they pass rows through and re-derive it).
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        List<RelDataType> types = new ArrayList<>();
        for (RelDataTypeField f : getRowType().getFieldList()) {
            types.add(f.getType());
        }
        Expression runtime = implementor.stash(new SystemViewRuntime(view.declaration(), fields, types),
                SystemViewRuntime.class);
        Expression call = Expressions.call(runtime, physType.getFormat() == JavaRowFormat.SCALAR ? "scanValues" : "scan",
                implementor.getRootExpression());
        return implementor.result(physType, Blocks.toBlock(call));
    }
}
