package io.flushdb.sql.plan;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.plan.functions.JsonOperators;
import io.flushdb.sql.plan.functions.MySqlOperators;
import io.flushdb.sql.session.Names;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.TableEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.*;
import net.sf.jsqlparser.expression.operators.arithmetic.*;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.*;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.*;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Translates JSqlParser's tree of a MySQL query into Calcite's {@link SqlNode}s, giving MySQL's
 * meaning to what Calcite would read otherwise: integer literals are BIGINT, {@code /} is MySQL
 * division, {@code ||} is OR, TRUE is 1, any expression used as a condition means "is not zero",
 * double-quoted text is a string, {@code <=>} is null-safe equality, and session values
 * (LAST_INSERT_ID(), NOW(), DATABASE()) become hidden parameters so a compiled plan can be
 * shared. Table references are resolved against the dictionary here (error 1146 as MySQL raises
 * it), and {@code *} is expanded here, so every output column has MySQL's label.
 *
 * <p>One instance translates one statement.
 */
public final class SqlNodeTranslator {
    private static final SqlParserPos POS = SqlParserPos.ZERO;

    private final Session session;
    private final String sql;
    private final int userParams;
    private int nextParam;
    private final List<HiddenParam> hidden = new ArrayList<>();
    private final Set<Names.TableName> tables = new LinkedHashSet<>();
    private List<String> labels;
    /** Whether division by zero is an error (INSERT/UPDATE values under strict mode). */
    private boolean strictDivision;
    /** Set when the top-level select list holds INSERT/UPDATE values. */
    private boolean strictTopSelectList;
    /** FROM scopes of the SELECTs being translated, innermost last. */
    private final java.util.ArrayDeque<FromScope> scopes = new java.util.ArrayDeque<>();

    /** A FROM item as the star expansion sees it: its name for qualifying, and its columns. */
    private record FromItemInfo(String alias, List<String> columns) {
    }

    /** The FROM items of one SELECT, and the columns a USING/NATURAL join made common. */
    private static final class FromScope {
        final List<FromItemInfo> items = new ArrayList<>();
        final List<String> coalesced = new ArrayList<>();
        /** For each coalesced (USING/NATURAL) column, the FROM item whose value it takes. */
        final java.util.Map<String, String> coalescedFrom = new java.util.HashMap<>();
    }

    public SqlNodeTranslator(Session session, String sql, int userParams) {
        this.session = session;
        this.sql = sql;
        this.userParams = userParams;
    }

    /** Makes the top-level select list's division by zero an error (INSERT and UPDATE values). */
    public SqlNodeTranslator strictValues() {
        this.strictTopSelectList = true;
        return this;
    }

    /** Tables the statement reads, for locking. */
    public Set<Names.TableName> tables() {
        return tables;
    }

    /** Session values the plan reads as parameters after the user's. */
    public List<HiddenParam> hiddenParams() {
        return hidden;
    }

    /** MySQL's labels of the top-level output columns. */
    public List<String> labels() {
        return labels;
    }

    // ---- queries ------------------------------------------------------------------------------

    /** The top-level query; its labels become available through {@link #labels()}. */
    public SqlNode query(Select select) {
        List<String> out = new ArrayList<>();
        SqlNode node = select(select, out, true);
        this.labels = out;
        return node;
    }

