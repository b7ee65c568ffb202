package io.flushdb.sql.plan;

import io.flushdb.sql.plan.functions.MySqlOperators;
import io.flushdb.sql.types.TypeMapping;
import io.flushdb.storage.dict.Collation;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Gives text comparisons MySQL's collation semantics in a logical plan. Calcite compares strings
 * by code unit; MySQL's default collation ignores case and accents. So every comparison of two
 * text values becomes a comparison of their collation keys ({@code MYSQL_SORT_KEY}), every LIKE
 * becomes {@code MYSQL_LIKE}, and every sort on a text field sorts on the field's key. The
 * collation is the one the text's Calcite type names (a column's), else the connection default.
 * Keys keep equi-joins hashable and ranges on indexed text recognisable to the index rules.
 */
final class CollationRewriter {
    private final Collation fallback;
    private boolean sortsRewritten;

    CollationRewriter(Collation fallback) {
        this.fallback = fallback;
    }

    /** The rewritten plan, and whether some sort now sorts on collation keys. */
    record Result(RelNode rel, boolean sortsRewritten) {
    }

    static Result rewrite(RelNode rel, Collation fallback) {
        CollationRewriter r = new CollationRewriter(fallback);
        RelNode out = r.apply(rel);
        return new Result(out, r.sortsRewritten);
    }

    /** Rewrites {@code rel}'s inputs, then its own expressions (and sub-queries), then its sort keys. */
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
        RelNode withRex = withInputs.accept(new Rex(withInputs.getCluster().getRexBuilder(), fallback, this));
        if (withRex instanceof Sort sort) {
            return sortOnKeys(sort);
        }
        return withRex;
    }

    /** A sort whose text fields sort by their collation keys: project keys, sort, project away. */
    private RelNode sortOnKeys(Sort sort) {
        RelCollation collation = sort.getCollation();
        RelNode input = sort.getInput();
        List<RelDataTypeField> fields = input.getRowType().getFieldList();
        RexBuilder rb = sort.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            projects.add(rb.makeInputRef(input, i));
            names.add(fields.get(i).getName());
        }
        List<RelFieldCollation> keys = new ArrayList<>();
        boolean changed = false;
        for (RelFieldCollation fc : collation.getFieldCollations()) {
            RelDataTypeField f = fields.get(fc.getFieldIndex());
            Collation c = TypeMapping.collationOf(f.getType(), fallback);
            if (f.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER && c != Collation.UTF8MB4_BIN) {
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
        RelNode withKeys = LogicalProject.create(input, List.of(), projects, names, java.util.Set.of());
        RelNode sorted = LogicalSort.create(withKeys, RelCollations.of(keys), sort.offset, sort.fetch);
        List<RexNode> back = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            back.add(rb.makeInputRef(sorted, i));
        }
        List<String> backNames = new ArrayList<>(fields.size());
        for (RelDataTypeField f : fields) {
            backNames.add(f.getName());
        }
        return LogicalProject.create(sorted, List.of(), back, backNames, java.util.Set.of());
    }

    static RexNode sortKey(RexBuilder rb, RexNode text, Collation c) {
        return rb.makeCall(MySqlOperators.SORT_KEY, text,
                rb.makeExactLiteral(java.math.BigDecimal.valueOf(c.id()), rb.getTypeFactory().createSqlType(SqlTypeName.INTEGER)));
    }

    private static final class Rex extends RexShuttle {
        private final RexBuilder rb;
        private final Collation fallback;
        private final CollationRewriter outer;

        Rex(RexBuilder rb, Collation fallback, CollationRewriter outer) {
            this.rb = rb;
            this.fallback = fallback;
            this.outer = outer;
        }

        @Override
        public RexNode visitSubQuery(RexSubQuery subQuery) {
            RexSubQuery s = (RexSubQuery) super.visitSubQuery(subQuery);
            RelNode r = outer.apply(s.rel);
            return r == s.rel ? s : s.clone(r);
        }

        /**
         * Drops a CAST from text to text that only changes the character set, collation or a
         * widening length (what the validator adds to compare a column with a literal), so the
         * column's own collation decides and index rules see the column.
         */
        private static RexNode stripTextCast(RexNode n) {
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
        public RexNode visitCall(RexCall call) {
            if (call.getKind() == SqlKind.SEARCH && isText(call.getOperands().get(0))) {
                return RexUtil.expandSearch(rb, null, call).accept(this);
            }
            RexCall c = (RexCall) super.visitCall(call);
            if (c.getOperator() == MySqlOperators.LIKE) {
                // MYSQL_LIKE(s, pattern, escape, -1): the translator leaves the collation to us.
                RexNode s = stripTextCast(c.getOperands().get(0));
                RexNode p = stripTextCast(c.getOperands().get(1));
                Collation coll = isText(s) && isText(p) ? collation(s, p) : fallback;
                return rb.makeCall(c.getType(), MySqlOperators.LIKE, List.of(s, p, c.getOperands().get(2),
                        rb.makeExactLiteral(java.math.BigDecimal.valueOf(coll.id()),
                                rb.getTypeFactory().createSqlType(SqlTypeName.INTEGER))));
            }
            switch (c.getKind()) {
                case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL,
                     IS_DISTINCT_FROM, IS_NOT_DISTINCT_FROM -> {
                    RexNode a = stripTextCast(c.getOperands().get(0));
                    RexNode b = stripTextCast(c.getOperands().get(1));
                    if (isText(a) && isText(b)) {
                        Collation coll = collation(a, b);
                        if (coll != Collation.UTF8MB4_BIN) {
                            return rb.makeCall(c.getType(), c.getOperator(), List.of(sortKey(rb, a, coll), sortKey(rb, b, coll)));
                        }
                    }
                    return c;
                }
                case LIKE -> {
                    return c;
                }
                default -> {
                    return c;
                }
            }
        }

        private static boolean isText(RexNode n) {
            return n.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER;
        }

        private Collation collation(RexNode a, RexNode b) {
            Collation ca = TypeMapping.collationOf(a.getType(), null);
            if (ca != null && a.getType().getCollation() != null
                    && a.getType().getCollation().getCoercibility() != org.apache.calcite.sql.SqlCollation.Coercibility.COERCIBLE) {
                return ca;
            }
            Collation cb = TypeMapping.collationOf(b.getType(), null);
            if (cb != null) {
                return cb;
            }
            return ca != null ? ca : fallback;
        }
    }
}
