/**
 * Query planning with Apache Calcite: translating JSqlParser's tree into Calcite's
 * ({@link io.flushdb.sql.plan.SqlNodeTranslator}, with MySQL's meaning for literals, operators,
 * session values and names), validating and converting it to relational algebra and optimising it
 * ({@link io.flushdb.sql.plan.QueryCompiler}), giving the logical plan MySQL's type-dependent
 * semantics ({@code MySqlRewriter}: collations, checked BIGINT arithmetic, SUM as DECIMAL, binary
 * versus text), MySQL's type rules ({@code MySqlTypeSystem}, {@code MySqlTypeCoercion},
 * {@code MySqlResultTypes}, {@code ResultColumns}), and caching the result
 * ({@link io.flushdb.sql.plan.CompiledQuery}, {@link io.flushdb.sql.plan.PlanCache}). Below it:
 * {@code schema} (the dictionary as Calcite tables), {@code rel} (FlushDB's scan operators),
 * {@code rules} (FlushDB's planner rules), {@code functions} (MySQL's operators and functions).
 *
 * <p>Owns: everything between a parsed query and generated code, and the result metadata of a
 * query. Never touches: locks (the router takes them after planning) or row changes; pages are
 * read only by the generated code, through {@code rel}'s runtimes.
 *
 * <p>Threads: compilation runs on the thread of the session that needs the plan. Compiled plans
 * are shared and may run in several sessions at once; {@code PlanCache} is synchronized; a
 * {@code QueryContext} belongs to one execution.
 *
 * <p>Invariants:
 * <ul>
 *   <li>PL1: a {@code CompiledQuery} is immutable and holds nothing of a session or a moment:
 *       {@code LAST_INSERT_ID()}, {@code DATABASE()}, {@code CONNECTION_ID()}, the current time
 *       and {@code @@} variables are hidden parameters ({@code HiddenParam}) after the user's,
 *       bound at each execution.</li>
 *   <li>PL2: the plan cache key is the statement text (with a marker for stored-values
 *       compilations), the default database and the dictionary version. Every DDL increments the
 *       version, so a plan, and the {@code TableStore}s its scans captured, is never found for a
 *       schema other than the one it was compiled against.</li>
 *   <li>PL3: after {@code MySqlRewriter}, comparisons of two text values, and sorts and groupings
 *       on text, work on collation keys ({@code MYSQL_SORT_KEY}), so text compares as its MySQL
 *       collation orders it; an index keeps the same order, so the index rule can use such a
 *       comparison when its collation is the column's own.</li>
 *   <li>PL4: planning failures become MySQL errors here: validator errors through
 *       {@code ValidationErrors}, an unplannable shape as 1235.</li>
 * </ul>
 */
package io.flushdb.sql.plan;
