package io.flushdb.storage.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollationTest {
    private static int cmpBytes(Collation c, String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return c.compare(ByteBuffer.wrap(x), 0, x.length, ByteBuffer.wrap(y), 0, y.length);
    }

    @Test
    void defaultCollationIsCaseAndAccentInsensitiveAndNoPad() {
        Collation c = Collation.UTF8MB4_0900_AI_CI;
        assertEquals(0, cmpBytes(c, "abc", "ABC"));
        assertEquals(0, cmpBytes(c, "Résumé", "resume"));
        assertEquals(0, c.compare("Müller", "MULLER"));
        assertTrue(cmpBytes(c, "a", "a ") < 0, "NO PAD: a trailing space counts");
        assertTrue(cmpBytes(c, "a", "B") < 0);
        assertEquals(c.sortKey("ÉCOLE"), c.sortKey("ecole"));
    }

    @Test
    void punctuationSortsBeforeDigitsBeforeLetters() {
        Collation c = Collation.UTF8MB4_0900_AI_CI;
        List<String> words = new ArrayList<>(Arrays.asList("b", "a_b", "ab", "A1", "a-b", "a b", "9", "_"));
        words.sort(c::compare);
        assertEquals(List.of("_", "9", "a b", "a_b", "a-b", "A1", "ab", "b"), words);
        for (int i = 1; i < words.size(); i++) {
            assertTrue(cmpBytes(c, words.get(i - 1), words.get(i)) < 0, "byte and string comparisons agree");
        }
    }

    @Test
    void binaryAndPadSpaceCollations() {
        assertTrue(Collation.UTF8MB4_BIN.compare("a", "B") > 0, "bin compares code points");
        assertTrue(cmpBytes(Collation.UTF8MB4_BIN, "é", "f") > 0);
        assertEquals(0, cmpBytes(Collation.UTF8MB4_GENERAL_CI, "a", "A  "), "PAD SPACE ignores trailing spaces");
    }
}
