package io.flushdb.bench.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    @Test
    void rowContentsArePureFunctionsOfTheId() {
        assertEquals(BenchTable.k(12_345), BenchTable.k(12_345));
        assertSame(BenchTable.v(12_345), BenchTable.v(12_345));
        assertNotEquals(BenchTable.k(1), BenchTable.k(2));
    }

    @Test
    void valuesAreSixtyCharactersAndVaried() {
        Set<String> distinct = new HashSet<>();
        for (long id = 0; id < 10_000; id++) {
            assertEquals(BenchTable.VALUE_LENGTH, BenchTable.v(id).length());
            distinct.add(BenchTable.v(id));
        }
        assertEquals(1024, distinct.size());
    }

    @Test
    void sequenceNumbersNumberTheOperations() {
        assertEquals(120_000, new WorkloadSettings(1, 20_000, 100_000, 42).totalOps());
    }
}
