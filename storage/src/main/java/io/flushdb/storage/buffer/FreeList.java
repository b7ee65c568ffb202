package io.flushdb.storage.buffer;

/**
 * Frames holding no page, ready to receive one: a stack of frame indexes (last freed, first
 * reused, which keeps recently touched memory warm).
 *
 * <p>Concurrency: none; guarded by the instance mutex.
 */
final class FreeList {
    private final int[] stack;
    private int size;

    FreeList(int capacity) {
        stack = new int[capacity];
    }

    void push(int frame) {
        stack[size++] = frame;
    }

    /** A free frame's index, or -1 when the list is empty. */
    int pop() {
        return size == 0 ? -1 : stack[--size];
    }

    int size() {
        return size;
    }

    boolean contains(int frame) {
        for (int i = 0; i < size; i++) {
            if (stack[i] == frame) {
                return true;
            }
        }
        return false;
    }
}
