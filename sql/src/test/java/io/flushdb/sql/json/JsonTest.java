package io.flushdb.sql.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.sql.error.MySqlException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Parsing, MySQL's canonical text, comparison and paths of JSON documents. */
class JsonTest {

    private static String canonical(String text) {
        return Json.write(Json.parse(text));
    }

    @Test
    void canonicalTextSortsKeysByLengthThenBytesAndKeepsTheLastDuplicate() {
        assertEquals("{\"b\": 2, \"aa\": 1, \"ab\": [1, 2]}", canonical("{\"ab\":[1,2],\"aa\":1,\"b\":2}"));
        assertEquals("{\"a\": 3}", canonical("{\"a\":1,\"a\":3}"));
        assertEquals("[]", canonical(" [ ] "));
        assertEquals("{}", canonical("{}"));
    }

    @Test
    void numbersKeepMySqlsForms() {
        assertEquals("[1, -2, 1.5, 100.0, 1.0, 1e300]", canonical("[1, -2, 1.5, 1e2, 1.0, 1e300]"));
        assertEquals(new BigInteger("18446744073709551615"), Json.parse("18446744073709551615"));
        assertEquals("UNSIGNED INTEGER", Json.typeName(Json.parse("18446744073709551615")));
        assertEquals("DOUBLE", Json.typeName(Json.parse("18446744073709551616")));
    }

    @Test
    void stringsAreEscapedAsMySqlWritesThem() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001é/\"", canonical("\"a\\\"b\\\\c\\n\\u0001\\u00e9\\/\""));
    }

    @Test
    void invalidTextReportsReasonAndPosition() {
        Json.ParseError e = assertThrows(Json.ParseError.class, () -> Json.parse("{\"a\": }"));
        assertEquals(6, e.position);
        assertThrows(Json.ParseError.class, () -> Json.parse(""));
        assertThrows(Json.ParseError.class, () -> Json.parse("[1,]"));
        assertThrows(Json.ParseError.class, () -> Json.parse("nul"));
        assertThrows(Json.ParseError.class, () -> Json.parse("1 2"));
        assertFalse(Json.isValid("{a:1}"));
        assertTrue(Json.isValid(" \"x\" "));
    }

    @Test
    void comparisonOrdersNumbersByValueAndTypesByPrecedence() {
        assertEquals(0, Json.compare(Json.parse("1"), Json.parse("1.0")));
        assertTrue(Json.compare(Json.parse("2"), Json.parse("10")) < 0);
        assertTrue(Json.compare(Json.parse("\"a\""), Json.parse("1")) > 0);
        assertEquals(0, Json.compare(Json.parse("{\"a\": [1, 2]}"), Json.parse("{\"a\": [1, 2.0]}")));
        assertTrue(Json.compare(Json.parse("[1, 2]"), Json.parse("[1, 3]")) < 0);
    }

    @Test
    void pathsFindValuesWithWildcardsAndLast() {
        Object doc = Json.parse("{\"a\": [1, 2, {\"b\": 3}], \"c\": {\"b\": 4}}");
        assertEquals("[3]", Json.write(JsonPath.parse("$.a[last].b").find(doc)));
        assertEquals("[2]", Json.write(JsonPath.parse("$.a[last-1]").find(doc)));
        assertEquals("[3, 4]", Json.write(JsonPath.parse("$**.b").find(doc)));
        assertEquals("[1, 2]", Json.write(JsonPath.parse("$.a[0 to 1]").find(doc)));
        assertEquals("[{\"b\": 4}]", Json.write(JsonPath.parse("$.c[0]").find(doc)));
        assertTrue(JsonPath.parse("$.*").hasWildcards());
        assertThrows(MySqlException.class, () -> JsonPath.parse("a"));
        assertThrows(MySqlException.class, () -> JsonPath.parse("$."));
        assertThrows(MySqlException.class, () -> JsonPath.parse("$[1"));
    }

    @Test
    void changesFollowJsonSetInsertReplaceRules() {
        assertEquals("{\"a\": [1, 2]}", Json.write(JsonPath.parse("$.a[1]").change(Json.parse("{\"a\": 1}"), 2L,
                JsonPath.Change.SET)));
        assertEquals("{\"a\": 1, \"b\": 1}", Json.write(JsonPath.parse("$.a[1]").change(Json.parse("{\"a\": 1, \"b\": 1}"),
                2L, JsonPath.Change.REPLACE)));
        assertEquals("[1, 2, 9]", Json.write(JsonPath.parse("$[7]").change(Json.parse("[1, 2]"), 9L,
                JsonPath.Change.INSERT)));
        assertEquals("{\"a\": 1}", Json.write(JsonPath.parse("$.x.y").change(Json.parse("{\"a\": 1}"), 9L,
                JsonPath.Change.SET)));
        assertEquals("[1, 3]", Json.write(JsonPath.parse("$[1]").remove(Json.parse("[1, 2, 3]"))));
    }

    @Test
    void functionsTakeJsonOperandsAsDocumentsAndTextAsStrings() {
        assertEquals("{\"a\": [1], \"b\": \"[1]\"}", JsonFunctions.object(new Object[] {"a", "[1]", "b", "[1]", 2L}));
        assertEquals("[null, 1.5]", JsonFunctions.array(new Object[] {null, new java.math.BigDecimal("1.5"), 0L}));
        assertEquals(1L, JsonFunctions.contains(new Object[] {"[1, [2, 3]]", "[3]"}));
        assertEquals(0L, JsonFunctions.contains(new Object[] {"{\"a\": 1}", "{\"a\": 2}"}));
        assertEquals("a\tb", JsonFunctions.unquote(new Object[] {"\"a\\tb\""}));
        MySqlException e = assertThrows(MySqlException.class, () -> JsonFunctions.extract(new Object[] {"{", "$"}));
        assertEquals(3141, e.code());
    }
}
