package io.flushdb.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flushdb.storage.testing.SeededRandom;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageHashTest {
    @Test
    void agreesWithAHashMapUnderRandomPutsAndRemoves() {
        SeededRandom rnd = new SeededRandom();
        int frames = 257;
        PageHash hash = new PageHash(frames);
        Map<Long, Integer> model = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = ((long) rnd.nextInt(4) << 32) | rnd.nextInt(600);
            if (model.containsKey(key)) {
                if (rnd.nextBoolean()) {
                    hash.remove(key);
                    model.remove(key);
                }
            } else if (model.size() < frames) {
                int v = rnd.nextInt(frames);
                hash.put(key, v);
                model.put(key, v);
            }
            if (i % 1000 == 0) {
                for (Map.Entry<Long, Integer> e : model.entrySet()) {
                    assertEquals(e.getValue(), hash.get(e.getKey()), rnd.toString());
                }
                assertEquals(model.size(), hash.size(), rnd.toString());
            }
            long probe = ((long) rnd.nextInt(4) << 32) | rnd.nextInt(600);
            assertEquals(model.getOrDefault(probe, -1), hash.get(probe), rnd.toString());
        }
    }
}