    private SqlNode select(Select select, List<String> labelsOut, boolean top) {
        List<WithItem<?>> with = select.getWithItemsList();
        if (with == null || with.isEmpty()) {
            return selectWithoutWith(select, labelsOut, top);
        }
        int mark = ctes.size();
        boolean recursiveClause = with.stream().anyMatch(WithItem::isRecursive);
        for (WithItem<?> w : with) {
            if (recursiveClause) {
                recursiveClauses.add(w);
            }
            if (w.getSelect() == null || SqlText.countParameters(w.toString()) > 0) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise(w.getSelect() == null ? "WITH ... (a statement other than SELECT)"
                        : "parameters inside WITH");
            }
            ctes.add(w);
        }
        try {
            return selectWithoutWith(select, labelsOut, top);
        } finally {
            ctes.subList(mark, ctes.size()).clear();
        }
    }

    /**
     * The common table expressions visible where the translator is, in the order they are
     * defined; a reference finds the last one of its name. While one is being expanded, it and
     * the ones after it are hidden (a non-recursive CTE sees only the CTEs before it).
     */
    private final List<WithItem<?>> ctes = new ArrayList<>();

    /** The position in {@link #ctes} of the CTE a FROM table names, or -1. */
    private int cteNamed(Table t) {
        if (t.getSchemaName() != null) {
            return -1;
        }
        String name = SqlText.unquote(t.getName());
        for (int i = ctes.size() - 1; i >= 0; i--) {
            if (ctes.get(i).getUnquotedAliasName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A FROM reference to CTE number {@code k}: its query, translated here as a derived table
     * (each reference gets its own copy), with the CTE's column list if it has one.
     */
    private SqlNode cteReference(Table t, int k, FromScope scope) {
        WithItem<?> w = ctes.get(k);
        String alias = t.getAlias() != null ? SqlText.unquote(t.getAlias().getName()) : w.getUnquotedAliasName();
        if (recursiveClauses.contains(w) && readsItself(w)) {
            return recursiveReference(w, k, alias, scope);
        }
        List<WithItem<?>> hidden = new ArrayList<>(ctes.subList(k, ctes.size()));
        ctes.subList(k, ctes.size()).clear();
        List<String> inner = new ArrayList<>();
        SqlNode q;
        try {
            ParenthesedSelect body = w.getSelect();
            q = select(body.getSelect(), inner, false);
            q = withOrderAndLimit(q, body.getOrderByElements(), body.getLimit(), body.getOffset(), null);
        } finally {
            ctes.addAll(hidden);
        }
        List<SqlNode> operands = new ArrayList<>(List.of(q, new SqlIdentifier(alias, POS)));
        List<String> columns = inner;
        if (w.getWithItemList() != null && !w.getWithItemList().isEmpty()) {
            if (w.getWithItemList().size() != inner.size()) {
                throw MySqlError.ER_VIEW_WRONG_LIST.raise();
            }
            columns = new ArrayList<>();
            for (SelectItem<?> c : w.getWithItemList()) {
                String name = SqlText.unquote(c.getExpression().toString());
                columns.add(name);
                operands.add(new SqlIdentifier(name, POS));
            }
        }
        scope.items.add(new FromItemInfo(alias, columns));
        return SqlStdOperatorTable.AS.createCall(POS, operands);
    }

    // ---- WITH RECURSIVE -----------------------------------------------------------------------

    /** The CTEs defined by a WITH RECURSIVE clause (by identity): only they may read themselves. */
    private final Set<WithItem<?>> recursiveClauses = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** The recursive CTEs translated so far, by their WITH item, in definition order. */
    private final java.util.Map<WithItem<?>, RecursiveCte> recursive = new java.util.LinkedHashMap<>();
    /** The recursive CTE whose recursive branches are being translated (they read its working rows). */
    private final java.util.ArrayDeque<WithItem<?>> inRecursivePart = new java.util.ArrayDeque<>();

    /** The recursive CTEs the statement reads, in the order they must be materialised. */
    public List<RecursiveCte> recursiveCtes() {
        return List.copyOf(recursive.values());
    }

    /** Whether a CTE of a WITH RECURSIVE clause names itself in a FROM clause of its body. */
    private static boolean readsItself(WithItem<?> w) {
        return reads(w.getSelect().getSelect(), w.getUnquotedAliasName());
    }

    private static boolean reads(Select s, String name) {
        try {
            for (String t : new net.sf.jsqlparser.util.TablesNamesFinder<>().getTables((net.sf.jsqlparser.statement.Statement) s)) {
                if (SqlText.unquote(t).equals(name)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return s.toString().contains(name);
        }
    }

    /**
     * A reference to a CTE that reads itself: its working rows inside its own recursive branches,
     * its result anywhere else. The CTE is translated on its first reference: the leading UNION
     * branches that do not read it are the non-recursive part (at least one, all before the
     * recursive ones: else error 3574; no UNION at all is 3573), the rest the recursive branches,
     * which may not aggregate (3575).
     */
    private SqlNode recursiveReference(WithItem<?> w, int k, String alias, FromScope scope) {
        String name = w.getUnquotedAliasName();
        RecursiveCte def = recursive.get(w);
        boolean working = inRecursivePart.contains(w);
        if (def == null && !working) {
            def = translateRecursive(w, k, name);
        }
        List<String> columns;
        String key;
        if (def != null) {
            columns = def.columns();
            key = working ? RecursiveCte.workKey(def.key()) : def.key();
        } else {
            // Inside its own recursive part, before the definition is complete.
            columns = pendingColumns.get(w);
            key = RecursiveCte.workKey(pendingKeys.get(w));
        }
        scope.items.add(new FromItemInfo(alias, columns));
        SqlNode id = new SqlIdentifier(List.of(RecursiveCte.SCHEMA, key), POS);
        return SqlStdOperatorTable.AS.createCall(POS, id, new SqlIdentifier(alias, POS));
    }

    private final java.util.Map<WithItem<?>, List<String>> pendingColumns = new java.util.IdentityHashMap<>();
    private final java.util.Map<WithItem<?>, String> pendingKeys = new java.util.IdentityHashMap<>();

    private RecursiveCte translateRecursive(WithItem<?> w, int k, String name) {
        ParenthesedSelect body = w.getSelect();
        if (!(body.getSelect() instanceof SetOperationList so)) {
            throw MySqlError.ER_CTE_RECURSIVE_REQUIRES_UNION.raise(name);
        }
        List<Select> branches = so.getSelects();
        int anchors = 0;
        while (anchors < branches.size() && !reads(branches.get(anchors), name)) {
            anchors++;
        }
        if (anchors == 0) {
            throw MySqlError.ER_CTE_RECURSIVE_REQUIRES_NONRECURSIVE_FIRST.raise(name);
        }
        for (int i = anchors; i < branches.size(); i++) {
            if (!reads(branches.get(i), name)) {
                throw MySqlError.ER_CTE_RECURSIVE_REQUIRES_NONRECURSIVE_FIRST.raise(name);
            }
            if (branches.get(i) instanceof PlainSelect ps && (ps.getGroupBy() != null || ps.getDistinct() != null
                    || ps.getOrderByElements() != null)) {
                throw MySqlError.ER_CTE_RECURSIVE_FORBIDS_AGGREGATION.raise(name);
            }
        }
        boolean distinct = false;
        for (SetOperation op : so.getOperations()) {
            if (!(op instanceof UnionOp u)) {
                throw MySqlError.ER_CTE_RECURSIVE_REQUIRES_UNION.raise(name);
            }
            distinct |= !u.isAll();
        }
        // The body sees the CTEs before it and itself.
        List<WithItem<?>> after = new ArrayList<>(ctes.subList(k + 1, ctes.size()));
        ctes.subList(k + 1, ctes.size()).clear();
        try {
            List<String> labels = new ArrayList<>();
            SqlNode anchor = select(branches.get(0), labels, false);
            for (int i = 1; i < anchors; i++) {
                UnionOp u = (UnionOp) so.getOperations().get(i - 1);
                SqlNode right = select(branches.get(i), new ArrayList<>(), false);
                anchor = (u.isAll() ? SqlStdOperatorTable.UNION_ALL : SqlStdOperatorTable.UNION).createCall(POS, anchor, right);
            }
            List<String> columns = labels;
            if (w.getWithItemList() != null && !w.getWithItemList().isEmpty()) {
                if (w.getWithItemList().size() != labels.size()) {
                    throw MySqlError.ER_VIEW_WRONG_LIST.raise();
                }
                columns = new ArrayList<>();
                for (SelectItem<?> c : w.getWithItemList()) {
                    columns.add(SqlText.unquote(c.getExpression().toString()));
                }
            }
            String key = "r" + recursive.size() + "_" + name;
            pendingColumns.put(w, columns);
            pendingKeys.put(w, key);
            inRecursivePart.push(w);
            List<SqlNode> parts = new ArrayList<>();
            try {
                for (int i = anchors; i < branches.size(); i++) {
                    List<String> partLabels = new ArrayList<>();
                    parts.add(select(branches.get(i), partLabels, false));
                    if (partLabels.size() != columns.size()) {
                        throw MySqlError.ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT.raise();
                    }
                }
            } finally {
                inRecursivePart.pop();
            }
            RecursiveCte def = new RecursiveCte(key, name, List.copyOf(columns), anchor, parts, distinct);
            recursive.put(w, def);
            return def;
        } finally {
            ctes.addAll(after);
        }
    }

    private SqlNode selectWithoutWith(Select select, List<String> labelsOut, boolean top) {
        if (select instanceof ParenthesedSelect ps) {
            SqlNode inner = select(ps.getSelect(), labelsOut, top);
            return withOrderAndLimit(inner, ps.getOrderByElements(), ps.getLimit(), ps.getOffset(), null);
        }
        if (select instanceof PlainSelect p) {
            return plainSelect(p, labelsOut, top);
        }
        if (select instanceof SetOperationList so) {
            return setOperation(so, labelsOut, top);
        }
        if (select instanceof Values v) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("VALUES as a query");
        }
        throw MySqlError.ER_NOT_SUPPORTED_YET.raise(select.getClass().getSimpleName());
    }

    private SqlNode setOperation(SetOperationList so, List<String> labelsOut, boolean top) {
        List<Select> selects = so.getSelects();
        SqlNode result = select(selects.get(0), labelsOut, top);
        for (int i = 1; i < selects.size(); i++) {
            SetOperation op = so.getOperations().get(i - 1);
            SqlNode right = select(selects.get(i), new ArrayList<>(), false);
            SqlOperator operator;
            if (op instanceof UnionOp u) {
                operator = u.isAll() ? SqlStdOperatorTable.UNION_ALL : SqlStdOperatorTable.UNION;
            } else if (op instanceof IntersectOp i2) {
                operator = SqlStdOperatorTable.INTERSECT;
            } else if (op instanceof ExceptOp || op instanceof MinusOp) {
                operator = SqlStdOperatorTable.EXCEPT;
            } else {
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise(op.toString());
            }
            result = operator.createCall(POS, result, right);
        }
        return withOrderAndLimit(result, so.getOrderByElements(), so.getLimit(), so.getOffset(), null);
    }

    /** {@code FROM DUAL}: MySQL's spelling of no FROM clause (DUAL is a keyword, not a table). */
    static boolean isDual(PlainSelect p) {
        return p.getFromItem() instanceof net.sf.jsqlparser.schema.Table t && t.getSchemaName() == null
                && t.getAlias() == null && "DUAL".equalsIgnoreCase(t.getName())
                && (p.getJoins() == null || p.getJoins().isEmpty());
    }

    private SqlNode plainSelect(PlainSelect p, List<String> labelsOut, boolean top) {
        if (p.getIntoTables() != null || p.getMySqlSelectIntoClause() != null) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("SELECT ... INTO");
        }
        // Clauses in the order they are written, so that ? markers are numbered as in the text.
        List<SelectItem<?>> items = p.getSelectItems();
        FromScope scope = new FromScope();
        // FROM must be known before the select list expands '*', but its ? markers come after the
        // select list's; translate FROM first while reserving the select list's markers.
        int selectListParams = countJdbcParams(items);
        int saved = nextParam;
        nextParam += selectListParams;
        SqlNode from = p.getFromItem() == null || isDual(p) ? null : fromClause(p, scope);
        scopes.addLast(scope);
        try {
            return plainSelectBody(p, labelsOut, top, scope, items, from, saved);
        } finally {
            scopes.removeLast();
        }
    }

    private SqlNode plainSelectBody(PlainSelect p, List<String> labelsOut, boolean top, FromScope scope,
                                    List<SelectItem<?>> items, SqlNode from, int saved) {
        int afterFrom = nextParam;
        nextParam = saved;
        boolean strictBefore = strictDivision;
        strictDivision = top && strictTopSelectList;
        List<String> itemTexts = top ? SelectText.items(sql) : null;
        if (itemTexts != null && itemTexts.size() != items.size()) {
            itemTexts = null;
        }
        SqlNodeList selectList = new SqlNodeList(POS);
        for (int i = 0; i < items.size(); i++) {
            SelectItem<?> item = items.get(i);
            Expression e = item.getExpression();
            if (e instanceof AllColumns) {
                expandStar(scope, null, selectList, labelsOut);
                continue;
            }
            if (e instanceof AllTableColumns atc) {
                expandStar(scope, SqlText.unquote(atc.getTable().getName()), selectList, labelsOut);
                continue;
            }
            SqlNode node = value(e);
            String viewLabel = item.getAlias() != null ? null : systemViewLabel(e, scope);
            String label = item.getAlias() != null ? SqlText.unquote(item.getAlias().getName())
                    : viewLabel != null ? viewLabel : labelOf(e, itemTexts == null ? null : itemTexts.get(i));
            selectList.add(SqlStdOperatorTable.AS.createCall(POS, node, new SqlIdentifier(label, POS)));
            labelsOut.add(label);
        }
        strictDivision = strictBefore;
        nextParam = afterFrom;
        SqlNode where = p.getWhere() == null ? null : condition(p.getWhere());
        SqlNodeList groupBy = null;
        if (p.getGroupBy() != null) {
            groupBy = new SqlNodeList(POS);
            for (Object g : p.getGroupBy().getGroupByExpressionList().getExpressions()) {
                groupBy.add(orderOrGroupItem((Expression) g));
            }
            addFunctionallyDependent(p, groupBy);
        }
        SqlNode having = p.getHaving() == null ? null : condition(p.getHaving());
        SqlNodeList keywords = new SqlNodeList(POS);
        if (p.getDistinct() != null) {
            if (p.getDistinct().getOnSelectItems() != null) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.raise("DISTINCT ON");
            }
            keywords.add(SqlSelectKeyword.DISTINCT.symbol(POS));
        }
        SqlNodeList orderBy = orderList(p.getOrderByElements());
        SqlNode[] limit = limit(p.getLimit(), p.getOffset());
        return new SqlSelect(POS, keywords, selectList, from, where, groupBy, having, windowDecls(p), null,
                orderBy, limit[0], limit[1], null);
    }

    /**
     * MySQL accepts selecting any column of a table whose primary key is in the GROUP BY (the
     * column is functionally dependent on it). Calcite does not, so such columns are added to the
     * grouping, which leaves the groups as they are.
     */
    private void addFunctionallyDependent(PlainSelect p, SqlNodeList groupBy) {
        FromScope scope = scopes.peekLast();
        if (scope == null) {
            return;
        }
        java.util.Set<String> grouped = new java.util.HashSet<>();
        for (Object g : p.getGroupBy().getGroupByExpressionList().getExpressions()) {
            if (g instanceof Column c) {
                String table = c.getTable() == null || c.getTable().getName() == null ? null : SqlText.unquote(c.getTable().getName());
                grouped.add((table == null ? "" : table + ".") + SqlText.unquote(c.getColumnName()).toLowerCase(Locale.ROOT));
            }
        }
        for (TableRef ref : tableRefs) {
            if (!scope.items.contains(ref.item())) {
                continue;
            }
            io.flushdb.storage.dict.IndexDef pk = ref.entry().def().clusteredIndex();
            if (pk.kind() != io.flushdb.storage.dict.IndexDef.Kind.PRIMARY) {
                continue;
            }
            boolean all = true;
            for (int col : pk.columns()) {
                String name = ref.entry().def().columns().get(col).name().toLowerCase(Locale.ROOT);
                if (!grouped.contains(name) && !grouped.contains(ref.item().alias() + "." + name)) {
                    all = false;
                }
            }
            if (all) {
                for (ColumnDef c : ref.entry().def().columns()) {
                    groupBy.add(new SqlIdentifier(List.of(ref.item().alias(), c.name()), POS));
                }
            }
        }
    }

    /** A table in a FROM clause, with its scope entry. */
    private record TableRef(FromItemInfo item, TableEntry entry) {
    }

    private final List<TableRef> tableRefs = new ArrayList<>();

    private int countJdbcParams(List<SelectItem<?>> items) {
        int n = 0;
        for (SelectItem<?> item : items) {
            n += SqlText.countParameters(item.toString());
        }
        return n;
    }

    private void expandStar(FromScope scope, String qualifier, SqlNodeList selectList, List<String> labelsOut) {
        if (scope.items.isEmpty()) {
            throw MySqlError.ER_NO_TABLES_USED.raise();
        }
        boolean found = false;
        if (qualifier == null) {
            for (String c : scope.coalesced) {
                String from = scope.coalescedFrom.get(c.toLowerCase(Locale.ROOT));
                SqlNode ref = from == null ? new SqlIdentifier(c, POS) : new SqlIdentifier(List.of(from, c), POS);
                selectList.add(SqlStdOperatorTable.AS.createCall(POS, ref, new SqlIdentifier(c, POS)));
                labelsOut.add(c);
            }
        }
        for (FromItemInfo item : scope.items) {
            if (qualifier != null && !item.alias().equals(qualifier)) {
                continue;
            }
            found = true;
            for (String c : item.columns()) {
                if (qualifier == null && containsIgnoreCase(scope.coalesced, c)) {
                    continue;
                }
                selectList.add(SqlStdOperatorTable.AS.createCall(POS, new SqlIdentifier(List.of(item.alias(), c), POS),
                        new SqlIdentifier(c, POS)));
                labelsOut.add(c);
            }
        }
        if (!found) {
            throw MySqlError.ER_BAD_TABLE_ERROR.raise(qualifier);
        }
    }

    private static boolean containsIgnoreCase(List<String> list, String s) {
        for (String x : list) {
            if (x.equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }

    /** MySQL's label for an unaliased select item. */
    private static String labelOf(Expression e, String text) {
        if (e instanceof Column c && !isDoubleQuoted(c)) {
            return SqlText.unquote(c.getColumnName());
        }
        if (e instanceof StringValue s) {
            return unescape(s.getValue());
        }
        if (e instanceof Column c) {
            return unescape(c.getColumnName().substring(1, c.getColumnName().length() - 1));
        }
        return text != null ? text : e.toString();
    }

    // ---- FROM ---------------------------------------------------------------------------------

    private SqlNode fromClause(PlainSelect p, FromScope scope) {
        SqlNode left = fromItem(p.getFromItem(), scope);
        if (p.getJoins() != null) {
            for (Join j : p.getJoins()) {
                left = join(left, j, scope);
            }
        }
        return left;
    }

    private SqlNode fromItem(FromItem item, FromScope scope) {
        if (item instanceof Table t) {
            int cte = cteNamed(t);
            if (cte >= 0) {
                return cteReference(t, cte, scope);
            }
            Names.TableName n = Names.resolve(t, session);
            if (Names.systemDatabase(n.database()) != null) {
                return systemView(t, n, scope);
            }
            io.flushdb.storage.dict.ViewDef view = session.engine().storage().dictionary().view(n.database(), n.table());
            if (view != null) {
                return viewReference(t, view, scope);
            }
            TableEntry e = Names.existing(n, session);
            tables.add(n);
            String alias = t.getAlias() != null ? SqlText.unquote(t.getAlias().getName()) : n.table();
            List<String> cols = new ArrayList<>();
            for (ColumnDef c : e.def().columns()) {
                cols.add(c.name());
            }
            FromItemInfo info = new FromItemInfo(alias, cols);
            scope.items.add(info);
            tableRefs.add(new TableRef(info, e));
            SqlNode id = new SqlIdentifier(List.of(n.database(), n.table()), POS);
            return SqlStdOperatorTable.AS.createCall(POS, id, new SqlIdentifier(alias, POS));
        }
        if (item instanceof ParenthesedSelect ps) {
            if (ps.getAlias() == null) {
                throw MySqlError.ER_DERIVED_MUST_HAVE_ALIAS.raise();
            }
            String alias = SqlText.unquote(ps.getAlias().getName());
            List<String> inner = new ArrayList<>();
            SqlNode q = select(ps.getSelect(), inner, false);
            q = withOrderAndLimit(q, ps.getOrderByElements(), ps.getLimit(), ps.getOffset(), null);
            scope.items.add(new FromItemInfo(alias, inner));
            return SqlStdOperatorTable.AS.createCall(POS, q, new SqlIdentifier(alias, POS));
        }
        if (item instanceof ParenthesedFromItem pf) {
            SqlNode inner = fromItem(pf.getFromItem(), scope);
            if (pf.getJoins() != null) {
                for (Join j : pf.getJoins()) {
                    inner = join(inner, j, scope);
                }
            }
            return inner;
        }
        throw MySqlError.ER_NOT_SUPPORTED_YET.raise("FROM " + item.getClass().getSimpleName());
    }

    /** Views being expanded (a view cannot read itself, but a chain is followed). */
    private final java.util.ArrayDeque<String> viewsExpanding = new java.util.ArrayDeque<>();

    /**
     * A view in a FROM clause: its query, translated here as a derived table in the view's
     * database (as MySQL's MERGE or TEMPTABLE algorithm gives the same rows), with the view's
     * column names. The statement locks and reads the view's base tables. A view whose query no
     * longer resolves (a table dropped, a column gone) is error 1356, as MySQL reports it.
     */
    private SqlNode viewReference(Table t, io.flushdb.storage.dict.ViewDef view, FromScope scope) {
        String alias = t.getAlias() != null ? SqlText.unquote(t.getAlias().getName()) : view.name();
        String qualified = view.database() + "." + view.name();
        if (viewsExpanding.contains(qualified) || viewsExpanding.size() > 32) {
            throw MySqlError.ER_VIEW_INVALID.raise(view.database(), view.name());
        }
        net.sf.jsqlparser.statement.Statement parsed = io.flushdb.sql.parse.MySqlParser.parse(view.query());
        if (!(parsed instanceof Select body)) {
            throw MySqlError.ER_VIEW_INVALID.raise(view.database(), view.name());
        }
        List<String> inner = new ArrayList<>();
        List<WithItem<?>> outerCtes = new ArrayList<>(ctes);
        ctes.clear();
        viewsExpanding.push(qualified);
        SqlNode q;
        try {
            q = session.inDatabase(view.database(), () -> select(body, inner, false));
        } catch (io.flushdb.sql.error.MySqlException e) {
            if (e.code() == MySqlError.ER_NO_SUCH_TABLE.code || e.code() == MySqlError.ER_BAD_FIELD_ERROR.code
                    || e.code() == MySqlError.ER_BAD_DB_ERROR.code || e.code() == MySqlError.ER_SP_DOES_NOT_EXIST.code) {
                throw MySqlError.ER_VIEW_INVALID.raise(view.database(), view.name());
            }
            throw e;
        } finally {
            viewsExpanding.pop();
            ctes.addAll(outerCtes);
        }
        List<SqlNode> operands = new ArrayList<>(List.of(q, new SqlIdentifier(alias, POS)));
        List<String> columns = inner;
        if (!view.columns().isEmpty()) {
            if (view.columns().size() != inner.size()) {
                throw MySqlError.ER_VIEW_INVALID.raise(view.database(), view.name());
            }
            columns = view.columns();
            for (String c : columns) {
                operands.add(new SqlIdentifier(c, POS));
            }
        }
        scope.items.add(new FromItemInfo(alias, columns));
        return SqlStdOperatorTable.AS.createCall(POS, operands);
    }

    /**
     * An information_schema or performance_schema table in a FROM clause. It takes no lock and is not among
     * {@link #tables()}: its rows are produced when the plan runs, from the dictionary as it is
     * then (as MySQL reads its data dictionary, without locking the tables described).
     */
    private SqlNode systemView(Table t, Names.TableName n, FromScope scope) {
        io.flushdb.sql.infoschema.InfoSchemaTable view =
                io.flushdb.sql.infoschema.SystemDatabase.named(n.database()).table(n.table());
        String alias = t.getAlias() != null ? SqlText.unquote(t.getAlias().getName()) : n.table();
        List<String> cols = new ArrayList<>();
        for (ColumnDef c : view.columns()) {
            cols.add(c.name());
        }
        FromItemInfo info = new FromItemInfo(alias, cols);
        scope.items.add(info);
        if (Names.isInformationSchema(n.database())) {
            systemViews.add(info); // performance_schema's tables are base tables: labels as written
        }
        SqlNode id = new SqlIdentifier(List.of(n.database(), view.name()), POS);
        return SqlStdOperatorTable.AS.createCall(POS, id, new SqlIdentifier(alias, POS));
    }

    /** The FROM items that are information_schema tables (by identity). */
    private final Set<FromItemInfo> systemViews = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * The label of a select item that is a bare column of an information_schema table: the
     * column's name as the table declares it, however the query spells it, as MySQL 8.0 labels
     * columns of its information_schema views ({@code SELECT table_name} is labelled TABLE_NAME).
     * Null for any other item.
     */
    private String systemViewLabel(Expression e, FromScope scope) {
        if (!(e instanceof Column c) || isDoubleQuoted(c) || systemViews.isEmpty() || scope == null) {
            return null;
        }
        String col = SqlText.unquote(c.getColumnName());
        String qualifier = c.getTable() == null || c.getTable().getName() == null ? null
                : SqlText.unquote(c.getTable().getName());
        String found = null;
        boolean fromView = false;
        for (FromItemInfo item : scope.items) {
            if (qualifier != null && !item.alias().equalsIgnoreCase(qualifier)) {
                continue;
            }
            for (String name : item.columns()) {
                if (name.equalsIgnoreCase(col)) {
                    if (found != null) {
                        return null; // ambiguous: the validator reports it
                    }
                    found = name;
                    fromView = systemViews.contains(item);
                }
            }
        }
        return fromView ? found : null;
    }

    private SqlNode join(SqlNode left, Join j, FromScope scope) {
        int before = scope.items.size();
        SqlNode right = fromItem(j.getRightItem(), scope);
        JoinType type;
        if (j.isSimple()) {
            type = JoinType.COMMA;
        } else if (j.isCross()) {
            type = JoinType.CROSS;
        } else if (j.isLeft()) {
            type = JoinType.LEFT;
        } else if (j.isRight()) {
            type = JoinType.RIGHT;
        } else if (j.isFull()) {
            throw MySqlError.ER_PARSE_ERROR.raise("FULL JOIN", 1);
        } else {
            type = JoinType.INNER;
        }
        boolean natural = j.isNatural();
        SqlNode condition = null;
        JoinConditionType ct = JoinConditionType.NONE;
        if (j.getUsingColumns() != null && !j.getUsingColumns().isEmpty()) {
            SqlNodeList using = new SqlNodeList(POS);
            for (Column c : j.getUsingColumns()) {
                String name = SqlText.unquote(c.getColumnName());
                using.add(new SqlIdentifier(name, POS));
                if (!containsIgnoreCase(scope.coalesced, name)) {
                    scope.coalesced.add(name);
                    scope.coalescedFrom.put(name.toLowerCase(Locale.ROOT), coalescingItem(scope, before, name, type));
                }
            }
            condition = using;
            ct = JoinConditionType.USING;
        } else if (j.getOnExpressions() != null && !j.getOnExpressions().isEmpty()) {
            SqlNode on = null;
            for (Expression e : j.getOnExpressions()) {
                SqlNode c = condition(e);
                on = on == null ? c : SqlStdOperatorTable.AND.createCall(POS, on, c);
            }
            condition = on;
            ct = JoinConditionType.ON;
        } else if (natural) {
            List<String> rightCols = scope.items.get(scope.items.size() - 1).columns();
            for (int i = 0; i < before; i++) {
                for (String c : scope.items.get(i).columns()) {
                    if (containsIgnoreCase(rightCols, c) && !containsIgnoreCase(scope.coalesced, c)) {
                        scope.coalesced.add(c);
                        scope.coalescedFrom.put(c.toLowerCase(Locale.ROOT), coalescingItem(scope, before, c, type));
                    }
                }
            }
        } else if (type == JoinType.INNER) {
            // MySQL: JOIN without a condition is a cross join.
            condition = SqlLiteral.createBoolean(true, POS);
            ct = JoinConditionType.ON;
        } else if (type == JoinType.LEFT || type == JoinType.RIGHT) {
            throw MySqlError.ER_PARSE_ERROR.raise(j.toString(), 1);
        }
        return new SqlJoin(POS, left, SqlLiteral.createBoolean(natural, POS), type.symbol(POS), right,
                ct.symbol(POS), condition);
    }

    /**
     * The FROM item whose column a USING/NATURAL column shows: the left one for inner and left
     * joins (where it equals the coalesced value), the right one for right joins.
     */
    private static String coalescingItem(FromScope scope, int leftCount, String column, JoinType type) {
        if (type == JoinType.RIGHT) {
            return scope.items.get(scope.items.size() - 1).alias();
        }
        for (int i = 0; i < leftCount; i++) {
            if (containsIgnoreCase(scope.items.get(i).columns(), column)) {
                return scope.items.get(i).alias();
            }
        }
        return scope.items.get(0).alias();
    }

    // ---- ORDER BY / LIMIT ---------------------------------------------------------------------

    private SqlNodeList orderList(List<OrderByElement> elements) {
        if (elements == null || elements.isEmpty()) {
            return null;
        }
        SqlNodeList list = new SqlNodeList(POS);
        for (OrderByElement o : elements) {
            SqlNode e = orderOrGroupItem(o.getExpression());
            if (!o.isAsc()) {
                e = SqlStdOperatorTable.DESC.createCall(POS, e);
            }
            if (o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_FIRST) {
                e = SqlStdOperatorTable.NULLS_FIRST.createCall(POS, e);
            } else if (o.getNullOrdering() == OrderByElement.NullOrdering.NULLS_LAST) {
                e = SqlStdOperatorTable.NULLS_LAST.createCall(POS, e);
            }
            list.add(e);
        }
        return list;
    }

    /** An ORDER BY / GROUP BY item: a position stays a literal, anything else is a value. */
    private SqlNode orderOrGroupItem(Expression e) {
        if (e instanceof LongValue lv) {
            return SqlLiteral.createExactNumeric(lv.getStringValue(), POS);
        }
        return value(e);
    }

    private SqlNode[] limit(Limit limit, Offset offset) {
        SqlNode fetch = null;
        SqlNode off = null;
        if (limit != null) {
            if (limit.getOffset() != null) {
                off = limitValue(limit.getOffset());
            }
            if (limit.getRowCount() != null && !limit.isLimitAll()) {
                fetch = limitValue(limit.getRowCount());
            }
        }
        if (offset != null) {
            off = limitValue(offset.getOffset());
        }
        return new SqlNode[] {off, fetch};
    }

    private SqlNode limitValue(Expression e) {
        if (e instanceof LongValue lv) {
            return SqlLiteral.createExactNumeric(lv.getStringValue(), POS);
        }
        if (e instanceof JdbcParameter) {
            return new SqlDynamicParam(nextParam++, POS);
        }
        throw MySqlError.ER_PARSE_ERROR.raise(e.toString(), 1);
    }

    private SqlNode withOrderAndLimit(SqlNode query, List<OrderByElement> order, Limit limit, Offset offset,
                                      Object unused) {
        SqlNodeList orderList = orderList(order);
        SqlNode[] l = limit(limit, offset);
        if (orderList == null && l[0] == null && l[1] == null) {
            return query;
        }
        if (query instanceof SqlSelect s && s.getOrderList() == null && s.getFetch() == null && s.getOffset() == null) {
            s.setOrderBy(orderList);
            s.setOffset(l[0]);
            s.setFetch(l[1]);
            return s;
        }
        return new SqlOrderBy(POS, query, orderList == null ? SqlNodeList.EMPTY : orderList, l[0], l[1]);
    }

    // ---- expressions --------------------------------------------------------------------------

    /** Whether MySQL evaluates {@code e} to a truth value (rather than a number or string). */
    static boolean isCondition(Expression e) {
        if (e instanceof Parenthesis p) {
            return isCondition(p.getExpression());
        }
        if (e instanceof ParenthesedExpressionList<?> pl && pl.size() == 1) {
            return isCondition((Expression) pl.get(0));
        }
        return e instanceof ComparisonOperator || e instanceof AndExpression || e instanceof OrExpression
                || e instanceof XorExpression || e instanceof NotExpression || e instanceof Between
                || e instanceof InExpression || e instanceof IsNullExpression || e instanceof IsBooleanExpression
                || e instanceof LikeExpression || e instanceof ExistsExpression || e instanceof CosineSimilarity
                || e instanceof Concat || e instanceof IsDistinctExpression;
    }

    /** {@code e} used as a condition: MySQL treats any non-zero value as true. */
    public SqlNode condition(Expression e) {
        SqlNode n = expr(e);
        if (isCondition(e)) {
            return n;
        }
        return SqlStdOperatorTable.NOT_EQUALS.createCall(POS, n, bigint(0));
    }

    /** {@code e} used as a value: a condition becomes 1, 0 or NULL as in MySQL. */
    public SqlNode value(Expression e) {
        SqlNode n = expr(e);
        if (isCondition(e)) {
            return asInteger(n);
        }
        return n;
    }

    private static SqlNode asInteger(SqlNode cond) {
        // CASE WHEN c THEN 1 WHEN NOT c THEN 0 END: NULL stays NULL.
        SqlNodeList whens = new SqlNodeList(POS);
        whens.add(cond);
        whens.add(SqlStdOperatorTable.NOT.createCall(POS, cond));
        SqlNodeList thens = new SqlNodeList(POS);
        thens.add(bigint(1));
        thens.add(bigint(0));
        return new SqlCase(POS, null, whens, thens, SqlLiteral.createNull(POS));
    }

    private static SqlNode bigint(long v) {
        return cast(SqlLiteral.createExactNumeric(Long.toString(v), POS), SqlTypeName.BIGINT);
    }

    static SqlNode cast(SqlNode n, SqlTypeName type) {
        return SqlStdOperatorTable.CAST.createCall(POS, n, new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, POS), POS));
    }

    static SqlNode cast(SqlNode n, SqlTypeName type, int precision, int scale) {
        SqlBasicTypeNameSpec spec = scale >= 0 ? new SqlBasicTypeNameSpec(type, precision, scale, POS)
                : precision >= 0 ? new SqlBasicTypeNameSpec(type, precision, POS) : new SqlBasicTypeNameSpec(type, POS);
        return SqlStdOperatorTable.CAST.createCall(POS, n, new SqlDataTypeSpec(spec, POS));
    }

    private SqlNode expr(Expression e) {
        if (e instanceof Parenthesis p) {
            return value(p.getExpression());
        }
        if (e instanceof ParenthesedExpressionList<?> pl) {
            if (pl.size() == 1) {
                return expr((Expression) pl.get(0));
            }
            throw MySqlError.ER_OPERAND_COLUMNS.raise(1);
        }
        if (e instanceof LongValue lv) {
            String s = lv.getStringValue();
            BigDecimal v = new BigDecimal(s);
            if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return SqlLiteral.createExactNumeric(s, POS);
            }
            return cast(SqlLiteral.createExactNumeric(s, POS), SqlTypeName.BIGINT);
        }
        if (e instanceof DoubleValue dv) {
            String s = dv.toString();
            if (s.toLowerCase(Locale.ROOT).contains("e")) {
                return SqlLiteral.createApproxNumeric(s, POS);
            }
            return SqlLiteral.createExactNumeric(s.startsWith(".") ? "0" + s : s, POS);
        }
        if (e instanceof StringValue sv) {
            if ("B".equalsIgnoreCase(sv.getPrefix())) {
                return SqlLiteral.createBinaryString(SqlText.bitLiteralBytes(sv.getValue()), POS);
            }
            return string(unescape(sv.getValue()));
        }
        if (e instanceof NullValue) {
            return SqlLiteral.createNull(POS);
        }
        if (e instanceof BooleanValue b) {
            return bigint(b.getValue() ? 1 : 0);
        }
        if (e instanceof HexValue h) {
            return hex(h.getValue());
        }
        if (e instanceof JdbcParameter) {
            return new SqlDynamicParam(nextParam++, POS);
        }
        if (e instanceof DateTimeLiteralExpression d) {
            return dateTimeLiteral(d.getType().name(), unquoteLiteral(d.getValue()));
        }
        if (e instanceof DateValue d) {
            return dateTimeLiteral("DATE", d.getValue().toString());
        }
        if (e instanceof TimestampValue t) {
            return dateTimeLiteral("TIMESTAMP", t.getValue().toString());
        }
        if (e instanceof TimeValue t) {
            return dateTimeLiteral("TIME", t.getValue().toString());
        }
        if (e instanceof Column c) {
            return column(c);
        }
        if (e instanceof DateUnitExpression d) {
            // A column named like a time unit (day, year, month...): JSqlParser reads it as a unit.
            return column(new Column(d.toString().toLowerCase(Locale.ROOT).equals(d.toString()) ? d.toString()
                    : originalWord(d.toString())));
        }
        if (e instanceof SignedExpression s) {
            SqlNode inner = value(s.getExpression());
            return switch (s.getSign()) {
                case '-' -> SqlStdOperatorTable.UNARY_MINUS.createCall(POS, inner);
                case '+' -> inner;
                case '~' -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise("the ~ operator");
                default -> throw MySqlError.ER_PARSE_ERROR.raise(e.toString(), 1);
            };
        }
        if (e instanceof NotExpression n) {
            return SqlStdOperatorTable.NOT.createCall(POS, condition(n.getExpression()));
        }
        if (e instanceof AndExpression a) {
            return SqlStdOperatorTable.AND.createCall(POS, condition(a.getLeftExpression()), condition(a.getRightExpression()));
        }
        if (e instanceof OrExpression o) {
            return SqlStdOperatorTable.OR.createCall(POS, condition(o.getLeftExpression()), condition(o.getRightExpression()));
        }
        if (e instanceof Concat c) {
            // '||' is OR in MySQL's default sql_mode (PIPES_AS_CONCAT off).
            return SqlStdOperatorTable.OR.createCall(POS, condition(c.getLeftExpression()), condition(c.getRightExpression()));
        }
        if (e instanceof XorExpression x) {
            SqlNode a = condition(x.getLeftExpression());
            SqlNode b = condition(x.getRightExpression());
            return SqlStdOperatorTable.NOT_EQUALS.createCall(POS, a, b);
        }
        if (e instanceof CosineSimilarity ns) {
            // JSqlParser reads MySQL's null-safe equality '<=>' as this operator.
            return SqlStdOperatorTable.IS_NOT_DISTINCT_FROM.createCall(POS, value(ns.getLeftExpression()),
                    value(ns.getRightExpression()));
        }
        if (e instanceof IsDistinctExpression d) {
            return (d.isNot() ? SqlStdOperatorTable.IS_NOT_DISTINCT_FROM : SqlStdOperatorTable.IS_DISTINCT_FROM)
                    .createCall(POS, value(d.getLeftExpression()), value(d.getRightExpression()));
        }
        if (e instanceof ComparisonOperator c) {
            return comparison(c);
        }
        if (e instanceof Addition a && a.getRightExpression() instanceof IntervalExpression i) {
            return new FunctionMapping(this).dateAdd(value(a.getLeftExpression()), i, 1);
        }
        if (e instanceof Addition a && a.getLeftExpression() instanceof IntervalExpression i) {
            return new FunctionMapping(this).dateAdd(value(a.getRightExpression()), i, 1);
        }
        if (e instanceof Subtraction s && s.getRightExpression() instanceof IntervalExpression i) {
            return new FunctionMapping(this).dateAdd(value(s.getLeftExpression()), i, -1);
        }
        if (e instanceof Addition a) {
            return SqlStdOperatorTable.PLUS.createCall(POS, value(a.getLeftExpression()), value(a.getRightExpression()));
        }
        if (e instanceof Subtraction s) {
            return SqlStdOperatorTable.MINUS.createCall(POS, value(s.getLeftExpression()), value(s.getRightExpression()));
        }
        if (e instanceof Multiplication m) {
            return SqlStdOperatorTable.MULTIPLY.createCall(POS, value(m.getLeftExpression()), value(m.getRightExpression()));
        }
        if (e instanceof Division d) {
            return (strictDivision ? MySqlOperators.DIVIDE_STRICT : MySqlOperators.DIVIDE).createCall(POS,
                    value(d.getLeftExpression()), value(d.getRightExpression()));
        }
        if (e instanceof IntegerDivision d) {
            return (strictDivision ? MySqlOperators.INT_DIVIDE_STRICT : MySqlOperators.INT_DIVIDE).createCall(POS,
                    value(d.getLeftExpression()), value(d.getRightExpression()));
        }
        if (e instanceof Modulo m) {
            return (strictDivision ? MySqlOperators.MOD_STRICT : MySqlOperators.MOD).createCall(POS,
                    value(m.getLeftExpression()), value(m.getRightExpression()));
        }
        if (e instanceof Between b) {
            SqlNode x = value(b.getLeftExpression());
            SqlNode lo = value(b.getBetweenExpressionStart());
            SqlNode hi = value(b.getBetweenExpressionEnd());
            return (b.isNot() ? SqlStdOperatorTable.NOT_BETWEEN : SqlStdOperatorTable.BETWEEN).createCall(POS, x, lo, hi);
        }
        if (e instanceof InExpression in) {
            return in(in);
        }
        if (e instanceof IsNullExpression n) {
            return (n.isNot() ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL).createCall(POS,
                    value(n.getLeftExpression()));
        }
        if (e instanceof IsBooleanExpression b) {
            SqlNode c = condition(b.getLeftExpression());
            SqlOperator op = b.isTrue() ? (b.isNot() ? SqlStdOperatorTable.IS_NOT_TRUE : SqlStdOperatorTable.IS_TRUE)
                    : (b.isNot() ? SqlStdOperatorTable.IS_NOT_FALSE : SqlStdOperatorTable.IS_FALSE);
            return op.createCall(POS, c);
        }
        if (e instanceof LikeExpression l) {
            return like(l);
        }
        if (e instanceof ExistsExpression x) {
            SqlNode q = subquery(x.getRightExpression());
            SqlNode exists = SqlStdOperatorTable.EXISTS.createCall(POS, q);
            return x.isNot() ? SqlStdOperatorTable.NOT.createCall(POS, exists) : exists;
        }
        if (e instanceof ParenthesedSelect ps) {
            return select(ps, new ArrayList<>(), false);
        }
        if (e instanceof CaseExpression c) {
            return caseExpr(c);
        }
        if (e instanceof CastExpression c) {
            if (c.getColDataType() != null && c.getColDataType().getDataType().trim().equalsIgnoreCase("JSON")) {
                return FunctionMapping.withJsonMask(JsonOperators.CAST, new SqlNode[] {value(c.getLeftExpression())});
            }
            return FunctionMapping.cast(value(c.getLeftExpression()), c.getColDataType());
        }
        if (e instanceof net.sf.jsqlparser.expression.JsonExpression j) {
            return jsonArrow(j);
        }
        if (e instanceof net.sf.jsqlparser.expression.JsonFunction jf) {
            return jsonFunction(jf);
        }
        if (e instanceof net.sf.jsqlparser.expression.JsonAggregateFunction ja) {
            return jsonAggregate(ja);
        }
        if (e instanceof Function f) {
            return new FunctionMapping(this).call(f);
        }
        if (e instanceof AnalyticExpression a) {
            return windowFunction(a);
        }
        if (e instanceof TimeKeyExpression t) {
            return timeKey(t.getStringValue());
        }
        if (e instanceof UserVariable v) {
            if (v.isDoubleAdd()) {
                return systemVariable(v.getName());
            }
            return userVariable(v.getName());
        }
        if (e instanceof TrimFunction t) {
            return trim(t);
        }
        throw MySqlError.ER_NOT_SUPPORTED_YET.raise(e.getClass().getSimpleName() + " (" + e + ")");
    }

    // ---- JSON ---------------------------------------------------------------------------------

    /** {@code col->'path'} (JSON_EXTRACT) and {@code col->>'path'} (JSON_UNQUOTE of it), chained left to right. */
    private SqlNode jsonArrow(net.sf.jsqlparser.expression.JsonExpression j) {
        SqlNode v = value(j.getExpression());
        for (java.util.Map.Entry<Expression, String> leg : j.getIdentList()) {
            String op = leg.getValue();
            if (!op.equals("->") && !op.equals("->>")) {
                throw MySqlError.ER_PARSE_ERROR.raise(op, 1);
            }
            v = JsonOperators.EXTRACT.createCall(POS, v, value(leg.getKey()));
            if (op.equals("->>")) {
                v = JsonOperators.UNQUOTE.createCall(POS, v);
            }
        }
        return v;
    }

    /** JSON_OBJECT and JSON_ARRAY, which JSqlParser reads as its own expression. */
    private SqlNode jsonFunction(net.sf.jsqlparser.expression.JsonFunction f) {
        List<SqlNode> args = new ArrayList<>();
        switch (f.getType()) {
            case OBJECT, MYSQL_OBJECT -> {
                for (net.sf.jsqlparser.expression.JsonKeyValuePair kv : f.getKeyValuePairs()) {
                    if (kv.getValue() == null) {
                        throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.raise("json_object"); // a key without a value
                    }
                    args.add(jsonPart(kv.getKey()));
                    args.add(jsonPart(kv.getValue()));
                }
                return FunctionMapping.jsonBuild(JsonOperators.OBJECT, "JSON_OBJECT", args.toArray(new SqlNode[0]), true);
            }
            case ARRAY -> {
                for (net.sf.jsqlparser.expression.JsonFunctionExpression x : f.getExpressions()) {
                    args.add(value(x.getExpression()));
                }
                return FunctionMapping.jsonBuild(JsonOperators.ARRAY, "JSON_ARRAY", args.toArray(new SqlNode[0]), false);
            }
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise(f.toString());
        }
    }

    /** JSON_ARRAYAGG(x) and JSON_OBJECTAGG(key, value) (no ORDER BY, FILTER or OVER: MySQL has none of these). */
    private SqlNode jsonAggregate(net.sf.jsqlparser.expression.JsonAggregateFunction a) {
        if (a.getFilterExpression() != null || a.getExpressionOrderByElements() != null
                && !a.getExpressionOrderByElements().isEmpty()
                || a.getAnalyticType() != null && a.getAnalyticType() != AnalyticType.FILTER_ONLY) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise(a.toString());
        }
        return switch (a.getType()) {
            case ARRAY -> JsonOperators.ARRAYAGG.createCall(POS, jsonBox(value(a.getExpression())));
            case OBJECT, MYSQL_OBJECT -> JsonOperators.OBJECTAGG.createCall(POS, jsonBox(jsonPart(a.getKey())),
                    jsonBox(jsonPart(a.getValue())));
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise(a.toString());
        };
    }

    /** An aggregate's argument as JSON text that is never NULL (aggregates skip NULL arguments; MySQL's JSON ones keep them). */
    private static SqlNode jsonBox(SqlNode arg) {
        return FunctionMapping.withJsonMask(JsonOperators.BOX, new SqlNode[] {arg});
    }

    private SqlNode jsonPart(Object keyOrValue) {
        if (keyOrValue instanceof Expression x) {
            return value(x);
        }
        if (keyOrValue == null) {
            return SqlLiteral.createNull(POS);
        }
        String s = keyOrValue.toString();
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return string(unescape(s.substring(1, s.length() - 1)));
        }
        return value(new Column(s));
    }

    // ---- window functions ---------------------------------------------------------------------

    /** The WINDOW clause's named windows. */
    private SqlNodeList windowDecls(PlainSelect p) {
        if (p.getWindowDefinitions() == null || p.getWindowDefinitions().isEmpty()) {
            return null;
        }
        SqlNodeList list = new SqlNodeList(POS);
        for (WindowDefinition w : p.getWindowDefinitions()) {
            list.add(window(new SqlIdentifier(w.getWindowName(), POS), null, w.getPartitionExpressionList(),
                    w.getOrderByElements(), w.getWindowElement()));
        }
        return list;
    }

    private SqlWindow window(SqlIdentifier decl, SqlIdentifier ref, ExpressionList<?> partition,
            List<OrderByElement> order, WindowElement frame) {
        SqlNodeList partitionList = new SqlNodeList(POS);
        if (partition != null) {
            for (Object o : partition) {
                partitionList.add(value((Expression) o));
            }
        }
        SqlNodeList orderList = orderList(order);
        SqlLiteral isRows = SqlLiteral.createBoolean(frame != null && frame.getType() == WindowElement.Type.ROWS, POS);
        SqlNode lower = null;
        SqlNode upper = null;
        if (frame != null) {
            if (frame.getType() == WindowElement.Type.GROUPS) {
                throw MySqlError.ER_PARSE_ERROR.raise(frame.toString(), 1);
            }
            if (frame.getRange() != null) {
                lower = frameBound(frame.getRange().getStart());
                upper = frameBound(frame.getRange().getEnd());
            } else {
                lower = frameBound(frame.getOffset());
                upper = SqlWindow.createCurrentRow(POS); // ROWS n PRECEDING ends at the current row
            }
        }
        return SqlWindow.create(decl, ref, partitionList, orderList == null ? SqlNodeList.EMPTY : orderList, isRows,
                lower, upper, null, POS);
    }

    private SqlNode frameBound(WindowOffset o) {
        return switch (o.getType()) {
            case CURRENT -> SqlWindow.createCurrentRow(POS);
            case PRECEDING -> o.getExpression() == null ? SqlWindow.createUnboundedPreceding(POS)
                    : SqlWindow.createPreceding(value(o.getExpression()), POS);
            case FOLLOWING -> o.getExpression() == null ? SqlWindow.createUnboundedFollowing(POS)
                    : SqlWindow.createFollowing(value(o.getExpression()), POS);
            default -> throw MySqlError.ER_PARSE_ERROR.raise(o.toString(), 1);
        };
    }

    /**
     * {@code f(...) OVER (...)}: MySQL's window functions and the aggregates over a window. An
     * aggregate FlushDB computes from several (AVG is SUM over COUNT) gets the window on each.
     */
    private SqlNode windowFunction(AnalyticExpression a) {
        if (a.getType() != AnalyticType.OVER || a.getKeep() != null || a.getFilterExpression() != null) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise(a.toString());
        }
        String name = a.getName().toUpperCase(Locale.ROOT);
        if (a.isDistinct()) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("<window function>(DISTINCT ..)");
        }
        SqlNode w;
        if (a.getWindowName() != null) {
            w = new SqlIdentifier(a.getWindowName(), POS); // OVER w: the WINDOW clause's declaration
        } else {
            w = window(null, null, a.getPartitionExpressionList(), a.getOrderByElements(), a.getWindowElement());
        }
        List<SqlNode> args = new ArrayList<>();
        if (a.getExpression() != null && !(a.getExpression() instanceof AllColumns)) {
            args.add(value(a.getExpression()));
        }
        if (a.getOffset() != null) {
            // An offset or position literal stays an INTEGER literal: Calcite indexes rows with it.
            args.add(a.getOffset() instanceof LongValue n ? SqlLiteral.createExactNumeric(n.getStringValue(), POS)
                    : value(a.getOffset()));
        }
        if (name.equals("NTILE") && a.getExpression() instanceof LongValue n) {
            args.set(0, SqlLiteral.createExactNumeric(n.getStringValue(), POS)); // Calcite wants a literal
        }
        if (a.getDefaultValue() != null) {
            args.add(value(a.getDefaultValue()));
        }
        SqlNode call = switch (name) {
            case "ROW_NUMBER" -> windowCall(SqlStdOperatorTable.ROW_NUMBER, name, args, 0, 0);
            case "RANK" -> windowCall(SqlStdOperatorTable.RANK, name, args, 0, 0);
            case "DENSE_RANK" -> windowCall(SqlStdOperatorTable.DENSE_RANK, name, args, 0, 0);
            // Calcite's enumerable windows have no PERCENT_RANK or CUME_DIST.
            case "PERCENT_RANK", "CUME_DIST" -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise(name + "()");
            case "NTILE" -> windowCall(SqlStdOperatorTable.NTILE, name, args, 1, 1);
            case "LAG" -> windowCall(SqlStdOperatorTable.LAG, name, args, 1, 3);
            case "LEAD" -> windowCall(SqlStdOperatorTable.LEAD, name, args, 1, 3);
            case "FIRST_VALUE" -> windowCall(SqlStdOperatorTable.FIRST_VALUE, name, args, 1, 1);
            case "LAST_VALUE" -> windowCall(SqlStdOperatorTable.LAST_VALUE, name, args, 1, 1);
            // Calcite's NTH_VALUE ignores the frame's end (it sees rows after the current one).
            case "NTH_VALUE" -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise(name + "()");
            case "COUNT", "SUM", "AVG", "MIN", "MAX" -> {
                Function f = new Function();
                f.setName(name);
                if (a.getExpression() instanceof AllColumns || a.getExpression() == null) {
                    f.setAllColumns(true);
                } else {
                    f.setParameters(new ExpressionList<>(a.getExpression()));
                }
                yield new FunctionMapping(this).call(f);
            }
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise(a.toString());
        };
        return over(call, w);
    }

    private static SqlNode windowCall(SqlOperator op, String name, List<SqlNode> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw MySqlError.ER_PARSE_ERROR.raise(name, 1);
        }
        return op.createCall(POS, args.toArray(new SqlNode[0]));
    }

    /** Puts every aggregate call in {@code n} over window {@code w}. */
    private static SqlNode over(SqlNode n, SqlNode w) {
        if (!(n instanceof SqlCall c)) {
            return n;
        }
        if (c.getOperator().isAggregator()) {
            return SqlStdOperatorTable.OVER.createCall(POS, c, w);
        }
        for (int i = 0; i < c.operandCount(); i++) {
            SqlNode op = c.operand(i);
            if (op != null) {
                c.setOperand(i, over(op, w));
            }
        }
        return c;
    }

    private SqlNode comparison(ComparisonOperator c) {
        SqlKind kind = switch (c.getStringExpression()) {
            case "=" -> SqlKind.EQUALS;
            case "<>", "!=" -> SqlKind.NOT_EQUALS;
            case ">" -> SqlKind.GREATER_THAN;
            case ">=" -> SqlKind.GREATER_THAN_OR_EQUAL;
            case "<" -> SqlKind.LESS_THAN;
            case "<=" -> SqlKind.LESS_THAN_OR_EQUAL;
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise("operator " + c.getStringExpression());
        };
        SqlNode l = value(c.getLeftExpression());
        if (c.getRightExpression() instanceof AnyComparisonExpression any) {
            SqlNode q = select(any.getSelect(), new ArrayList<>(), false);
            SqlOperator op = any.getAnyType() == AnyType.ALL ? SqlStdOperatorTable.all(kind) : SqlStdOperatorTable.some(kind);
            return op.createCall(POS, l, q);
        }
        SqlOperator op = switch (kind) {
            case EQUALS -> SqlStdOperatorTable.EQUALS;
            case NOT_EQUALS -> SqlStdOperatorTable.NOT_EQUALS;
            case GREATER_THAN -> SqlStdOperatorTable.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
            case LESS_THAN -> SqlStdOperatorTable.LESS_THAN;
            default -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
        };
        return op.createCall(POS, l, value(c.getRightExpression()));
    }

    private SqlNode in(InExpression in) {
        SqlNode left = value(in.getLeftExpression());
        Expression right = in.getRightExpression();
        SqlNode r;
        if (right instanceof ParenthesedSelect ps) {
            List<String> cols = new ArrayList<>();
            r = select(ps, cols, false);
            if (cols.size() != 1 && !(in.getLeftExpression() instanceof ParenthesedExpressionList<?> l && l.size() == cols.size())) {
                throw MySqlError.ER_OPERAND_COLUMNS.raise(1);
            }
        } else if (right instanceof ExpressionList<?> list) {
            SqlNodeList values = new SqlNodeList(POS);
            for (Object o : list) {
                values.add(value((Expression) o));
            }
            r = values;
        } else {
            SqlNodeList values = new SqlNodeList(POS);
            values.add(value(right));
            r = values;
        }
        return (in.isNot() ? SqlStdOperatorTable.NOT_IN : SqlStdOperatorTable.IN).createCall(POS, left, r);
    }

    private SqlNode like(LikeExpression l) {
        if (l.getLikeKeyWord() != LikeExpression.KeyWord.LIKE) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise(l.getLikeKeyWord() + " patterns");
        }
        SqlNode x = value(l.getLeftExpression());
        SqlNode p = value(l.getRightExpression());
        // MySQL's default escape character is backslash. The collation (-1 here) is filled in by
        // the collation rewrite once the operand types are known.
        SqlNode escape = l.getEscape() != null ? value(l.getEscape()) : string("\\");
        SqlNode call = MySqlOperators.LIKE.createCall(POS, x, p, escape,
                SqlLiteral.createExactNumeric("-1", POS));
        return l.isNot() ? SqlStdOperatorTable.NOT.createCall(POS, call) : call;
    }

    private SqlNode caseExpr(CaseExpression c) {
        SqlNode switchValue = c.getSwitchExpression() == null ? null : value(c.getSwitchExpression());
        SqlNodeList whens = new SqlNodeList(POS);
        SqlNodeList thens = new SqlNodeList(POS);
        for (WhenClause w : c.getWhenClauses()) {
            whens.add(switchValue == null ? condition(w.getWhenExpression()) : value(w.getWhenExpression()));
            thens.add(value(w.getThenExpression()));
        }
        SqlNode elseExpr = c.getElseExpression() == null ? SqlLiteral.createNull(POS) : value(c.getElseExpression());
        return SqlCase.createSwitched(POS, switchValue, whens, thens, elseExpr);
    }

    private SqlNode trim(TrimFunction t) {
        SqlNode target = value(t.getExpression());
        SqlNode chars = t.getFromExpression() == null ? string(" ") : value(t.getFromExpression());
        if (t.getFromExpression() != null && t.getExpression() != null && !t.isUsingFromKeyword()) {
            chars = string(" ");
        }
        SqlTrimFunction.Flag flag = SqlTrimFunction.Flag.BOTH;
        if (t.getTrimSpecification() != null) {
            flag = switch (t.getTrimSpecification()) {
                case LEADING -> SqlTrimFunction.Flag.LEADING;
                case TRAILING -> SqlTrimFunction.Flag.TRAILING;
                default -> SqlTrimFunction.Flag.BOTH;
            };
        }
        if (t.isUsingFromKeyword() && t.getFromExpression() != null) {
            // TRIM([spec] remstr FROM str)
            return SqlStdOperatorTable.TRIM.createCall(POS, flag.symbol(POS), value(t.getExpression()),
                    value(t.getFromExpression()));
        }
        return SqlStdOperatorTable.TRIM.createCall(POS, flag.symbol(POS), chars, target);
    }

    SqlNode subquery(Expression e) {
        if (e instanceof ParenthesedSelect ps) {
            return select(ps, new ArrayList<>(), false);
        }
        if (e instanceof Select s) {
            return select(s, new ArrayList<>(), false);
        }
        throw MySqlError.ER_PARSE_ERROR.raise(e.toString(), 1);
    }

    private SqlNode column(Column c) {
        String name = c.getColumnName();
        if (isDoubleQuoted(c)) {
            // Without ANSI_QUOTES, "text" is a string literal.
            return string(unescape(name.substring(1, name.length() - 1)));
        }
        List<String> parts = new ArrayList<>();
        Table t = c.getTable();
        if (t != null && t.getName() != null) {
            if (t.getSchemaName() != null) {
                parts.add(SqlText.unquote(t.getSchemaName()));
            }
            parts.add(SqlText.unquote(t.getName()));
        }
        String col = SqlText.unquote(name);
        if (parts.isEmpty() && SqlText.isBitLiteral(name)) {
            return SqlLiteral.createBinaryString(SqlText.bitLiteralBytes(name), POS);
        }
        if (parts.isEmpty()) {
            String u = col.toUpperCase(Locale.ROOT);
            if (u.equals("CURRENT_TIMESTAMP") || u.equals("CURRENT_DATE") || u.equals("CURRENT_TIME")
                    || u.equals("LOCALTIME") || u.equals("LOCALTIMESTAMP") || u.equals("UTC_TIMESTAMP")
                    || u.equals("UTC_DATE")) {
                if (!name.startsWith("`")) {
                    return timeKey(u);
                }
            }
            if (u.equals("CURRENT_USER") && !name.startsWith("`")) {
                // CURRENT_USER without parentheses, as CURRENT_USER(): the one account.
                return string(Session.USER + "@" + Session.HOST);
            }
        }
        if (parts.isEmpty() && !scopes.isEmpty()) {
            String from = scopes.peekLast().coalescedFrom.get(col.toLowerCase(Locale.ROOT));
            if (from != null) {
                parts.add(from);
            }
        }
        parts.add(col);
        if (parts.size() == 3) {
            // db.table.column: Calcite knows the table by its alias in the FROM list (its name).
            parts.remove(0);
        }
        return new SqlIdentifier(parts, POS);
    }

    private static boolean isDoubleQuoted(Column c) {
        String n = c.getColumnName();
        return c.getTable() == null || c.getTable().getName() == null
                ? n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"") : false;
    }

    SqlNode timeKey(String key) {
        return switch (key.toUpperCase(Locale.ROOT)) {
            case "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP" -> hiddenParam(new HiddenParam(HiddenParam.Kind.NOW, null),
                    SqlTypeName.TIMESTAMP);
            case "CURRENT_DATE" -> cast(hiddenParam(new HiddenParam(HiddenParam.Kind.NOW, null), SqlTypeName.TIMESTAMP),
                    SqlTypeName.DATE);
            case "CURRENT_TIME" -> MySqlOperators.TIME_VALUE.createCall(POS,
                    cast(hiddenParam(new HiddenParam(HiddenParam.Kind.NOW, null), SqlTypeName.TIMESTAMP), SqlTypeName.TIME));
            case "UTC_TIMESTAMP" -> hiddenParam(new HiddenParam(HiddenParam.Kind.UTC_NOW, null), SqlTypeName.TIMESTAMP);
            case "UTC_DATE" -> cast(hiddenParam(new HiddenParam(HiddenParam.Kind.UTC_NOW, null), SqlTypeName.TIMESTAMP),
                    SqlTypeName.DATE);
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise(key);
        };
    }

    /** A session value as an extra typed parameter (see {@link HiddenParam}). */
    SqlNode hiddenParam(HiddenParam p, SqlTypeName type) {
        int index = hidden.indexOf(p);
        if (index < 0) {
            hidden.add(p);
            index = hidden.size() - 1;
        }
        SqlDynamicParam dp = new SqlDynamicParam(userParams + index, POS);
        if (type == null) {
            return dp; // the caller casts it
        }
        return type == SqlTypeName.VARCHAR ? cast(dp, type, 1024, -1) : cast(dp, type);
    }

    /**
     * {@code @@[global.|session.]name}: resolved now (1193, 1238), read at execution; typed as
     * MySQL returns it (integers and booleans as BIGINT, decimals as DOUBLE, the rest as text).
     */
    private SqlNode systemVariable(String name) {
        io.flushdb.sql.vars.Variables.Reference ref = io.flushdb.sql.vars.Variables.resolve(name);
        SqlTypeName type = switch (ref.variable().type()) {
            case BOOLEAN, INTEGER -> SqlTypeName.BIGINT;
            case DOUBLE -> SqlTypeName.DOUBLE;
            default -> SqlTypeName.VARCHAR;
        };
        return hiddenParam(new HiddenParam(HiddenParam.Kind.SYSTEM_VARIABLE, ref.key()), type);
    }

    /**
     * {@code @name}: typed by the value it holds now (the plan cache keys such statements by the
     * session's user variable types, see StatementRouter); an unset variable is a NULL string.
     */
    private SqlNode userVariable(String name) {
        String n = SqlText.unquote(name).toLowerCase(Locale.ROOT);
        Object value = session.variables().user(n);
        HiddenParam p = new HiddenParam(HiddenParam.Kind.USER_VARIABLE, n);
        if (value instanceof Long) {
            return hiddenParam(p, SqlTypeName.BIGINT);
        }
        if (value instanceof Double) {
            return hiddenParam(p, SqlTypeName.DOUBLE);
        }
        if (value instanceof java.math.BigDecimal d) {
            int scale = Math.max(0, Math.min(30, d.scale()));
            return cast(hiddenParam(p, null), SqlTypeName.DECIMAL, 65, scale);
        }
        if (value instanceof java.math.BigInteger) {
            return cast(hiddenParam(p, null), SqlTypeName.DECIMAL, 65, 0);
        }
        if (value instanceof byte[]) {
            return cast(hiddenParam(p, null), SqlTypeName.VARBINARY, 65535, -1);
        }
        return hiddenParam(p, SqlTypeName.VARCHAR);
    }

    static SqlNode string(String s) {
        return SqlLiteral.createCharString(s, "UTF8", POS);
    }

    private static SqlNode hex(String literal) {
        return SqlLiteral.createBinaryString(SqlText.hexLiteralBytes(literal), POS);
    }

    /** A MySQL TIME constant: an INTERVAL DAY TO SECOND literal (see TypeMapping.timeType). */
    static SqlNode timeLiteral(long micros) {
        long abs = Math.abs(micros);
        long millis = abs / 1000;
        long secs = millis / 1000;
        String text = String.format(Locale.ROOT, "%d %02d:%02d:%02d.%03d", secs / 86_400, secs / 3600 % 24,
                secs / 60 % 60, secs % 60, millis % 1000);
        return SqlLiteral.createInterval(micros < 0 ? -1 : 1, text, io.flushdb.sql.types.TypeMapping.TIME_QUALIFIER, POS);
    }

    private static String unquoteLiteral(String v) {
        if (v.length() >= 2 && (v.startsWith("'") || v.startsWith("\""))) {
            return unescape(v.substring(1, v.length() - 1));
        }
        return v;
    }

    private static SqlNode dateTimeLiteral(String type, String text) {
        switch (type.toUpperCase(Locale.ROOT)) {
            case "DATE": {
                java.time.LocalDate d = io.flushdb.sql.types.Temporal.parseDate(text);
                if (d == null) {
                    throw MySqlError.ER_WRONG_VALUE.raise("DATE", text);
                }
                return SqlLiteral.createDate(DateString.fromDaysSinceEpoch((int) d.toEpochDay()), POS);
            }
            case "TIME": {
                Long micros = io.flushdb.sql.types.Temporal.parseTimeMicros(text);
                if (micros == null) {
                    throw MySqlError.ER_WRONG_VALUE.raise("TIME", text);
                }
                return timeLiteral(micros);
            }
            default: {
                java.time.LocalDateTime dt = io.flushdb.sql.types.Temporal.parseDateTime(text);
                if (dt == null) {
                    java.time.LocalDate d = io.flushdb.sql.types.Temporal.parseDate(text);
                    if (d == null) {
                        throw MySqlError.ER_WRONG_VALUE.raise("DATETIME", text);
                    }
                    dt = d.atStartOfDay();
                }
                TimestampString ts = TimestampString.fromMillisSinceEpoch(
                        dt.toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
                return SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP, ts, 3, POS);
            }
        }
    }

    /** MySQL's string escapes: \n \t \r \0 \b \Z, '' and \' and \", and \\; \% and \_ keep their backslash. */
    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0 && raw.indexOf('\'') < 0 && raw.indexOf('"') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                char n = raw.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '0' -> sb.append('\0');
                    case 'b' -> sb.append('\b');
                    case 'Z' -> sb.append((char) 26);
                    case '%', '_' -> sb.append('\\').append(n);
                    default -> sb.append(n);
                }
            } else if ((c == '\'' || c == '"') && i + 1 < raw.length() && raw.charAt(i + 1) == c) {
                sb.append(c);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A word as written in the statement (JSqlParser upper-cases time units). */
    private String originalWord(String word) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\b" + java.util.regex.Pattern.quote(word) + "\\b")
                .matcher(sql);
        return m.find() ? m.group() : word;
    }

    /** The next user parameter's index (for FunctionMapping). */
    int nextParam() {
        return nextParam++;
    }

    Session session() {
        return session;
    }
}
