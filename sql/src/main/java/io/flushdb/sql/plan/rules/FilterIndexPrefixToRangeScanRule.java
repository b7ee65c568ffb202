package io.flushdb.sql.plan.rules;

import io.flushdb.sql.plan.functions.MySqlOperators;
import io.flushdb.sql.plan.rel.BTreeIndexScan;
import io.flushdb.sql.plan.rel.BTreeTableScan;
import io.flushdb.sql.plan.rel.KeyBound;
import io.flushdb.sql.plan.schema.EngineTable;
import io.flushdb.sql.types.CalciteValues;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import com.google.common.collect.Range;
import com.google.common.collect.BoundType;

/**
 * Planner rule that matches a filter on a {@link BTreeTableScan} and produces the same filter on a
 * {@link BTreeIndexScan}: equality on the longest prefix of some index's key (several values, for
 * an IN list on the first key column) and a range on the next key column. The primary key wins a
 * tie. The filter stays above the scan, so the scan only narrows what is read.
 *
 * <p>Comparisons of text columns arrive as comparisons of collation keys
 * ({@code MYSQL_SORT_KEY(col, c) = MYSQL_SORT_KEY(value, c)}); they serve the index when {@code c}
 * is the column's own collation, which is the order the index keeps.
 */
public final class FilterIndexPrefixToRangeScanRule extends RelOptRule {
    public static final FilterIndexPrefixToRangeScanRule INSTANCE = new FilterIndexPrefixToRangeScanRule();

    private FilterIndexPrefixToRangeScanRule() {
        super(operand(LogicalFilter.class, operand(BTreeTableScan.class, none())), "FilterIndexPrefixToRangeScanRule");
    }

    /** A column compared with a value: op is one of =, <, <=, >, >= as seen from the column. */
    private record Comparison(int field, SqlKind op, KeyBound value) {
    }

