package io.flushdb.sql.plan;

import io.flushdb.sql.plan.functions.MySqlOperators;
import io.flushdb.sql.plan.schema.TableColumns;
import io.flushdb.sql.types.ColumnTypes;
import io.flushdb.sql.types.MySqlType;
import io.flushdb.storage.dict.ColumnDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.SqlKind;

/**
 * The MySQL type of each output field of a logical plan, where MySQL's rules differ from what
 * Calcite's types say. Calcite computes every integer as BIGINT (FlushDB maps all integer columns
 * to it), so from Calcite's types alone {@code MAX(int_column)} or a UNION of INT columns would
 * report BIGINT; MySQL keeps INT. This walker follows values from the table columns through
 * projections, aggregates, joins and set operations, keeping a column's type where MySQL does:
 * <ul>
 *   <li>a column reference, MIN, MAX, and a scalar sub-query keep their operand's type;</li>
 *   <li>COALESCE, IFNULL, NULLIF, CASE and UNION branches merge types: equal types stay, integer
 *       types widen to the wider one, anything else is typed from Calcite's result;</li>
 *   <li>LAST_INSERT_ID() is BIGINT UNSIGNED, and arithmetic on BIGINT UNSIGNED stays unsigned.</li>
 * </ul>
 * Everything else takes the type Calcite derived ({@link ResultColumns#expression}).
 */
final class MySqlResultTypes {
    /** A MySQL type with its display length (characters) and scale. */
    record TypeInfo(MySqlType type, long length, int scale) {
    }

    private final List<HiddenParam> hidden;
    private final int userParams;
    private final Map<RelNode, TypeInfo[]> memo = new HashMap<>();

    MySqlResultTypes(List<HiddenParam> hidden, int userParams) {
        this.hidden = hidden;
        this.userParams = userParams;
    }

    /** The MySQL type of field {@code field} of {@code rel}. */
    TypeInfo of(RelNode rel, int field) {
        TypeInfo[] types = memo.computeIfAbsent(rel, r -> new TypeInfo[r.getRowType().getFieldCount()]);
        if (types[field] == null) {
            types[field] = derive(rel, field);
        }
        return types[field];
    }

    private TypeInfo derive(RelNode rel, int field) {
        if (rel instanceof TableScan scan) {
            TableColumns t = scan.getTable().unwrap(TableColumns.class);
            if (t != null && field < t.columns().size()) {
                return column(t.columns().get(field));
            }
            io.flushdb.sql.plan.schema.CteTable cte = scan.getTable().unwrap(io.flushdb.sql.plan.schema.CteTable.class);
            if (cte != null && field < cte.columns().size()) {
                var m = cte.columns().get(field);
                return new TypeInfo(m.type(), m.length(), m.scale());
            }
            return calcite(rel.getRowType().getFieldList().get(field).getType());
        }
        if (rel instanceof Project p) {
            return ofRex(p.getProjects().get(field), p.getInput());
        }
        if (rel instanceof Filter || rel instanceof Sort) {
            return of(rel.getInput(0), field);
        }
        if (rel instanceof Join j) {
            int left = j.getLeft().getRowType().getFieldCount();
            if (field < left) {
                return of(j.getLeft(), field);
            }
            return j.getJoinType().projectsRight() ? of(j.getRight(), field - left)
                    : calcite(rel.getRowType().getFieldList().get(field).getType());
        }
        if (rel instanceof Correlate c) {
            int left = c.getLeft().getRowType().getFieldCount();
            return field < left ? of(c.getLeft(), field) : of(c.getRight(), field - left);
        }
        if (rel instanceof Aggregate agg) {
            List<Integer> groups = agg.getGroupSet().asList();
            if (field < groups.size()) {
                return of(agg.getInput(), groups.get(field));
            }
            AggregateCall call = agg.getAggCallList().get(field - groups.size());
            RelDataType type = rel.getRowType().getFieldList().get(field).getType();
            if (io.flushdb.sql.plan.functions.JsonOperators.returnsJson(call.getAggregation())) {
                return new TypeInfo(MySqlType.JSON, 4294967295L, 0);
            }
            if (call.getAggregation() == MySqlOperators.GROUP_CONCAT) {
                // MySQL: a BLOB/TEXT when group_concat_max_len exceeds 512 characters, else a VARCHAR.
                long max = type.getPrecision();
                return new TypeInfo(max > 512 ? MySqlType.TEXT : MySqlType.VARCHAR, max, 0);
            }
            if (call.getAggregation() == MySqlOperators.FIRST && call.getArgList().size() == 1) {
                return of(agg.getInput(), call.getArgList().get(0)); // a text group's shown value
            }
            return switch (call.getAggregation().getKind()) {
                case MIN, MAX, ANY_VALUE, SINGLE_VALUE -> call.getArgList().size() == 1
                        ? of(agg.getInput(), call.getArgList().get(0)) : calcite(type);
                default -> calcite(type);
            };
        }
        if (rel instanceof SetOp set) {
            TypeInfo merged = null;
            for (RelNode in : set.getInputs()) {
                TypeInfo t = of(in, field);
                merged = merged == null ? t : merge(merged, t);
                if (merged == null) {
                    break;
                }
            }
            return merged != null ? merged : calcite(rel.getRowType().getFieldList().get(field).getType());
        }
        return calcite(rel.getRowType().getFieldList().get(field).getType());
    }

