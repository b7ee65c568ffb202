package io.flushdb.storage.btree;

import java.nio.ByteBuffer;

/**
 * A reusable holder for a record's lock name ({@link BTree#lockKey(ByteBuffer, int, LockKey)}):
 * the key is {@code bytes()[0, length())}. A cursor that locks record after record fills one
 * holder again and again, so naming a record allocates nothing once the array is large enough;
 * the lock system copies the bytes only when it makes a new lock queue.
 *
 * <p>Concurrency: one thread.
 */
public final class LockKey {
    private byte[] bytes = new byte[64];
    private ByteBuffer buffer = ByteBuffer.wrap(bytes);
    private int length;

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** An empty buffer of at least {@code capacity} bytes to encode into, positioned at 0. */
    ByteBuffer prepare(int capacity) {
        if (bytes.length < capacity) {
            bytes = new byte[Math.max(capacity, bytes.length * 2)];
            buffer = ByteBuffer.wrap(bytes);
        }
        buffer.clear();
        return buffer;
    }

    void setLength(int length) {
        this.length = length;
    }
}
