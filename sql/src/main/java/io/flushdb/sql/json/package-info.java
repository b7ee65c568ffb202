/**
 * MySQL 8.0's JSON: documents as Java values ({@link io.flushdb.sql.json.Json}: parsing, the
 * canonical text MySQL prints, comparison), path expressions ({@code JsonPath}), the stored form
 * of a JSON column ({@code JsonText}) and the bodies of the JSON functions ({@code JsonFunctions}).
 *
 * <p>Owns: JSON semantics. Never touches: storage, plans, sessions.
 *
 * <p>Threads: any; the classes are stateless.
 *
 * <p>Invariant: a JSON column stores the canonical text of a valid document, so reading it back
 * needs no parsing and prints as MySQL prints it.
 */
package io.flushdb.sql.json;
