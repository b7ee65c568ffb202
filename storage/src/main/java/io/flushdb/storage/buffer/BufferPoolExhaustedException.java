package io.flushdb.storage.buffer;

/** Every frame of a buffer pool instance is fixed, so no page can be brought in. */
public final class BufferPoolExhaustedException extends RuntimeException {
    public BufferPoolExhaustedException(String message) {
        super(message);
    }
}
