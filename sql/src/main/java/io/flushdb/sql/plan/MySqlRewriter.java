package io.flushdb.sql.plan;

import com.google.common.collect.ImmutableList;
import io.flushdb.sql.plan.functions.MySqlOperators;
import io.flushdb.sql.plan.schema.TableColumns;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.Collation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Gives a logical plan MySQL's semantics where Calcite's differ and the difference depends on
 * types, so it cannot be done when translating the statement:
 * <ul>
 *   <li><b>Collations.</b> Calcite compares strings by code unit; MySQL's default collation ignores
 *       case and accents. Every comparison of two text values becomes a comparison of their
 *       collation keys ({@code MYSQL_SORT_KEY}); sorts, groupings, DISTINCT aggregates and IN
 *       sub-queries on text use keys too; LIKE gets its collation. The collation is the one of the
 *       column a value comes from (MySQL's coercibility rule), else the connection's.</li>
 *   <li><b>SUM of integers</b> is a DECIMAL, so the integers are summed as decimals.</li>
 *   <li><b>BIGINT arithmetic</b> is checked: overflow is error 1690, not a wrapped value.</li>
 *   <li><b>Binary versus text</b> comparisons compare the text's bytes.</li>
 * </ul>
 * Keys keep equi-joins hashable and let the index rules see text ranges.
 */
final class MySqlRewriter {
    private final Collation fallback;
    private boolean sortsRewritten;

    MySqlRewriter(Collation fallback) {
        this.fallback = fallback;
    }

    /** The rewritten plan, and whether some sort now sorts on collation keys. */
    record Result(RelNode rel, boolean sortsRewritten) {
    }

    static Result rewrite(RelNode rel, Collation fallback) {
        MySqlRewriter r = new MySqlRewriter(fallback);
        RelNode out = r.apply(rel);
        return new Result(out, r.sortsRewritten);
    }

    /** Rewrites {@code rel}'s inputs, then its own expressions (and sub-queries), then the node itself. */
    RelNode apply(RelNode rel) {
        List<RelNode> inputs = rel.getInputs();
        List<RelNode> rewritten = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (RelNode in : inputs) {
            RelNode r = apply(in);
            rewritten.add(r);
            changed |= r != in;
        }
        RelNode withInputs = changed ? rel.copy(rel.getTraitSet(), rewritten) : rel;
        RelNode withRex = withInputs.accept(new Rex(withInputs, this));
        if (withRex instanceof Sort sort) {
            return sortOnKeys(sort);
        }
        if (withRex instanceof Aggregate agg) {
            return aggregateOnKeys(sumsAsDecimals(groupConcatOnKeys(agg)));
        }
        if (withRex instanceof org.apache.calcite.rel.core.Union union && !union.all
                && union.getRowType().getFieldList().stream().anyMatch(f -> isText(f.getType()))) {
            // UNION's duplicate removal compares text by collation ('a' and 'A' are one row):
            // UNION ALL, then group every field, which aggregateOnKeys does on collation keys.
            RelNode all = org.apache.calcite.rel.logical.LogicalUnion.create(union.getInputs(), true);
            ImmutableBitSet every = ImmutableBitSet.range(all.getRowType().getFieldCount());
            return aggregateOnKeys(LogicalAggregate.create(all, List.of(), every, null, List.of()));
        }
        return withRex;
    }

    // ---- collations ---------------------------------------------------------------------------

    /** The collation a text field of {@code rel}'s output compares with: its column's, or null. */
    static Collation originCollation(RelNode rel, int field) {
        ColumnDef c = originColumn(rel, field);
        return c == null ? null : c.collation();
    }

    /** The table column field {@code field} of {@code rel} reads (one origin), or null. */
    static ColumnDef originColumn(RelNode rel, int field) {
        Set<RelColumnOrigin> origins;
        try {
            origins = rel.getCluster().getMetadataQuery().getColumnOrigins(rel, field);
        } catch (RuntimeException e) {
            return null;
        }
        if (origins == null || origins.isEmpty()) {
            return null;
        }
        RelColumnOrigin o = origins.iterator().next();
        TableColumns t = o.getOriginTable().unwrap(TableColumns.class);
        if (t == null || o.getOriginColumnOrdinal() >= t.columns().size()) {
            return null;
        }
        return t.columns().get(o.getOriginColumnOrdinal());
    }

    /** The ENUM or SET column field {@code field} of {@code rel} is exactly (not derived from), or null. */
    static ColumnDef enumOrSetOrigin(RelNode rel, int field) {
        ColumnDef c = exactOrigin(rel, field);
        return c != null && (c.type() == io.flushdb.storage.dict.ColumnType.ENUM
                || c.type() == io.flushdb.storage.dict.ColumnType.SET) ? c : null;
    }

    /** The table column field {@code field} of {@code rel} is exactly (one origin, not derived), or null. */
    static ColumnDef exactOrigin(RelNode rel, int field) {
        Set<RelColumnOrigin> origins;
        try {
            origins = rel.getCluster().getMetadataQuery().getColumnOrigins(rel, field);
        } catch (RuntimeException e) {
            return null;
        }
        if (origins == null || origins.size() != 1) {
            return null;
        }
        RelColumnOrigin o = origins.iterator().next();
        TableColumns t = o.getOriginTable().unwrap(TableColumns.class);
        if (o.isDerived() || t == null || o.getOriginColumnOrdinal() >= t.columns().size()) {
            return null;
        }
        return t.columns().get(o.getOriginColumnOrdinal());
    }

    /** The ENUM index or SET bitmask of {@code text}, a value of column {@code c}. */
    static RexNode indexOf(RexBuilder rb, RexNode text, ColumnDef c) {
        RexNode members = rb.makeLiteral(io.flushdb.sql.plan.functions.TypeFunctions.membersLiteral(c.extra().elements()));
        Collation coll = c.collation() != null ? c.collation() : Collation.UTF8MB4_0900_AI_CI;
        return rb.makeCall(c.type() == io.flushdb.storage.dict.ColumnType.ENUM ? MySqlOperators.ENUM_INDEX
                : MySqlOperators.SET_MASK, text, members, intLiteral(rb, coll.id()));
    }

    static boolean isText(RexNode n) {
        return n.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER;
    }

    static boolean isText(RelDataType t) {
        return t.getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER;
    }

    static RexNode sortKey(RexBuilder rb, RexNode text, Collation c) {
        return rb.makeCall(MySqlOperators.SORT_KEY, text, intLiteral(rb, c.id()));
    }

    private static RexNode intLiteral(RexBuilder rb, int v) {
        return rb.makeExactLiteral(BigDecimal.valueOf(v), rb.getTypeFactory().createSqlType(SqlTypeName.INTEGER));
    }

    /** A sort whose text fields sort by their collation keys: project keys, sort, project away. */
    private RelNode sortOnKeys(Sort sort) {
        RelNode input = sort.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        RexBuilder rb = sort.getCluster().getRexBuilder();
        Widening w = new Widening(input);
        List<RexNode> projects = w.projects;
        List<String> names = w.names;
        List<RelFieldCollation> keys = new ArrayList<>();
        boolean changed = false;
        for (RelFieldCollation fc : sort.getCollation().getFieldCollations()) {
            RelDataTypeField f = fields.get(fc.getFieldIndex());
            Collation c = collationOrFallback(originCollation(input, fc.getFieldIndex()));
            ColumnDef bitmapped = enumOrSetOrigin(input, fc.getFieldIndex());
            if (bitmapped != null) {
                // MySQL sorts an ENUM by its index and a SET by its bitmask, not by their text.
                projects.add(indexOf(rb, rb.makeInputRef(input, fc.getFieldIndex()), bitmapped));
                names.add("$sortkey" + keys.size());
                keys.add(fc.withFieldIndex(projects.size() - 1));
                changed = true;
            } else if (isText(f.getType()) && c != Collation.UTF8MB4_BIN) {
                projects.add(sortKey(rb, rb.makeInputRef(input, fc.getFieldIndex()), c));
                names.add("$sortkey" + keys.size());
                keys.add(fc.withFieldIndex(projects.size() - 1));
                changed = true;
            } else {
                keys.add(fc);
            }
        }
        if (!changed) {
            return sort;
        }
        sortsRewritten = true;
        RelNode withKeys = LogicalProject.create(input, List.of(), projects, names, Set.of());
        RelNode sorted = LogicalSort.create(withKeys, RelCollations.of(keys), sort.offset, sort.fetch);
        return project(sorted, fields.size(), names);
    }

    /** A projection that starts as every field of its input (with names), to which new fields are added. */
    private static final class Widening {
        final List<RexNode> projects = new ArrayList<>();
        final List<String> names = new ArrayList<>();

        Widening(RelNode input) {
            RexBuilder rb = input.getCluster().getRexBuilder();
            List<RelDataTypeField> fields = input.getRowType().getFieldList();
            for (int i = 0; i < fields.size(); i++) {
                projects.add(rb.makeInputRef(input, i));
                names.add(fields.get(i).getName());
            }
        }
    }

    private static RelNode project(RelNode input, int count, List<String> names) {
        RexBuilder rb = input.getCluster().getRexBuilder();
        List<RexNode> back = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            back.add(rb.makeInputRef(input, i));
        }
        return LogicalProject.create(input, List.of(), back, names.subList(0, count), Set.of());
    }

    private Collation collationOrFallback(Collation c) {
        return c != null ? c : fallback;
    }

    /**
     * An aggregate grouping text fields by their collation keys ('a' and 'A' form one group, as in
     * MySQL), showing the value of each group's first row; DISTINCT aggregates of text count keys.
     */
    private RelNode aggregateOnKeys(Aggregate agg) {
        if (agg.getGroupType() != Aggregate.Group.SIMPLE) {
            return agg;
        }
        RelNode input = agg.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        RexBuilder rb = agg.getCluster().getRexBuilder();
        Widening w = new Widening(input);
        List<RexNode> projects = w.projects;
        List<String> names = w.names;
        int[] keyOf = new int[fields.size()];
        java.util.Arrays.fill(keyOf, -1);
        java.util.function.IntUnaryOperator keyField = f -> {
            if (keyOf[f] < 0) {
                Collation c = collationOrFallback(originCollation(input, f));
                // ENUM and SET values read as their members' exact text: equal values are equal strings.
                if (!isText(fields.get(f).getType()) || c == Collation.UTF8MB4_BIN || enumOrSetOrigin(input, f) != null) {
                    keyOf[f] = f;
                } else {
                    projects.add(sortKey(rb, rb.makeInputRef(input, f), c));
                    names.add("$groupkey" + projects.size());
                    keyOf[f] = projects.size() - 1;
                }
            }
            return keyOf[f];
        };
        List<Integer> groups = agg.getGroupSet().asList();
        List<Integer> newGroups = new ArrayList<>();
        boolean changed = false;
        for (int g : groups) {
            int k = keyField.applyAsInt(g);
            newGroups.add(k);
            changed |= k != g;
        }
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : agg.getAggCallList()) {
            if (call.isDistinct() && call.getArgList().size() == 1) {
                int a = call.getArgList().get(0);
                int k = keyField.applyAsInt(a);
                if (k != a) {
                    changed = true;
                    calls.add(AggregateCall.create(call.getAggregation(), true, List.of(k), call.filterArg,
                            call.getType(), call.getName()));
                    continue;
                }
            }
            calls.add(call);
        }
        if (!changed) {
            return agg;
        }
        // One MYSQL_FIRST per text group: the value the group shows (its first row's, as MySQL).
        int firstShown = calls.size();
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (newGroups.get(i) != (int) groups.get(i)) {
                shown.add(i);
                calls.add(AggregateCall.create(MySqlOperators.FIRST, false, List.of(groups.get(i)), -1,
                        fields.get(groups.get(i)).getType(), "$shown" + i));
            }
        }
        RelNode withKeys = LogicalProject.create(input, List.of(), projects, names, Set.of());
        ImmutableBitSet newSet = ImmutableBitSet.of(newGroups);
        LogicalAggregate grouped = LogicalAggregate.create(withKeys, List.of(), newSet, null, calls);
        // Back to the original output: group fields in their old order, then the old calls.
        List<Integer> sortedNew = newSet.asList();
        List<RexNode> out = new ArrayList<>();
        List<String> outNames = new ArrayList<>();
        List<RelDataTypeField> aggFields = agg.getRowType().getFieldList();
        for (int i = 0; i < groups.size(); i++) {
            int s = shown.indexOf(i);
            int pos = s >= 0 ? sortedNew.size() + firstShown + s : sortedNew.indexOf(newGroups.get(i));
            out.add(rb.makeInputRef(grouped, pos));
            outNames.add(aggFields.get(i).getName());
        }
        for (int c = 0; c < agg.getAggCallList().size(); c++) {
            out.add(rb.makeInputRef(grouped, sortedNew.size() + c));
            outNames.add(aggFields.get(groups.size() + c).getName());
        }
        return LogicalProject.create(grouped, List.of(), out, outNames, Set.of());
    }

    /**
     * GROUP_CONCAT on text compares by collation: its DISTINCT key becomes the value's collation
     * key, and its ORDER BY sorts text keys on collation keys ('a' and 'A' are duplicates and sort
     * together under the default collation, as in MySQL).
     */
    private Aggregate groupConcatOnKeys(Aggregate agg) {
        if (agg.getAggCallList().stream().noneMatch(c -> c.getAggregation() == MySqlOperators.GROUP_CONCAT)) {
            return agg;
        }
        RelNode input = agg.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        RexBuilder rb = agg.getCluster().getRexBuilder();
        Widening w = new Widening(input);
        java.util.Map<Integer, Integer> keys = new java.util.HashMap<>();
        java.util.function.IntUnaryOperator keyOf = f -> keys.computeIfAbsent(f, x -> {
            Collation c = collationOrFallback(originCollation(input, x));
            if (!isText(fields.get(x).getType()) || c == Collation.UTF8MB4_BIN) {
                return x;
            }
            w.projects.add(sortKey(rb, rb.makeInputRef(input, x), c));
            w.names.add("$gckey" + w.projects.size());
            return w.projects.size() - 1;
        });
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall call : agg.getAggCallList()) {
            if (call.getAggregation() != MySqlOperators.GROUP_CONCAT) {
                calls.add(call);
                continue;
            }
            List<Integer> args = new ArrayList<>(call.getArgList());
            int key = keyOf.applyAsInt(args.get(0));
            if (key != args.get(0)) {
                args.set(1, key);
            }
            List<RelFieldCollation> order = new ArrayList<>();
            for (RelFieldCollation fc : call.getCollation().getFieldCollations()) {
                order.add(fc.withFieldIndex(keyOf.applyAsInt(fc.getFieldIndex())));
            }
            calls.add(call.withArgList(args).withCollation(RelCollations.of(order)));
        }
        RelNode withKeys = LogicalProject.create(input, List.of(), w.projects, w.names, Set.of());
        return LogicalAggregate.create(withKeys, List.of(), agg.getGroupSet(), agg.getGroupSets(), calls);
    }

    // ---- sums ---------------------------------------------------------------------------------

    /** SUM over integers as a sum of decimals (its MySQL type), so it can neither overflow nor lose the type. */
    private static Aggregate sumsAsDecimals(Aggregate agg) {
        RelNode input = agg.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        RexBuilder rb = agg.getCluster().getRexBuilder();
        Widening w = new Widening(input);
        List<RexNode> projects = w.projects;
        List<String> names = w.names;
        List<AggregateCall> calls = new ArrayList<>();
        boolean changed = false;
        for (AggregateCall call : agg.getAggCallList()) {
            SqlKind k = call.getAggregation().getKind();
            if ((k == SqlKind.SUM || k == SqlKind.SUM0) && call.getArgList().size() == 1) {
                int a = call.getArgList().get(0);
                RelDataType t = fields.get(a).getType();
                if (t.getSqlTypeName() == SqlTypeName.BIGINT || t.getSqlTypeName() == SqlTypeName.INTEGER
                        || t.getSqlTypeName() == SqlTypeName.SMALLINT || t.getSqlTypeName() == SqlTypeName.TINYINT) {
                    RelDataType dec = rb.getTypeFactory().createTypeWithNullability(
                            rb.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 20, 0), t.isNullable());
                    projects.add(rb.makeCast(dec, rb.makeInputRef(input, a)));
                    names.add("$sumarg" + projects.size());
                    calls.add(AggregateCall.create(call.getAggregation(), call.isDistinct(), List.of(projects.size() - 1),
                            call.filterArg, call.getType(), call.getName()));
                    changed = true;
                    continue;
                }
            }
            calls.add(call);
        }
        if (!changed) {
            return agg;
        }
        RelNode withCasts = LogicalProject.create(input, List.of(), projects, names, Set.of());
        return LogicalAggregate.create(withCasts, List.of(), agg.getGroupSet(), agg.getGroupSets(), calls);
    }

    // ---- expressions --------------------------------------------------------------------------

    private static final class Rex extends RexShuttle {
        private final RelNode rel;
        private final MySqlRewriter outer;
        private final RexBuilder rb;

        Rex(RelNode rel, MySqlRewriter outer) {
            this.rel = rel;
            this.outer = outer;
            this.rb = rel.getCluster().getRexBuilder();
        }

        /** The collation of a text operand: its column's, when it reads one. */
        private Collation collationOf(RexNode n) {
            ColumnDef c = originColumn(stripTextCast(n));
            return c == null ? null : c.collation();
        }

        /** The table column {@code n} reads, when it is a field of {@code rel}'s input with one origin. */
        private ColumnDef originColumn(RexNode n) {
            if (!(n instanceof RexInputRef ref)) {
                return null;
            }
            int i = ref.getIndex();
            if (rel instanceof Join join) {
                int left = join.getLeft().getRowType().getFieldCount();
                return i < left ? MySqlRewriter.originColumn(join.getLeft(), i)
                        : MySqlRewriter.originColumn(join.getRight(), i - left);
            }
            if (rel.getInputs().size() == 1) {
                return MySqlRewriter.originColumn(rel.getInput(0), i);
            }
            return null;
        }

        /** A JSON operator's call with the mask of its operands that are JSON (all but the last, the mask). */
        private RexNode withJsonMask(RexCall c) {
            List<RexNode> ops = new ArrayList<>(c.getOperands());
            long mask = 0;
            for (int i = 0; i < ops.size() - 1 && i < 64; i++) {
                RexNode json = jsonOperand(ops.get(i));
                if (json != null) {
                    mask |= 1L << i;
                    ops.set(i, json);
                }
            }
            if (mask == 0) {
                return c;
            }
            ops.set(ops.size() - 1, rb.makeExactLiteral(BigDecimal.valueOf(mask),
                    rb.getTypeFactory().createSqlType(SqlTypeName.BIGINT)));
            return rb.makeCall(c.getType(), c.getOperator(), ops);
        }

        /**
         * {@code n} when it is a JSON value (a JSON column, or a function that returns a
         * document), looking through the casts the validator adds; else null.
         */
        private RexNode jsonOperand(RexNode n) {
            RexNode x = n;
            while (x instanceof RexCall call && call.getKind() == SqlKind.CAST) {
                x = call.getOperands().get(0);
            }
            if (x instanceof RexCall call && io.flushdb.sql.plan.functions.JsonOperators.returnsJson(call.getOperator())) {
                return x;
            }
            if (x instanceof RexInputRef ref) {
                ColumnDef col = exactOriginOf(ref);
                if (col != null && col.type() == io.flushdb.storage.dict.ColumnType.JSON) {
                    return x;
                }
            }
            return null;
        }

        /** A comparison with a JSON operand, as MySQL compares JSON: by JSON value, not by text. */
        private RexNode jsonComparison(RexCall c) {
            RexNode x = c.getOperands().get(0);
            RexNode y = c.getOperands().get(1);
            RexNode jx = jsonOperand(x);
            RexNode jy = jsonOperand(y);
            if (jx == null && jy == null) {
                return null;
            }
            RexNode a = jx != null ? jx : withoutCasts(x);
            RexNode b = jy != null ? jy : withoutCasts(y);
            long mask = (jx != null ? 1 : 0) | (jy != null ? 2 : 0);
            RelDataType bigint = rb.getTypeFactory().createTypeWithNullability(
                    rb.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true);
            RexNode cmp = rb.makeCall(bigint, io.flushdb.sql.plan.functions.JsonOperators.COMPARE,
                    List.of(a, b, rb.makeExactLiteral(BigDecimal.valueOf(mask), rb.getTypeFactory().createSqlType(SqlTypeName.BIGINT))));
            return rb.makeCall(c.getType(), c.getOperator(), List.of(cmp,
                    rb.makeExactLiteral(BigDecimal.ZERO, rb.getTypeFactory().createSqlType(SqlTypeName.BIGINT))));
        }

        private static RexNode withoutCasts(RexNode n) {
            while (n instanceof RexCall call && call.getKind() == SqlKind.CAST) {
                n = call.getOperands().get(0);
            }
            return n;
        }

        /** The table column {@code ref} reads exactly, or null. */
        private ColumnDef exactOriginOf(RexInputRef ref) {
            int i = ref.getIndex();
            if (rel instanceof Join join) {
                int left = join.getLeft().getRowType().getFieldCount();
                return i < left ? exactOrigin(join.getLeft(), i) : exactOrigin(join.getRight(), i - left);
            }
            return rel.getInputs().size() == 1 ? exactOrigin(rel.getInput(0), i) : null;
        }

        /** The ENUM or SET column {@code ref} reads exactly, or null. */
        private ColumnDef enumOrSetOf(RexInputRef ref) {
            int i = ref.getIndex();
            if (rel instanceof Join join) {
                int left = join.getLeft().getRowType().getFieldCount();
                return i < left ? enumOrSetOrigin(join.getLeft(), i) : enumOrSetOrigin(join.getRight(), i - left);
            }
            return rel.getInputs().size() == 1 ? enumOrSetOrigin(rel.getInput(0), i) : null;
        }

        private Collation collation(RexNode a, RexNode b) {
            Collation c = collationOf(a);
            if (c == null) {
                c = collationOf(b);
            }
            return outer.collationOrFallback(c);
        }

        /**
         * Drops a CAST from text to text that only changes the character set or widens (what the
         * validator adds to compare a column with a literal), so that the column is visible.
         */
        static RexNode stripTextCast(RexNode n) {
            while (n instanceof RexCall c && c.getKind() == SqlKind.CAST && isText(c) && isText(c.getOperands().get(0))) {
                RexNode in = c.getOperands().get(0);
                int outLen = c.getType().getPrecision();
                int inLen = in.getType().getPrecision();
                if (outLen >= 0 && inLen >= 0 && outLen < inLen) {
                    break;
                }
                n = in;
            }
            return n;
        }

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            RexSubQuery s = (RexSubQuery) super.visitSubQuery(subQuery);
            RelNode r = outer.apply(s.rel);
            if ((s.getKind() == SqlKind.IN || s.getKind() == SqlKind.SOME || s.getKind() == SqlKind.ALL)
                    && s.getOperands().size() == 1 && isText(s.getOperands().get(0))
                    && r.getRowType().getFieldCount() == 1 && isText(r.getRowType().getFieldList().get(0).getType())) {
                // x IN (SELECT y ...) on text: compare keys on both sides.
                Collation c = collation(s.getOperands().get(0), s.getOperands().get(0));
                if (c != Collation.UTF8MB4_BIN) {
                    RelNode keyed = LogicalProject.create(r, List.of(),
                            List.of(sortKey(rb, rb.makeInputRef(r, 0), c)), List.of("$inkey"), Set.of());
                    ImmutableList<RexNode> operand = ImmutableList.of(sortKey(rb, s.getOperands().get(0), c));
                    return s.getKind() == SqlKind.IN ? RexSubQuery.in(keyed, operand)
                            : RexSubQuery.some(keyed, operand, (SqlQuantifyOperator) s.getOperator());
                }
            }
            return r == s.rel ? s : s.clone(r);
        }

        /**
         * SUM over a window of integers is a DECIMAL, as in a GROUP BY: the integers are summed as
         * decimals (Calcite's window code cannot add a BIGINT to its DECIMAL accumulator).
         */
        @Override
        public RexNode visitOver(org.apache.calcite.rex.RexOver over) {
            org.apache.calcite.rex.RexOver o = (org.apache.calcite.rex.RexOver) super.visitOver(over);
            SqlKind k = o.getAggOperator().getKind();
            if ((k == SqlKind.SUM || k == SqlKind.SUM0) && o.getOperands().size() == 1
                    && o.getType().getSqlTypeName() == SqlTypeName.DECIMAL
                    && SqlTypeUtil.isIntType(o.getOperands().get(0).getType())) {
                RexNode arg = o.getOperands().get(0);
                RelDataType dec = rb.getTypeFactory().createTypeWithNullability(
                        rb.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, o.getType().getPrecision(), 0),
                        arg.getType().isNullable());
                org.apache.calcite.rex.RexWindow w = o.getWindow();
                return rb.makeOver(o.getType(), o.getAggOperator(), List.of(rb.makeCast(dec, arg)), w.partitionKeys,
                        w.orderKeys, w.getLowerBound(), w.getUpperBound(), w.getExclude(), w.isRows(), true, false,
                        o.isDistinct(), o.ignoreNulls());
            }
            return o;
        }

        @Override
        public RexNode visitCall(RexCall call) {
            if (call.getKind() == SqlKind.SEARCH && isText(call.getOperands().get(0))) {
                return RexUtil.expandSearch(rb, null, call).accept(this);
            }
            RexCall c = (RexCall) super.visitCall(call);
            if (c.getOperator() == MySqlOperators.LIKE) {
                // MYSQL_LIKE(s, pattern, escape, -1): the translator leaves the collation to us.
                RexNode s = stripTextCast(c.getOperands().get(0));
                RexNode p = stripTextCast(c.getOperands().get(1));
                Collation coll = collation(s, p);
                return rb.makeCall(c.getType(), MySqlOperators.LIKE, List.of(s, p, c.getOperands().get(2),
                        intLiteral(rb, coll.id())));
            }
            if (c.getOperator() == MySqlOperators.TIME_VALUE) {
                return timeValue(c);
            }
            if (c.getKind() == SqlKind.CAST && SqlTypeUtil.isNumeric(c.getType())
                    && c.getOperands().get(0) instanceof RexInputRef ref) {
                // An ENUM or SET in a numeric context is its index or bitmask.
                ColumnDef col = enumOrSetOf(ref);
                if (col != null) {
                    return rb.makeCast(c.getType(), indexOf(rb, ref, col), false, false);
                }
            }
            if (io.flushdb.sql.plan.functions.JsonOperators.takesJsonMask(c.getOperator())) {
                return withJsonMask(c);
            }
            if (c.getOperator() == MySqlOperators.FIND_IN_SET) {
                RexNode str = stripTextCast(c.getOperands().get(0));
                RexNode list = stripTextCast(c.getOperands().get(1));
                return rb.makeCall(c.getType(), MySqlOperators.FIND_IN_SET, List.of(str, list,
                        intLiteral(rb, collation(list, str).id())));
            }
            if (c.getOperator() == MySqlOperators.LOCATE) {
                // MYSQL_LOCATE(sub, s, pos, -1): characters compare under the operands' collation.
                RexNode sub = stripTextCast(c.getOperands().get(0));
                RexNode str = stripTextCast(c.getOperands().get(1));
                return rb.makeCall(c.getType(), MySqlOperators.LOCATE, List.of(sub, str, c.getOperands().get(2),
                        intLiteral(rb, collation(str, sub).id())));
            }
            int[] temporal = MySqlOperators.temporalOperands(c.getOperator());
            if (temporal != null) {
                return temporalCall(c, temporal);
            }
            switch (c.getKind()) {
                case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
                     IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> {
                    return comparison(c);
                }
                case PLUS, MINUS, TIMES -> {
                    return checkedArithmetic(c);
                }
                case CAST -> {
                    return numberText(c);
                }
                default -> {
                    return c;
                }
            }
        }

        /**
         * A DECIMAL or DOUBLE cast to text is written as MySQL writes it ({@code 0.75}, not
         * Calcite's {@code .75}; a whole DOUBLE without {@code .0}), as CONCAT and GROUP_CONCAT show.
         */
        private RexNode numberText(RexCall c) {
            RexNode in = c.getOperands().get(0);
            SqlTypeName from = in.getType().getSqlTypeName();
            if (!isText(c) || (from != SqlTypeName.DECIMAL && from != SqlTypeName.DOUBLE && from != SqlTypeName.FLOAT
                    && from != SqlTypeName.REAL)) {
                return c;
            }
            int room = from == SqlTypeName.DECIMAL ? in.getType().getPrecision() + 2 : 24;
            int len = c.getType().getPrecision();
            if (len != RelDataType.PRECISION_NOT_SPECIFIED && len >= 0 && len < room) {
                return c; // a narrowing cast keeps Calcite's own truncation
            }
            return rb.makeCall(c.getType(), MySqlOperators.NUMBER_TEXT, List.of(in));
        }

        private RexNode comparison(RexCall c) {
            RexNode json = jsonComparison(c);
            if (json != null) {
                return json;
            }
            // The validator casts a binary string compared with text to text; MySQL compares bytes.
            RexNode bx = binaryUnderTextCast(c.getOperands().get(0));
            RexNode by = binaryUnderTextCast(c.getOperands().get(1));
            if (bx != null || by != null) {
                RexNode x = bx != null ? bx : bytesOf(c.getOperands().get(0));
                RexNode y = by != null ? by : bytesOf(c.getOperands().get(1));
                if (x != null && y != null) {
                    return rb.makeCall(c.getType(), c.getOperator(), List.of(x, y));
                }
            }
            RexNode a = stripTextCast(c.getOperands().get(0));
            RexNode b = stripTextCast(c.getOperands().get(1));
            if (isText(a) && isText(b)) {
                Collation coll = collation(a, b);
                if (coll != Collation.UTF8MB4_BIN) {
                    return rb.makeCall(c.getType(), c.getOperator(), List.of(sortKey(rb, a, coll), sortKey(rb, b, coll)));
                }
                return rb.makeCall(c.getType(), c.getOperator(), List.of(a, b));
            }
            // Binary against text: MySQL compares the text's bytes.
            RexNode x = c.getOperands().get(0);
            RexNode y = c.getOperands().get(1);
            if (isBinary(x) && isTextUnderCast(y)) {
                return rb.makeCall(c.getType(), c.getOperator(), List.of(x, toBytes(y)));
            }
            if (isBinary(y) && isTextUnderCast(x)) {
                return rb.makeCall(c.getType(), c.getOperator(), List.of(toBytes(x), y));
            }
            return c;
        }

        /** {@code n}'s binary operand when {@code n} is a cast of a binary string to text, else null. */
        private static RexNode binaryUnderTextCast(RexNode n) {
            if (n instanceof RexCall call && call.getKind() == SqlKind.CAST && isText(call)
                    && isBinary(call.getOperands().get(0))) {
                return call.getOperands().get(0);
            }
            return null;
        }

        /** {@code n} as bytes: itself when binary, its UTF-8 bytes when text, else null. */
        private RexNode bytesOf(RexNode n) {
            if (binaryUnderTextCast(n) != null) {
                return binaryUnderTextCast(n);
            }
            if (isBinary(n)) {
                return n;
            }
            return isTextUnderCast(n) ? toBytes(n) : null;
        }

        private static boolean isBinary(RexNode n) {
            return n.getType().getSqlTypeName().getFamily() == SqlTypeFamily.BINARY;
        }

        private static boolean isTextUnderCast(RexNode n) {
            return isText(n) || n instanceof RexCall call && call.getKind() == SqlKind.CAST && isText(call.getOperands().get(0));
        }

        private RexNode toBytes(RexNode n) {
            RexNode text = n instanceof RexCall call && call.getKind() == SqlKind.CAST ? call.getOperands().get(0) : n;
            return rb.makeCall(MySqlOperators.TO_BYTES, text);
        }

        /**
         * A date function's temporal operands in the two forms its body reads: DATETIME
         * milliseconds (a DATE is cast, a TIME put on today's date) or text (numbers are cast to
         * text). DATE_ADD also learns its result kind from its type, and leaves a TIME as it is.
         */
        private RexNode temporalCall(RexCall c, int[] positions) {
            List<RexNode> ops = new ArrayList<>(c.getOperands());
            boolean dateAdd = c.getOperator() == MySqlOperators.DATE_ADD;
            int kind = io.flushdb.sql.plan.functions.TemporalFunctions.RESULT_TEXT;
            if (dateAdd) {
                SqlTypeName t = c.getType().getSqlTypeName();
                kind = t == SqlTypeName.DATE ? io.flushdb.sql.plan.functions.TemporalFunctions.RESULT_DATE
                        : t == SqlTypeName.TIMESTAMP ? io.flushdb.sql.plan.functions.TemporalFunctions.RESULT_DATETIME
                        : io.flushdb.sql.types.TypeMapping.isTime(c.getType())
                                ? io.flushdb.sql.plan.functions.TemporalFunctions.RESULT_TIME
                                : io.flushdb.sql.plan.functions.TemporalFunctions.RESULT_TEXT;
                ops.set(4, intLiteral(rb, kind));
            }
            for (int i : positions) {
                RexNode x = ops.get(i);
                RelDataType t = x.getType();
                RelDataType datetime = rb.getTypeFactory().createTypeWithNullability(
                        rb.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3), t.isNullable());
                if (t.getSqlTypeName() == SqlTypeName.DATE) {
                    x = rb.makeCast(datetime, x);
                } else if (io.flushdb.sql.types.TypeMapping.isTime(t)) {
                    if (!(dateAdd && kind == io.flushdb.sql.plan.functions.TemporalFunctions.RESULT_TIME)) {
                        x = rb.makeCall(datetime, MySqlOperators.TIME_ON_TODAY, List.of(x));
                    }
                } else if (SqlTypeUtil.isNumeric(t)) {
                    x = rb.makeCast(rb.getTypeFactory().createTypeWithNullability(
                            rb.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, 40), t.isNullable()), x);
                }
                ops.set(i, x);
            }
            return rb.makeCall(c.getType(), c.getOperator(), ops);
        }

        /**
         * MYSQL_TIME(x) once x's type is known: a TIME stays as it is, a DATETIME gives its time of
         * day (through Calcite's TIME), text and Calcite TIME values convert at run time.
         */
        private RexNode timeValue(RexCall c) {
            RexNode x = c.getOperands().get(0);
            if (io.flushdb.sql.types.TypeMapping.isTime(x.getType())) {
                return rb.makeCast(c.getType(), x, false, false);
            }
            if (x instanceof org.apache.calcite.rex.RexLiteral lit && isText(lit) && !lit.isNull()) {
                // A constant: fold it, so that index rules see a TIME literal ('12:00:00' → 12 hours).
                Object millis = io.flushdb.sql.plan.functions.MySqlFunctions.timeValue(lit.getValueAs(String.class));
                if (millis == null) {
                    return rb.makeNullLiteral(c.getType());
                }
                return rb.makeIntervalLiteral(BigDecimal.valueOf((Long) millis), io.flushdb.sql.types.TypeMapping.TIME_QUALIFIER);
            }
            if (x.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP || x.getType().getSqlTypeName() == SqlTypeName.DATE) {
                RexNode timeOfDay = rb.makeCast(rb.getTypeFactory().createTypeWithNullability(
                        rb.getTypeFactory().createSqlType(SqlTypeName.TIME, 3), x.getType().isNullable()), x);
                return rb.makeCall(c.getType(), MySqlOperators.TIME_VALUE, List.of(timeOfDay));
            }
            return c;
        }

        /**
         * Whether {@code n} is a BIGINT UNSIGNED value: such a column (Calcite sees DECIMAL(20,0),
         * like a DECIMAL(20,0) column, so the origin decides) or unsigned arithmetic on one.
         */
        private boolean isUnsignedBigint(RexNode n) {
            while (n instanceof RexCall call && call.getKind() == SqlKind.CAST) {
                n = call.getOperands().get(0);
            }
            if (n instanceof RexCall call && call.getOperator() == MySqlOperators.CHECKED_ARITHMETIC) {
                return call.getOperands().get(2) instanceof org.apache.calcite.rex.RexLiteral op
                        && op.getValueAs(Integer.class) >= 10;
            }
            ColumnDef c = originColumn(n);
            // BIT values are unsigned integers too (BIT + 0 is BIGINT UNSIGNED in MySQL).
            return c != null && (c.type() == io.flushdb.storage.dict.ColumnType.BIGINT && c.unsigned()
                    || c.type() == io.flushdb.storage.dict.ColumnType.BIT);
        }

        /** BIGINT +, -, * with MySQL's overflow error (and BIGINT UNSIGNED's, shown as DECIMAL(20,0)). */
        private RexNode checkedArithmetic(RexCall c) {
            RelDataType t = c.getType();
            boolean signed = t.getSqlTypeName() == SqlTypeName.BIGINT;
            boolean unsigned = c.getOperands().stream().anyMatch(this::isUnsignedBigint)
                    && c.getOperands().stream().allMatch(o -> SqlTypeUtil.isIntType(o.getType())
                    || o.getType().getSqlTypeName() == SqlTypeName.DECIMAL && o.getType().getScale() == 0);
            if (!signed && !unsigned || c.getOperands().size() != 2) {
                return c;
            }
            int op = switch (c.getKind()) {
                case PLUS -> 0;
                case MINUS -> 1;
                default -> 2;
            };
            // Unsigned arithmetic on a BIGINT operand (a BIT column): a BIGINT UNSIGNED kept in the
            // call's BIGINT type (code 20 and up), so that nodes above keep their types.
            int family = unsigned && signed ? 20 : unsigned ? 10 : 0;
            return rb.makeCall(t, MySqlOperators.CHECKED_ARITHMETIC, List.of(c.getOperands().get(0), c.getOperands().get(1),
                    intLiteral(rb, op + family)));
        }
    }
}