    private TypeInfo ofRex(RexNode e, RelNode input) {
        if (isTextUserVariable(e)) {
            // A user variable holding text reads as LONGTEXT (Item_func_get_user_var: MAX_BLOB_WIDTH).
            return new TypeInfo(MySqlType.LONGTEXT, 4294967295L, 0);
        }
        if (e instanceof RexInputRef ref) {
            return of(input, ref.getIndex());
        }
        if (e instanceof RexSubQuery sq && sq.getKind() == SqlKind.SCALAR_QUERY) {
            return of(sq.rel, 0);
        }
        if (e instanceof RexCall call) {
            switch (call.getKind()) {
                case CAST -> {
                    RexNode in = call.getOperands().get(0);
                    if (in instanceof RexDynamicParam p && p.getIndex() >= userParams
                            && hidden.get(p.getIndex() - userParams).kind() == HiddenParam.Kind.LAST_INSERT_ID) {
                        return new TypeInfo(MySqlType.BIGINT_UNSIGNED, 20, 0);
                    }
                    if (in instanceof RexDynamicParam p && p.getIndex() >= userParams
                            && hidden.get(p.getIndex() - userParams).kind() == HiddenParam.Kind.SYSTEM_VARIABLE
                            && io.flushdb.sql.vars.Variables.isUnsigned(hidden.get(p.getIndex() - userParams).name())) {
                        // MySQL's unsigned integer variables read as BIGINT UNSIGNED (booleans as BIGINT).
                        return new TypeInfo(MySqlType.BIGINT_UNSIGNED, 20, 0);
                    }
                    if (call.getType().getSqlTypeName() == in.getType().getSqlTypeName()
                            && call.getType().getPrecision() == in.getType().getPrecision()
                            && call.getType().getScale() == in.getType().getScale()) {
                        return ofRex(in, input); // only nullability or character set changed
                    }
                    return calcite(call.getType());
                }
                case COALESCE, CASE -> {
                    // CASE operands: when1, then1, ..., else; COALESCE: every operand is a value.
                    List<RexNode> ops = call.getOperands();
                    TypeInfo merged = null;
                    for (int i = 0; i < ops.size(); i++) {
                        boolean value = call.getKind() == SqlKind.COALESCE || i % 2 == 1 || i == ops.size() - 1;
                        if (!value || RexLiteral.isNullLiteral(ops.get(i))) {
                            continue;
                        }
                        TypeInfo t = ofRex(ops.get(i), input);
                        merged = merged == null ? t : merge(merged, t);
                        if (merged == null) {
                            return calcite(call.getType());
                        }
                    }
                    return merged != null ? merged : calcite(call.getType());
                }
                case NULLIF -> {
                    return ofRex(call.getOperands().get(0), input);
                }
                default -> {
                }
            }
            if (call instanceof org.apache.calcite.rex.RexOver over && !call.getOperands().isEmpty()) {
                switch (over.getAggOperator().getKind()) {
                    case LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE, MIN, MAX -> {
                        // A window's value function keeps its argument's type, as the aggregate does.
                        return ofRex(call.getOperands().get(0), input);
                    }
                    default -> {
                    }
                }
            }
            if (io.flushdb.sql.plan.functions.JsonOperators.returnsJson(call.getOperator())) {
                return new TypeInfo(MySqlType.JSON, 4294967295L, 0); // a JSON document, as MySQL types it
            }
            if (call.getOperator() == MySqlOperators.DATE_ADD && SqlTypeUtil.isCharacter(call.getType())) {
                // DATE_ADD on text answers a CHAR (Item_date_add_interval::resolve_type, set_data_type_char).
                return new TypeInfo(MySqlType.CHAR, call.getType().getPrecision(), 0);
            }
            if (call.getOperator() == MySqlOperators.CHECKED_ARITHMETIC
                    && call.getOperands().get(2) instanceof RexLiteral op
                    && op.getValueAs(Integer.class) >= 10) {
                return new TypeInfo(MySqlType.BIGINT_UNSIGNED, 20, 0);
            }
        }
        return calcite(e.getType());
    }

