package io.flushdb.sql.vars;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/variables.md is generated from the registry; this keeps the committed page current. */
class VariableDocsTest {
    private static final Path PAGE = Path.of("..", "docs", "variables.md");

    @Test
    void theReferencePageMatchesTheRegistry() throws Exception {
        String generated = VariableDocs.page();
        if (Boolean.getBoolean("flushdb.docs.write")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(PAGE), "docs/variables.md is missing: run this test with -Dflushdb.docs.write=true");
        assertEquals(generated, Files.readString(PAGE, StandardCharsets.UTF_8),
                "docs/variables.md is stale: run this test with -Dflushdb.docs.write=true");
    }

    @Test
    void everyVariableIsDocumented() {
        for (SystemVariable v : SystemVariables.all()) {
            assertTrue(!v.effect().isEmpty(), v.name() + " has no documented effect");
        }
    }
}
