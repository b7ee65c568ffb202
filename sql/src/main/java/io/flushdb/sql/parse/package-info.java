/**
 * Statement text handling: lexical helpers ({@link io.flushdb.sql.parse.SqlText}) and the
 * JSqlParser set-up with MySQL's lexical rules ({@link io.flushdb.sql.parse.MySqlParser}).
 */
package io.flushdb.sql.parse;
