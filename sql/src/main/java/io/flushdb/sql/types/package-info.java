/**
 * Types and values across the three worlds a value passes through: MySQL column types
 * ({@code storage.dict.ColumnDef}), Calcite types ({@link io.flushdb.sql.types.TypeMapping}) and
 * result metadata types ({@link io.flushdb.sql.types.MySqlType}, {@code ColumnTypes}); and the
 * conversions between a value's forms ({@link io.flushdb.sql.types.CalciteValues}), into a
 * column's stored form with MySQL's rules ({@link io.flushdb.sql.types.StoreValues}), into exact
 * search keys ({@link io.flushdb.sql.types.KeyValues}), into MySQL's text ({@code MySqlValues}),
 * and temporal parsing ({@code Temporal}).
 *
 * <p>Owns: how each value is represented in each form. Never touches: storage structures, plans,
 * sessions (warnings go to a sink the caller passes).
 *
 * <p>Threads: any; the classes are stateless.
 *
 * <p>A value takes three forms: <em>stored</em> (the storage engine's Java types),
 * <em>Calcite's internal</em> form (what generated code computes with) and <em>canonical</em>
 * (what results hold: see {@code exec.StatementResult}).
 *
 * <p>Invariants:
 * <ul>
 *   <li>TY1: in strict mode (how DML always calls {@code StoreValues.coerce}), a value the column
 *       cannot hold (out of range, too long, non-numeric text, an invalid date or time) is an
 *       error (1264, 1406, 1366, 1292), never a changed value with a warning. The adjustments
 *       MySQL makes with a note in every mode (a DECIMAL rounded to the column's scale, trailing
 *       spaces cut to fit, a time of day dropped from a DATE) come with note 1265.</li>
 *   <li>TY2: {@code KeyValues.exactStored} returns a stored value only when converting it back
 *       gives the same value, with no warning; otherwise {@code KeyValues.INEXACT}, so an index
 *       lookup finds exactly the rows the comparison would.</li>
 *   <li>TY3: temporal values keep microseconds when stored but pass through Calcite with
 *       milliseconds, so a query yields at most three fractional digits.</li>
 * </ul>
 */
package io.flushdb.sql.types;
