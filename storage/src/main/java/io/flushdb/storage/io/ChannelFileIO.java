package io.flushdb.storage.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * {@link FileIO} over a {@link FileChannel}: positional reads and writes, and
 * {@code FileChannel.force(true)} for {@link #force()}, which makes the file's metadata durable
 * with its content, so the new size of a file extended by a write is durable too.
 */
public final class ChannelFileIO implements FileIO {
    private final String name;
    private final FileChannel channel;

    public ChannelFileIO(String name, FileChannel channel) {
        this.name = name;
        this.channel = channel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void read(long position, ByteBuffer dst) {
        long pos = position;
        try {
            while (dst.hasRemaining()) {
                int n = channel.read(dst, pos);
                if (n < 0) {
                    // Past the end of the file: the rest reads as zeros.
                    while (dst.hasRemaining()) {
                        dst.put((byte) 0);
                    }
                    return;
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new StorageIOException(name, pos, "read", e);
        }
    }

    @Override
    public void write(long position, ByteBuffer src) {
        long pos = position;
        try {
            while (src.hasRemaining()) {
                pos += channel.write(src, pos);
            }
        } catch (IOException e) {
            throw new StorageIOException(name, pos, "write", e);
        }
    }

    @Override
    public void force() {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new StorageIOException(name, -1, "fsync", e);
        }
    }

    @Override
    public long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new StorageIOException(name, -1, "size", e);
        }
    }

    @Override
    public void truncate(long length) {
        try {
            long size = channel.size();
            if (length < size) {
                channel.truncate(length);
            } else if (length > size) {
                channel.write(ByteBuffer.allocate(1), length - 1);
            }
        } catch (IOException e) {
            throw new StorageIOException(name, length, "truncate", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new StorageIOException(name, -1, "close", e);
        }
    }
}
