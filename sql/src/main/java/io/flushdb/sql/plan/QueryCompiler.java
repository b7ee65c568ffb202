package io.flushdb.sql.plan;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.error.MySqlException;
import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.plan.functions.MySqlOperators;
import io.flushdb.sql.plan.rules.PlanRules;
import io.flushdb.sql.plan.schema.DatabaseSchema;
import io.flushdb.sql.session.Names;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.DatabaseDef;
import io.flushdb.storage.dict.Dictionary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Plans a query with Calcite and compiles it to Java: validate the translated {@link SqlNode}
 * against a schema of every database, convert to relational algebra, give text comparisons
 * MySQL's semantics ({@link MySqlRewriter}), optimise with Calcite's rules plus FlushDB's
 * index rules ({@link PlanRules}), and generate code for the Enumerable plan. Errors the validator
 * finds become MySQL's (1054 unknown column, 1052 ambiguous column, ...).
 *
 * <p>Costly (tens of milliseconds; the first in a JVM, seconds): callers cache the result.
 */
public final class QueryCompiler {
    private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.MYSQL), MySqlOperators.table());

    /** {@code -Dflushdb.debug.plans=true} prints each compiled plan to standard error (a development aid). */
    private static final boolean DEBUG_PLANS = Boolean.getBoolean("flushdb.debug.plans");

    private final Dictionary dictionary;
    private final MySqlTypeFactory typeFactory = new MySqlTypeFactory();

    public QueryCompiler(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * The values bound to the statement's {@code ?} markers, or null: they type the markers that
     * nothing around them types (see {@link MySqlValidator}). A plan made with them is reused only
     * for values of the same kinds ({@link #parameterSignature}).
     */
    private Object[] parameterValues;

    /** Whether a {@code ?} that is a whole select item passes its value through untyped (stored values). */
    private boolean untypedSelectItems;

    /** Whether some marker was typed by its bound value (the plan depends on the values' kinds). */
    private boolean typedByParameterValues;

    public boolean typedByParameterValues() {
        return typedByParameterValues;
    }

    public QueryCompiler withParameterValues(Object[] values, boolean storedValues) {
        this.parameterValues = values;
        this.untypedSelectItems = storedValues;
        return this;
    }

    /**
     * What about {@code values} a plan made with them depends on: per value, the type
     * {@link #parameterType} gives it (the kind, and a DECIMAL's scale).
     */
    public static String parameterSignature(Object[] values, int count) {
        StringBuilder sb = new StringBuilder("\0params");
        for (int i = 0; i < count && i < values.length; i++) {
            Object v = values[i];
            sb.append(':').append(v == null ? "null" : v.getClass().getSimpleName());
            if (v instanceof java.math.BigDecimal d) {
                sb.append(decimalScale(d));
            } else if (v instanceof Double || v instanceof Float) {
                sb.append(doubleLiteralScale(v));
            }
        }
        return sb.toString();
    }

    /** Integer digits of a DECIMAL parameter's type (a BIGINT UNSIGNED has 20). */
    private static final int PARAMETER_INTEGER_DIGITS = 20;

    /**
     * The decimals of the literal Connector/J writes for a double or float (its Java text), or -1
     * when that text is in E notation or not a number, a DOUBLE literal to MySQL.
     */
    private static int doubleLiteralScale(Object value) {
        String text = value.toString();
        int dot = text.indexOf('.');
        if (dot < 0 || text.indexOf('E') >= 0) {
            return -1;
        }
        return Math.min(MySqlTypeSystem.MAX_DECIMAL_SCALE, text.length() - dot - 1);
    }

    private static int decimalScale(java.math.BigDecimal d) {
        return Math.max(0, Math.min(MySqlTypeSystem.MAX_DECIMAL_SCALE, d.scale()));
    }

    /**
     * The type of a literal that spells {@code value}, as MySQL types the text Connector/J puts in
     * place of a marker: integers BIGINT (a boolean is sent as 1 or 0), DECIMAL, DOUBLE, text,
     * binary text, and date-times as the quoted text they are sent as. Null for null.
     */
    private RelDataType parameterType(Object value) {
        SqlTypeName name;
        if (value == null) {
            return null;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            name = SqlTypeName.BIGINT;
        } else if (value instanceof java.math.BigInteger) {
            return typeFactory.createSqlType(SqlTypeName.DECIMAL, PARAMETER_INTEGER_DIGITS, 0);
        } else if (value instanceof java.math.BigDecimal d) {
            // Twenty integer digits whatever the value: the plan is reused for any value of the
            // same scale, and sums and products of a few parameters stay below DECIMAL's 65 digits.
            int scale = decimalScale(d);
            return typeFactory.createSqlType(SqlTypeName.DECIMAL,
                    Math.min(MySqlTypeSystem.MAX_DECIMAL_PRECISION, PARAMETER_INTEGER_DIGITS + scale), scale);
        } else if (value instanceof Double || value instanceof Float) {
            // Connector/J writes a double as Java prints it: 1.5 is a DECIMAL literal to MySQL,
            // 1.0E20 a DOUBLE one.
            int scale = doubleLiteralScale(value);
            if (scale < 0) {
                name = SqlTypeName.DOUBLE;
            } else {
                return typeFactory.createSqlType(SqlTypeName.DECIMAL,
                        Math.min(MySqlTypeSystem.MAX_DECIMAL_PRECISION, PARAMETER_INTEGER_DIGITS + scale), scale);
            }
        } else if (value instanceof byte[]) {
            name = SqlTypeName.VARBINARY;
        } else {
            name = SqlTypeName.VARCHAR;
        }
        return typeFactory.createSqlType(name);
    }

    /** The recursive CTE tables compiled so far for the statement, by key. */
    private final Map<String, org.apache.calcite.schema.Table> cteTables = new HashMap<>();

    public MySqlTypeFactory typeFactory() {
        return typeFactory;
    }

    /** The result of validating and converting a query, before optimisation. */
    public record Converted(RelRoot root, List<RelDataType> paramTypes, SqlValidator validator) {
    }

    /** Validates and converts {@code query} to a logical plan with MySQL collation semantics. */
    public Converted convert(SqlNode query, String defaultDb, Collation connectionCollation, VolcanoPlanner planner) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        if (!cteTables.isEmpty()) {
            root.add(RecursiveCte.SCHEMA, new org.apache.calcite.schema.impl.AbstractSchema() {
                @Override
                protected Map<String, org.apache.calcite.schema.Table> getTableMap() {
                    return cteTables;
                }
            });
        }
        for (DatabaseDef db : dictionary.databases()) {
            root.add(db.name(), new DatabaseSchema(dictionary, db.name()));
        }
        for (io.flushdb.sql.infoschema.SystemDatabase system : io.flushdb.sql.infoschema.SystemDatabase.all()) {
            root.add(system.name(), new io.flushdb.sql.plan.schema.SystemViewSchema(system));
        }
        Properties props = new Properties();
        props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        props.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), SqlConformanceEnum.MYSQL_5.name());
        CalciteConnectionConfig config = new CalciteConnectionConfigImpl(props);
        CalciteCatalogReader catalog = new CalciteCatalogReader(root,
                defaultDb == null ? List.of() : List.of(defaultDb), typeFactory, config);
        SqlValidator validator = new MySqlValidator(OPERATORS, catalog, typeFactory, selectItemParams(query),
                untypedSelectItems, i -> {
                    if (parameterValues == null || i >= parameterValues.length) {
                        return null;
                    }
                    // Even a null value decides the plan (the marker's fallback type).
                    typedByParameterValues = true;
                    return parameterType(parameterValues[i]);
                },
                SqlValidator.Config.DEFAULT
                        .withConformance(SqlConformanceEnum.MYSQL_5)
                        .withDefaultNullCollation(NullCollation.LOW)
                        .withIdentifierExpansion(true)
                        .withTypeCoercionEnabled(true)
                        .withTypeCoercionFactory(MySqlTypeCoercion::new)
                        .withCallRewrite(true));
        SqlNode validated;
        try {
            validated = validator.validate(query);
        } catch (CalciteContextException e) {
            throw ValidationErrors.translate(e, query);
        }
        // Parameter types by parameter index: the validator's parameter row lists them in the order
        // it meets them, which need not be their index order once hidden parameters are shared.
        List<RelDataType> paramTypes = new ArrayList<>();
        for (RelDataTypeField f : validator.getParameterRowType(validated).getFieldList()) {
            paramTypes.add(f.getType());
        }
        final SqlValidator v = validator;
        validated.accept(new org.apache.calcite.sql.util.SqlShuttle() {
            @Override
            public SqlNode visit(org.apache.calcite.sql.SqlDynamicParam param) {
                int i = param.getIndex();
                if (i < paramTypes.size()) {
                    RelDataType t = v.getValidatedNodeTypeIfKnown(param);
                    if (t != null) {
                        paramTypes.set(i, t);
                    }
                }
                return param;
            }
        });
        RelOptCluster cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter((rowType, queryString, schemaPath, viewPath) -> null,
                validator, catalog, cluster, StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false)
                        // UNION of constant rows must stay a UNION: its duplicates are found by collation.
                        .withRelBuilderConfigTransform(c -> c.withSimplifyValues(false).withSimplify(false)));
        RelRoot relRoot = converter.convertQuery(validated, false, true);
        MySqlRewriter.Result rewritten = MySqlRewriter.rewrite(relRoot.rel, connectionCollation);
        RelRoot result = relRoot.withRel(rewritten.rel());
        if (rewritten.sortsRewritten()) {
            // The plan now sorts on collation keys itself; asking the planner for the root's
            // original collation would make it sort again by the raw values.
            result = result.withCollation(org.apache.calcite.rel.RelCollations.EMPTY);
        }
        return new Converted(result, paramTypes, validator);
    }

    /**
     * Calcite's validator with MySQL's untyped parameters. Calcite refuses a {@code ?} whose type
     * nothing around it implies ({@code SELECT ?}, {@code UPDATE t SET c = ?},
     * {@code CONCAT(s, ?)}); MySQL takes the value as it comes. A parameter that is a whole
     * select item of stored values ({@code INSERT ... SELECT ?}, {@code UPDATE ... SET c = ?}) is
     * typed ANY, so its value passes through unconverted, to be stored by the column's rules. Any
     * other takes the type of its bound value, as the literal Connector/J sends in its place would
     * have ({@code SELECT ? + ?}, {@code LENGTH(?)}); without a value (NULL, or no value known when
     * planning) a select item is ANY and one inside an expression is read as text.
     */
    private static final class MySqlValidator extends SqlValidatorImpl {
        private final java.util.Set<SqlNode> selectItemParams;
        private final boolean untypedSelectItems;
        private final java.util.function.IntFunction<RelDataType> boundTypes;

        MySqlValidator(SqlOperatorTable operators, CalciteCatalogReader catalog, MySqlTypeFactory types,
                       java.util.Set<SqlNode> selectItemParams, boolean untypedSelectItems,
                       java.util.function.IntFunction<RelDataType> boundTypes, SqlValidator.Config config) {
            super(operators, catalog, types, config);
            this.selectItemParams = selectItemParams;
            this.untypedSelectItems = untypedSelectItems;
            this.boundTypes = boundTypes;
        }

        /**
         * The markers typed here, with their types: the validator may infer a statement's types
         * more than once, and a second pass must not retype {@code ? + ?}'s second marker after the
         * first (Calcite's first-known-operand rule) once the sum's type was derived from both.
         */
        private final Map<SqlNode, RelDataType> typedHere = new java.util.IdentityHashMap<>();

        @Override
        protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope, SqlNode node) {
            if (node instanceof SqlDynamicParam param) {
                RelDataType earlier = typedHere.get(node);
                if (earlier != null) {
                    inferredType = earlier;
                } else if (inferredType.equals(unknownType)) {
                    boolean selectItem = selectItemParams.contains(node);
                    RelDataType bound = selectItem && untypedSelectItems ? null : boundTypes.apply(param.getIndex());
                    inferredType = bound != null ? bound
                            : typeFactory.createSqlType(selectItem ? SqlTypeName.ANY : SqlTypeName.VARCHAR);
                    inferredType = typeFactory.createTypeWithNullability(inferredType, true);
                    typedHere.put(node, inferredType);
                }
            }
            super.inferUnknownTypes(inferredType, scope, node);
        }
    }

    /** The parameters that are a whole item of some select list in {@code query} (by identity). */
    private static java.util.Set<SqlNode> selectItemParams(SqlNode query) {
        java.util.Set<SqlNode> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        query.accept(new org.apache.calcite.sql.util.SqlShuttle() {
            @Override
            public SqlNode visit(org.apache.calcite.sql.SqlCall call) {
                if (call instanceof org.apache.calcite.sql.SqlSelect s) {
                    for (SqlNode item : s.getSelectList()) {
                        SqlNode bare = item instanceof org.apache.calcite.sql.SqlCall as && as.getKind() == org.apache.calcite.sql.SqlKind.AS
                                ? as.operand(0) : item;
                        if (bare instanceof SqlDynamicParam) {
                            out.add(bare);
                        }
                    }
                }
                return super.visit(call);
            }
        });
        return out;
    }

    /**
     * Plans and compiles a query whose top-level labels are {@code labels}, after the recursive
     * CTEs it reads (in definition order: each CTE's columns are typed by its non-recursive part,
     * which later parts read).
     */
    public CompiledQuery compile(SqlNode query, List<String> labels, int userParams, List<HiddenParam> hidden,
                                 Set<Names.TableName> tables, String defaultDb, Collation connectionCollation,
                                 List<RecursiveCte> recursive) {
        List<RecursiveCte.Compiled> steps = new ArrayList<>();
        for (RecursiveCte r : recursive) {
            CompiledQuery anchor = compile(r.anchor(), r.columns(), userParams, hidden, tables, defaultDb,
                    connectionCollation);
            List<RelDataTypeField> anchorFields = anchor.rowType().getFieldList();
            RelDataTypeFactory.Builder b = typeFactory.builder();
            long[] limits = new long[anchorFields.size()];
            for (int i = 0; i < anchorFields.size(); i++) {
                RelDataType t = typeFactory.createTypeWithNullability(anchorFields.get(i).getType(), true);
                b.add(r.columns().get(i), t);
                boolean text = t.getSqlTypeName() == SqlTypeName.VARCHAR || t.getSqlTypeName() == SqlTypeName.CHAR;
                limits[i] = text && t.getPrecision() >= 0 ? t.getPrecision() : -1;
            }
            RelDataType rowType = b.build();
            List<ColumnMeta> metas = new ArrayList<>();
            for (int i = 0; i < anchor.columns().size(); i++) {
                ColumnMeta m = anchor.columns().get(i);
                metas.add(ColumnMeta.expression(r.columns().get(i), m.type(), m.length(), m.scale(), true));
            }
            cteTables.put(RecursiveCte.workKey(r.key()), new io.flushdb.sql.plan.schema.CteTable(
                    RecursiveCte.workKey(r.key()), rowType, metas));
            cteTables.put(r.key(), new io.flushdb.sql.plan.schema.CteTable(r.key(), rowType, metas));
            List<CompiledQuery> parts = new ArrayList<>();
            for (SqlNode branch : r.recursive()) {
                parts.add(compile(castToRow(branch, rowType, r.columns()), r.columns(), userParams, hidden, tables,
                        defaultDb, connectionCollation));
            }
            steps.add(new RecursiveCte.Compiled(r.key(), r.name(), r.columns(), anchor, parts, r.distinct(), limits));
        }
        CompiledQuery main = compile(query, labels, userParams, hidden, tables, defaultDb, connectionCollation);
        return new CompiledQuery(main.bindable(), main.stash(), main.rowType(), main.columns(), main.paramTypes(),
                main.userParams(), main.hidden(), main.tables(), main.physicalPlan(), List.copyOf(steps));
    }

    /**
     * {@code SELECT CAST(c1 AS t1), ... FROM (branch) AS $rec (c1, ...)}: a recursive branch's
     * rows in the CTE's column types, which its non-recursive part set. Text is cast without a
     * length: the executor checks the length itself (error 1406 in strict mode, as MySQL).
     */
    private SqlNode castToRow(SqlNode branch, RelDataType rowType, List<String> names) {
        org.apache.calcite.sql.parser.SqlParserPos pos = org.apache.calcite.sql.parser.SqlParserPos.ZERO;
        List<SqlNode> asOperands = new ArrayList<>(List.of(branch, new org.apache.calcite.sql.SqlIdentifier("$rec", pos)));
        org.apache.calcite.sql.SqlNodeList select = new org.apache.calcite.sql.SqlNodeList(pos);
        List<RelDataTypeField> fields = rowType.getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            String c = "$c" + i;
            asOperands.add(new org.apache.calcite.sql.SqlIdentifier(c, pos));
            RelDataType t = fields.get(i).getType();
            if (t.getSqlTypeName() == SqlTypeName.VARCHAR || t.getSqlTypeName() == SqlTypeName.CHAR) {
                t = typeFactory.createSqlType(SqlTypeName.VARCHAR);
            }
            SqlNode cast = org.apache.calcite.sql.fun.SqlStdOperatorTable.CAST.createCall(pos,
                    new org.apache.calcite.sql.SqlIdentifier(List.of("$rec", c), pos),
                    org.apache.calcite.sql.type.SqlTypeUtil.convertTypeToSpec(t));
            select.add(org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(pos, cast,
                    new org.apache.calcite.sql.SqlIdentifier(names.get(i), pos)));
        }
        SqlNode from = org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(pos, asOperands);
        return new org.apache.calcite.sql.SqlSelect(pos, null, select, from, null, null, null, null, null, null, null,
                null, null);
    }

    /** Plans and compiles a query whose top-level labels are {@code labels}. */
    public CompiledQuery compile(SqlNode query, List<String> labels, int userParams, List<HiddenParam> hidden,
                                 Set<Names.TableName> tables, String defaultDb, Collation connectionCollation) {
        VolcanoPlanner planner = newPlanner();
        Converted c = convert(query, defaultDb, connectionCollation, planner);
        RelRoot root = c.root();
        List<Integer> fields = new ArrayList<>();
        for (var f : root.fields) {
            fields.add(f.getKey());
        }
        List<ColumnMeta> columns = ResultColumns.of(root.rel, fields, labels, new MySqlResultTypes(hidden, userParams));
        EnumerableRel physical = optimize(planner, root);
        if (DEBUG_PLANS) {
            System.err.println("-- logical\n" + RelOptUtil.toString(root.rel) + "-- physical\n" + RelOptUtil.toString(physical));
        }
        Map<String, Object> stash = new HashMap<>();
        Bindable<?> bindable = EnumerableInterpretable.toBindable(stash, CalcitePrepare.Dummy.getSparkHandler(false),
                physical, EnumerableRel.Prefer.ARRAY);
        return new CompiledQuery(bindable, stash, root.validatedRowType, columns, c.paramTypes(), userParams,
                List.copyOf(hidden), Set.copyOf(tables), physical, List.of());
    }

    /** A Volcano planner with Calcite's default rules, the Enumerable rules and FlushDB's. */
    public static VolcanoPlanner newPlanner() {
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        RelOptUtil.registerDefaultRules(planner, false, false);
        // Its rewrite of EXTRACT(unit FROM col) = n into a range fails on FlushDB's DATE and
        // DATETIME columns ("Error while applying rule FilterDateRangeRule").
        planner.removeRule(org.apache.calcite.rel.rules.DateRangeRules.FILTER_INSTANCE);
        planner.addRule(CoreRules.JOIN_PUSH_EXPRESSIONS);
        for (var rule : PlanRules.ALL) {
            planner.addRule(rule);
        }
        return planner;
    }

    /** Optimises a converted plan to an Enumerable one producing exactly the root's fields. */
    public static EnumerableRel optimize(VolcanoPlanner planner, RelRoot root) {
        Program program = Programs.standard();
        RelTraitSet desired = root.rel.getTraitSet().replace(EnumerableConvention.INSTANCE).replace(root.collation)
                .simplify();
        RelNode best;
        try {
            best = program.run(planner, root.rel, desired, List.of(), List.of());
        } catch (RuntimeException e) {
            throw new MySqlException(MySqlError.ER_NOT_SUPPORTED_YET,
                    String.format(MySqlError.ER_NOT_SUPPORTED_YET.template, "this query shape (" + e.getMessage() + ")"), e);
        }
        EnumerableRel enumerable = (EnumerableRel) best;
        if (!root.isRefTrivial()) {
            RexBuilder rb = enumerable.getCluster().getRexBuilder();
            List<RexNode> projects = new ArrayList<>();
            for (var f : root.fields) {
                projects.add(rb.makeInputRef(enumerable, f.getKey()));
            }
            RexProgram p = RexProgram.create(enumerable.getRowType(), projects, null, root.validatedRowType, rb);
            enumerable = EnumerableCalc.create(enumerable, p);
        }
        return enumerable;
    }
}
