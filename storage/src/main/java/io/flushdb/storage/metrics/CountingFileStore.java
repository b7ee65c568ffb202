package io.flushdb.storage.metrics;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.ForwardingFileIO;
import java.nio.ByteBuffer;

/**
 * A {@link FileStore} that counts the I/O done on the files it opens into {@link InnodbCounters}:
 * calls, bytes and the calls in flight, for reads, writes and forces. The engine opens every
 * file of its data directory through one of these, so the counts are InnoDB's
 * {@code Innodb_data_*} figures ("OS file reads / writes / fsyncs" in SHOW ENGINE INNODB STATUS).
 *
 * <p>Everything else (names, existence, deletes, renames) passes through uncounted. A counted
 * call is counted when it returns successfully; the pending figure covers the call whether it
 * succeeds or fails (MET2). Counting allocates nothing per call.
 *
 * <p>Concurrency: as thread-safe as the wrapped store and files.
 */
public final class CountingFileStore extends io.flushdb.storage.io.ForwardingFileStore {
    private final InnodbCounters counters;

    public CountingFileStore(FileStore target, InnodbCounters counters) {
        super(target);
        this.counters = counters;
    }

    @Override
    public FileIO open(String name, boolean create) {
        return new CountingFileIO(target.open(name, create), counters);
    }

    /** One open file whose reads, writes and forces are counted. */
    private static final class CountingFileIO extends ForwardingFileIO {
        private final InnodbCounters counters;

        CountingFileIO(FileIO file, InnodbCounters counters) {
            super(file);
            this.counters = counters;
        }

        @Override
        public void read(long position, ByteBuffer dst) {
            int bytes = dst.remaining();
            counters.dataPendingReads.increment();
            try {
                file.read(position, dst);
                counters.dataReads.increment();
                counters.dataBytesRead.add(bytes);
            } finally {
                counters.dataPendingReads.decrement();
            }
        }

        @Override
        public void write(long position, ByteBuffer src) {
            int bytes = src.remaining();
            counters.dataPendingWrites.increment();
            try {
                file.write(position, src);
                counters.dataWrites.increment();
                counters.dataBytesWritten.add(bytes);
            } finally {
                counters.dataPendingWrites.decrement();
            }
        }

        @Override
        public void force() {
            counters.dataPendingFsyncs.increment();
            try {
                file.force();
                counters.dataFsyncs.increment();
            } finally {
                counters.dataPendingFsyncs.decrement();
            }
        }
    }
}