    /** A user variable read as it is (an explicit CAST of one has the CAST's type). */
    private boolean isTextUserVariable(RexNode e) {
        return e instanceof RexDynamicParam p && p.getIndex() >= userParams
                && hidden.get(p.getIndex() - userParams).kind() == HiddenParam.Kind.USER_VARIABLE
                && SqlTypeUtil.isCharacter(e.getType());
    }

    /** The type of two values in one result column, or null when Calcite's type should decide. */
    private static TypeInfo merge(TypeInfo a, TypeInfo b) {
        if (a.type() == b.type()) {
            return new TypeInfo(a.type(), Math.max(a.length(), b.length()), Math.max(a.scale(), b.scale()));
        }
        if (a.type().isInteger() && b.type().isInteger() && a.type() != MySqlType.YEAR && b.type() != MySqlType.YEAR) {
            // Same signedness: the wider. Mixed: the wider signed type that holds both, as MySQL.
            int ra = rank(a.type());
            int rb = rank(b.type());
            boolean ua = a.type().isUnsigned();
            boolean ub = b.type().isUnsigned();
            if (ua == ub) {
                return ra >= rb ? a : b;
            }
            int r = Math.max(ua ? ra + 1 : ra, ub ? rb + 1 : rb);
            if (r <= 3) {
                return signedOfRank(r);
            }
            return r == 4 ? new TypeInfo(MySqlType.BIGINT, 20, 0) : new TypeInfo(MySqlType.DECIMAL, 20, 0);
        }
        return null;
    }

    private static int rank(MySqlType t) {
        return switch (t) {
            case TINYINT, TINYINT_UNSIGNED -> 0;
            case SMALLINT, SMALLINT_UNSIGNED -> 1;
            case MEDIUMINT, MEDIUMINT_UNSIGNED -> 2;
            case INT, INT_UNSIGNED -> 3;
            default -> 4;
        };
    }

    private static TypeInfo signedOfRank(int r) {
        return switch (r) {
            case 0 -> new TypeInfo(MySqlType.TINYINT, 4, 0);
            case 1 -> new TypeInfo(MySqlType.SMALLINT, 6, 0);
            case 2 -> new TypeInfo(MySqlType.MEDIUMINT, 9, 0);
            default -> new TypeInfo(MySqlType.INT, 11, 0);
        };
    }

    static TypeInfo column(ColumnDef c) {
        int scale = c.type() == io.flushdb.storage.dict.ColumnType.DECIMAL ? c.scale() : c.fsp();
        return new TypeInfo(ColumnTypes.resultType(c), ColumnTypes.displayLength(c), scale);
    }

    static TypeInfo calcite(RelDataType t) {
        var meta = ResultColumns.expression("", t);
        return new TypeInfo(meta.type(), meta.length(), meta.scale());
    }
}