    /** A column with an IN list of values. */
    private record InList(int field, List<KeyBound> values) {
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        BTreeTableScan scan = call.rel(1);
        EngineTable table = scan.engineTable();
        TableDef def = table.def();
        List<Comparison> comparisons = new ArrayList<>();
        List<InList> inLists = new ArrayList<>();
        for (RexNode c : RelOptUtil.conjunctions(filter.getCondition())) {
            analyze(c, def, comparisons, inLists);
        }
        if (comparisons.isEmpty() && inLists.isEmpty()) {
            return;
        }
        BTreeIndexScan best = null;
        int bestScore = 0;
        for (int ix = 0; ix < def.indexes().size(); ix++) {
            IndexDef index = def.indexes().get(ix);
            int[] keyColumns = index.kind() == IndexDef.Kind.GENERATED_CLUSTERED
                    ? new int[] {table.columnCount()} : index.columns();
            List<List<KeyBound>> points = new ArrayList<>();
            points.add(new ArrayList<>());
            int k = 0;
            for (; k < keyColumns.length; k++) {
                KeyBound eq = find(comparisons, keyColumns[k], SqlKind.EQUALS);
                if (eq != null) {
                    for (List<KeyBound> p : points) {
                        p.add(eq);
                    }
                    continue;
                }
                InList in = k == 0 ? findIn(inLists, keyColumns[k]) : null;
                if (in != null && points.size() == 1 && points.get(0).isEmpty()) {
                    points.clear();
                    for (KeyBound v : in.values()) {
                        points.add(new ArrayList<>(List.of(v)));
                    }
                    continue;
                }
                break;
            }
            KeyBound lower = null;
            KeyBound upper = null;
            boolean lowerInc = false;
            boolean upperInc = false;
            if (k < keyColumns.length && points.size() == 1) {
                for (Comparison c : comparisons) {
                    if (c.field() != keyColumns[k]) {
                        continue;
                    }
                    switch (c.op()) {
                        case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                            if (lower == null) {
                                lower = c.value();
                                lowerInc = c.op() == SqlKind.GREATER_THAN_OR_EQUAL;
                            }
                        }
                        case LESS_THAN, LESS_THAN_OR_EQUAL -> {
                            if (upper == null) {
                                upper = c.value();
                                upperInc = c.op() == SqlKind.LESS_THAN_OR_EQUAL;
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
            int eqCount = points.get(0).size();
            if (eqCount == 0 && lower == null && upper == null) {
                continue;
            }
            // Score: equality columns first, then a range, then the clustered index, then unique.
            int score = eqCount * 100 + (lower != null || upper != null ? 10 : 0) + (ix == 0 ? 5 : 0)
                    + (index.isUnique() && eqCount == keyColumns.length ? 50 : 0) - (points.size() > 1 ? 1 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = new BTreeIndexScan(scan.getCluster(), scan.getTable(), table, ix, points, lower, lowerInc, upper,
                        upperInc);
            }
        }
        if (best != null) {
            call.transformTo(filter.copy(filter.getTraitSet(), best, filter.getCondition()));
        }
    }

    private static KeyBound find(List<Comparison> comparisons, int field, SqlKind op) {
        for (Comparison c : comparisons) {
            if (c.field() == field && c.op() == op) {
                return c.value();
            }
        }
        return null;
    }

    private static InList findIn(List<InList> lists, int field) {
        for (InList l : lists) {
            if (l.field() == field) {
                return l;
            }
        }
        return null;
    }

    private static void analyze(RexNode c, TableDef def, List<Comparison> comparisons, List<InList> inLists) {
        if (!(c instanceof RexCall call)) {
            return;
        }
        SqlKind kind = call.getKind();
        if (kind == SqlKind.SEARCH) {
            search(call, def, comparisons, inLists);
            return;
        }
        if (kind == SqlKind.OR) {
            orOfEqualities(call, def, inLists);
            return;
        }
        if (!(kind == SqlKind.EQUALS || kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL
                || kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL)) {
            return;
        }
        RexNode a = call.getOperands().get(0);
        RexNode b = call.getOperands().get(1);
        Integer field = columnOf(a, def);
        KeyBound value = valueOf(b);
        if (field == null || value == null) {
            field = columnOf(b, def);
            value = valueOf(a);
            kind = kind.reverse();
        }
        if (field != null && value != null && (kind == SqlKind.EQUALS || !orderedByCode(def, field))) {
            comparisons.add(new Comparison(field, kind, value));
        }
    }

    /**
     * Whether an index on the column is ordered by a code rather than by the value a comparison
     * sees: an ENUM's index and a SET's bitmask sort unlike their text, so only equality may use it.
     */
    private static boolean orderedByCode(TableDef def, int field) {
        io.flushdb.storage.dict.ColumnType t = def.columns().get(field).type();
        return t == io.flushdb.storage.dict.ColumnType.ENUM || t == io.flushdb.storage.dict.ColumnType.SET;
    }

    /** The table field a key expression reads: {@code $i}, or its collation key in its own collation. */
    private static Integer columnOf(RexNode n, TableDef def) {
        if (n instanceof RexInputRef ref) {
            return ref.getIndex();
        }
        if (n instanceof RexCall call && call.getOperator() == MySqlOperators.SORT_KEY
                && call.getOperands().get(0) instanceof RexInputRef ref && ref.getIndex() < def.columns().size()) {
            ColumnDef col = def.columns().get(ref.getIndex());
            RexNode coll = call.getOperands().get(1);
            if (col.collation() != null && coll instanceof RexLiteral lit
                    && lit.getValueAs(Integer.class) == col.collation().id()) {
                return ref.getIndex();
            }
        }
        return null;
    }

    /** The search value of an expression: a literal, a parameter, or either under CAST / a collation key. */
    private static KeyBound valueOf(RexNode n) {
        if (n instanceof RexLiteral lit) {
            Object v = literalValue(lit);
            return v == NOT_A_VALUE ? null : KeyBound.constant(v);
        }
        if (n instanceof RexDynamicParam p) {
            return KeyBound.param(p.getIndex(), p.getType());
        }
        if (n instanceof RexCall call && (call.getKind() == SqlKind.CAST || call.getOperator() == MySqlOperators.SORT_KEY)) {
            RexNode inner = call.getOperands().get(0);
            if (inner instanceof RexDynamicParam p) {
                return KeyBound.param(p.getIndex(), p.getType());
            }
            if (inner instanceof RexLiteral lit) {
                Object v = literalValue(lit);
                return v == NOT_A_VALUE ? null : KeyBound.constant(v);
            }
        }
        return null;
    }

    private static final Object NOT_A_VALUE = new Object();

    /** A literal's value in canonical form. */
    private static Object literalValue(RexLiteral lit) {
        if (lit.isNull()) {
            return null;
        }
        Object v = lit.getValue();
        if (v instanceof NlsString s) {
            return s.getValue();
        }
        try {
            return switch (lit.getType().getSqlTypeName()) {
                case DATE -> CalciteValues.toCanonical(lit.getType(), lit.getValueAs(Integer.class));
                case TIMESTAMP -> CalciteValues.toCanonical(lit.getType(), lit.getValueAs(Long.class));
                case TIME -> CalciteValues.toCanonical(lit.getType(), lit.getValueAs(Integer.class));
                case INTERVAL_DAY_SECOND -> CalciteValues.toCanonical(lit.getType(), lit.getValueAs(Long.class));
                case BINARY, VARBINARY -> lit.getValueAs(org.apache.calcite.avatica.util.ByteString.class).getBytes();
                case DOUBLE, FLOAT, REAL -> lit.getValueAs(Double.class);
                case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> lit.getValueAs(java.math.BigDecimal.class);
                case CHAR, VARCHAR -> lit.getValueAs(String.class);
                default -> NOT_A_VALUE;
            };
        } catch (RuntimeException e) {
            return NOT_A_VALUE;
        }
    }

    /** SEARCH(x, Sarg): a set of points becomes an IN list; a single range becomes bounds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void search(RexCall call, TableDef def, List<Comparison> comparisons, List<InList> inLists) {
        Integer field = columnOf(call.getOperands().get(0), def);
        if (field == null || !(call.getOperands().get(1) instanceof RexLiteral lit)) {
            return;
        }
        Sarg sarg = lit.getValueAs(Sarg.class);
        if (sarg == null || sarg.nullAs == org.apache.calcite.rex.RexUnknownAs.TRUE) {
            return;
        }
        if (sarg.isPoints()) {
            List<KeyBound> values = new ArrayList<>();
            for (Object r : sarg.rangeSet.asRanges()) {
                Object point = ((Range) r).lowerEndpoint();
                values.add(KeyBound.constant(sargValue(point, lit.getType())));
            }
            if (values.size() == 1) {
                comparisons.add(new Comparison(field, SqlKind.EQUALS, values.get(0)));
            } else {
                inLists.add(new InList(field, values));
            }
            return;
        }
        if (sarg.rangeSet.asRanges().size() == 1 && !orderedByCode(def, field)) {
            Range r = (Range) sarg.rangeSet.asRanges().iterator().next();
            if (r.hasLowerBound()) {
                comparisons.add(new Comparison(field, r.lowerBoundType() == BoundType.CLOSED
                        ? SqlKind.GREATER_THAN_OR_EQUAL : SqlKind.GREATER_THAN, KeyBound.constant(sargValue(r.lowerEndpoint(), lit.getType()))));
            }
            if (r.hasUpperBound()) {
                comparisons.add(new Comparison(field, r.upperBoundType() == BoundType.CLOSED
                        ? SqlKind.LESS_THAN_OR_EQUAL : SqlKind.LESS_THAN, KeyBound.constant(sargValue(r.upperEndpoint(), lit.getType()))));
            }
        }
    }

    private static Object sargValue(Object v, org.apache.calcite.rel.type.RelDataType type) {
        if (io.flushdb.sql.types.TypeMapping.isTime(type) && v instanceof java.math.BigDecimal millis) {
            return java.time.Duration.ofMillis(millis.longValueExact());
        }
        if (v instanceof NlsString s) {
            return s.getValue();
        }
        if (v instanceof org.apache.calcite.util.DateString d) {
            return java.time.LocalDate.ofEpochDay(d.getDaysSinceEpoch());
        }
        if (v instanceof org.apache.calcite.util.TimestampString t) {
            return CalciteValues.toCanonical(new io.flushdb.sql.plan.MySqlTypeFactory().createSqlType(
                    org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP), t.getMillisSinceEpoch());
        }
        if (v instanceof org.apache.calcite.avatica.util.ByteString b) {
            return b.getBytes();
        }
        return v;
    }

    /** {@code col = a OR col = b OR ...} (as the collation rewrite expands IN lists on text). */
    private static void orOfEqualities(RexCall call, TableDef def, List<InList> inLists) {
        Integer field = null;
        List<KeyBound> values = new ArrayList<>();
        for (RexNode d : RelOptUtil.disjunctions(call)) {
            if (!(d instanceof RexCall eq) || eq.getKind() != SqlKind.EQUALS) {
                return;
            }
            Integer f = columnOf(eq.getOperands().get(0), def);
            KeyBound v = valueOf(eq.getOperands().get(1));
            if (f == null || v == null) {
                f = columnOf(eq.getOperands().get(1), def);
                v = valueOf(eq.getOperands().get(0));
            }
            if (f == null || v == null || (field != null && !field.equals(f))) {
                return;
            }
            field = f;
            values.add(v);
        }
        if (field != null && values.size() > 1) {
            inLists.add(new InList(field, values));
        }
    }
}
