package io.flushdb.storage.testing;

import io.flushdb.storage.util.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test advances it. */
public final class ManualClock implements Clock {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long millis() {
        return nanos.get() / 1_000_000L;
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    public void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }
}
