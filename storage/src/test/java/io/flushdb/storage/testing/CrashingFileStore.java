package io.flushdb.storage.testing;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.io.StorageIOException;
import java.io.FileNotFoundException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * A memory-backed {@link FileStore} that simulates a power failure, for crash-recovery tests.
 *
 * <p>Model: every file has two images. The <em>volatile</em> image is what reads see: every
 * completed {@link FileIO#write write} and {@link FileIO#truncate truncate} (the OS page cache).
 * The <em>durable</em> image is the file's content as of its last {@link FileIO#force() force}
 * (what reached the platter); a force copies volatile to durable for that one file. Metadata
 * operations (creating a file through {@code open(name, true)}, {@link #delete}, {@link #rename},
 * {@link #createDirectory}, {@link #deleteDirectory}) change both images at once: directory
 * operations are treated as durable immediately, as if every directory were fsynced after each
 * change. A renamed file takes both its images to the new name; an open {@link FileIO} keeps
 * following the file it opened across a rename, and keeps writing to a deleted file's orphaned
 * content (POSIX semantics).
 *
 * <p>Crashes: {@link #arm arm} one {@link CrashPoint} (a write or a force of matching files, fired
 * {@link Phase#BEFORE before}, {@link Phase#AFTER after} or, for writes, {@link Phase#MID in the
 * middle} of the nth matching call), or {@link #crashNow()} to pull the plug between two calls.
 * Once crashed the "process" is dead: the triggering call and every later call on the store or on
 * any {@link FileIO} it opened throws {@link SimulatedCrash}, an {@link Error} so that engine code
 * catching {@link RuntimeException} does not swallow it. The exceptions are {@link FileIO#close()}
 * (a no-op, since engines close files in finally blocks), {@link FileIO#name()}, {@link
 * #persistent()} and {@link #location()}, which describe the store rather than touch it. After the
 * crash (or at any time) {@link #afterPowerLoss()} gives the data directory a restarted machine
 * would find (the durable images), {@link #afterProcessKill()} the one a restarted process would
 * find after SIGKILL (the volatile images); both are deep copies on which the engine can reopen.
 *
 * <p>Positional writes past the end extend the file with zeros and reads past the end return zeros,
 * as {@link io.flushdb.storage.io.MemoryFileIO} does.
 *
 * <p>Concurrency: every method of the store and of its files synchronizes on the store, so the
 * engine's I/O threads may use it concurrently and a crash is seen by all of them at once.
 */
public final class CrashingFileStore implements FileStore {
    /** The unit in which a write tears ({@link Phase#MID}). */
    public static final int SECTOR = 512;

    /** The I/O call a {@link CrashPoint} watches. */
    public enum Operation {
        WRITE,
        FORCE
    }

    /** When, relative to the watched call, the crash fires. */
    public enum Phase {
        /** The call does not happen. */
        BEFORE,
        /**
         * Writes only: the first k 512-byte sectors of the write reach the durable image (a torn
         * write that partly reached the platter), the rest is lost.
         */
        MID,
        /** The call completes (a force makes the file durable), then the crash fires. */
        AFTER
    }

    /**
     * Thrown by the call that crashes the store and by every call after it. An {@link Error}, so
     * that engine code catching {@link RuntimeException} lets it through as it would a dead
     * process.
     */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash(String message) {
            super(message);
        }

        SimulatedCrash(String message, SimulatedCrash first) {
            super(message, first);
        }
    }

    /**
     * Where to crash: an operation on files whose name matches, in a phase, optionally only at
     * positions that match, on the nth matching call after {@link #arm arming}. Immutable; the
     * {@code nth}, {@code at} and {@code tornSectors} methods return modified copies.
     *
     * <pre>{@code
     * store.arm(CrashPoint.write("#innodb_redo/", Phase.BEFORE).nth(3));
     * store.arm(CrashPoint.write("db/t.ibd", Phase.MID).at(pos -> pos >= 16384).tornSectors(1));
     * store.arm(CrashPoint.force(name -> name.endsWith(".dblwr"), Phase.AFTER));
     * }</pre>
     */
    public static final class CrashPoint {
        private final Operation operation;
        private final Phase phase;
        private final Predicate<String> files;
        private final String filesDescription;
        private final LongPredicate position;
        private final boolean anyPosition;
        private final int nth;
        private final int tornSectors;

        private CrashPoint(Operation operation, Phase phase, Predicate<String> files, String filesDescription,
                LongPredicate position, boolean anyPosition, int nth, int tornSectors) {
            this.operation = operation;
            this.phase = phase;
            this.files = files;
            this.filesDescription = filesDescription;
            this.position = position;
            this.anyPosition = anyPosition;
            this.nth = nth;
            this.tornSectors = tornSectors;
        }

        private static CrashPoint of(Operation op, Phase phase, Predicate<String> files, String description) {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(files, "files");
            if (op == Operation.FORCE && phase == Phase.MID) {
                throw new IllegalArgumentException("a force has no middle: use BEFORE or AFTER");
            }
            return new CrashPoint(op, phase, files, description, p -> true, true, 1, -1);
        }

        /** A write to a file whose name starts with {@code namePrefix} ("" matches every file). */
        public static CrashPoint write(String namePrefix, Phase phase) {
            return of(Operation.WRITE, phase, n -> n.startsWith(namePrefix), "files starting with '" + namePrefix + "'");
        }

        /** A write to a file whose name matches {@code files}. */
        public static CrashPoint write(Predicate<String> files, Phase phase) {
            return of(Operation.WRITE, phase, files, "matching files");
        }

        /** A force of a file whose name starts with {@code namePrefix} ("" matches every file). */
        public static CrashPoint force(String namePrefix, Phase phase) {
            return of(Operation.FORCE, phase, n -> n.startsWith(namePrefix), "files starting with '" + namePrefix + "'");
        }

        /** A force of a file whose name matches {@code files}. */
        public static CrashPoint force(Predicate<String> files, Phase phase) {
            return of(Operation.FORCE, phase, files, "matching files");
        }

        /** Fires on the {@code n}th matching call after arming (1, the default, is the first). */
        public CrashPoint nth(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("occurrence numbers start at 1: " + n);
            }
            return new CrashPoint(operation, phase, files, filesDescription, position, anyPosition, n, tornSectors);
        }

        /**
         * Only writes whose starting offset matches count (writes only: a force has no position).
         */
        public CrashPoint at(LongPredicate writePosition) {
            Objects.requireNonNull(writePosition, "writePosition");
            if (operation != Operation.WRITE) {
                throw new IllegalStateException("only a write has a position");
            }
            return new CrashPoint(operation, phase, files, filesDescription, writePosition, false, nth, tornSectors);
        }

        /**
         * For {@link Phase#MID}: how many of the write's sectors reach the durable image. The write's
         * sectors are the 512-byte sectors of the file it touches, aligned on file offsets; {@code k}
         * larger than their number keeps the whole write. The default is half of them, rounded down.
         */
        public CrashPoint tornSectors(int k) {
            if (phase != Phase.MID) {
                throw new IllegalStateException("torn sectors apply to a MID write crash only, not " + phase);
            }
            if (k < 0) {
                throw new IllegalArgumentException("negative sector count: " + k);
            }
            return new CrashPoint(operation, phase, files, filesDescription, position, anyPosition, nth, k);
        }

        public Operation operation() {
            return operation;
        }

        public Phase phase() {
            return phase;
        }

        public int occurrence() {
            return nth;
        }

        boolean matches(Operation op, String fileName, long pos) {
            return op == operation && files.test(fileName) && (op != Operation.WRITE || position.test(pos));
        }

        @Override
        public String toString() {
            return phase + " " + operation.name().toLowerCase(Locale.ROOT) + " #" + nth + " of "
                    + filesDescription + (anyPosition ? "" : " at matching positions")
                    + (phase == Phase.MID ? (tornSectors < 0 ? ", half the sectors torn in" : ", " + tornSectors + " sector(s) torn in") : "");
        }
    }

    /** A file's content and length; grows like {@link io.flushdb.storage.io.MemoryFileIO}. */
    private static final class Image {
        private byte[] data = new byte[0];
        private int length;

        Image copy() {
            Image c = new Image();
            c.data = Arrays.copyOf(data, length);
            c.length = length;
            return c;
        }

        void ensureCapacity(int needed) {
            if (needed > data.length) {
                data = Arrays.copyOf(data, Math.max(needed, Math.min(Integer.MAX_VALUE - 8, data.length * 2 + 65536)));
            }
        }

        /** Copies {@code n} bytes of {@code src} (from its position, not moving it) to {@code position}. */
        void write(int position, ByteBuffer src, int n) {
            ensureCapacity(position + n);
            src.duplicate().get(data, position, n);
            if (position > length) {
                Arrays.fill(data, length, position, (byte) 0);
            }
            length = Math.max(length, position + n);
        }

        void read(long position, ByteBuffer dst) {
            int n = dst.remaining();
            int available = (int) Math.max(0, Math.min(n, length - position));
            if (available > 0) {
                dst.put(data, (int) position, available);
            }
            for (int i = available; i < n; i++) {
                dst.put((byte) 0);
            }
        }

        void truncate(int newLength) {
            ensureCapacity(newLength);
            if (newLength < length) {
                Arrays.fill(data, newLength, length, (byte) 0);
            } else {
                Arrays.fill(data, length, newLength, (byte) 0);
            }
            length = newLength;
        }
    }

    /** One file: its current name (follows renames) and its two images. */
    private static final class Node {
        private String name;
        private final Image volatileImage = new Image();
        private Image durableImage = new Image();

        Node(String name) {
            this.name = name;
        }
    }

    private final String name;
    private final Map<String, Node> files = new TreeMap<>();
    private final TreeSet<String> directories = new TreeSet<>();
    private CrashPoint armed;
    private int events;
    private SimulatedCrash crash;

    public CrashingFileStore(String name) {
        this.name = name;
    }

    // ---- crash control ----------------------------------------------------------------------

    /** Arms {@code point}, replacing any armed one, and restarts the {@link #events()} count. */
    public synchronized void arm(CrashPoint point) {
        armed = Objects.requireNonNull(point, "point");
        events = 0;
    }

    /** Disarms the crash point; {@link #events()} keeps its count. */
    public synchronized void disarm() {
        armed = null;
    }

    /**
     * Crashes now, between two calls: every later call throws {@link SimulatedCrash}. This call
     * itself does not throw; it does nothing when the store has already crashed.
     */
    public synchronized void crashNow() {
        if (crash == null) {
            crash = new SimulatedCrash("simulated crash of " + location() + ": crashNow()");
        }
    }

    /** Whether the store has crashed. */
    public synchronized boolean crashed() {
        return crash != null;
    }

    /** The crash thrown by the call that crashed the store (or made by {@link #crashNow()}); null before. */
    public synchronized SimulatedCrash crash() {
        return crash;
    }

    /**
     * How many calls matched the armed point's operation, files and positions since it was armed,
     * including the one that fired it. To pick an {@code nth}, arm the point with
     * {@code nth(Integer.MAX_VALUE)}, run the workload and read this count.
     */
    public synchronized int events() {
        return events;
    }

    /**
     * The data directory as a machine restarted after a power failure now (or at the crash) finds
     * it: every file's durable image (including a torn write's prefix) and every directory. A new,
     * independent store.
     */
    public synchronized MemoryFileStore afterPowerLoss() {
        return snapshot(true);
    }

    /**
     * The data directory as a process restarted after being killed now (or at the crash) finds it:
     * every file's volatile image, so nothing completed is lost. A new, independent store.
     */
    public synchronized MemoryFileStore afterProcessKill() {
        return snapshot(false);
    }

    private MemoryFileStore snapshot(boolean durable) {
        MemoryFileStore copy = new MemoryFileStore(name);
        for (String dir : directories) {
            copy.createDirectory(dir);
        }
        for (Map.Entry<String, Node> e : files.entrySet()) {
            Image image = durable ? e.getValue().durableImage : e.getValue().volatileImage;
            FileIO f = copy.open(e.getKey(), true);
            try {
                if (image.length > 0) {
                    f.write(0, ByteBuffer.wrap(image.data, 0, image.length));
                }
            } finally {
                f.close();
            }
        }
        return copy;
    }

    private void checkAlive() {
        if (crash != null) {
            throw new SimulatedCrash("the store has crashed (" + crash.getMessage() + ")", crash);
        }
    }

    /** Counts a call if it matches the armed point; returns the phase to crash in, or null. */
    private Phase match(Operation op, String fileName, long position) {
        CrashPoint p = armed;
        if (p == null || !p.matches(op, fileName, position)) {
            return null;
        }
        events++;
        return events == p.nth ? p.phase : null;
    }

    private SimulatedCrash fire(String what) {
        crash = new SimulatedCrash("simulated crash of " + location() + " at " + armed + ": " + what);
        armed = null;
        return crash;
    }

    // ---- FileStore --------------------------------------------------------------------------

    @Override
    public synchronized FileIO open(String fileName, boolean create) {
        checkAlive();
        Node node = files.get(fileName);
        if (node == null) {
            if (!create) {
                throw new StorageIOException(fileName, -1, "open", new FileNotFoundException(fileName));
            }
            node = new Node(fileName);
            files.put(fileName, node);
            addParents(fileName);
        }
        return new CrashingFileIO(fileName, node);
    }

    private void addParents(String path) {
        for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
            directories.add(path.substring(0, slash));
        }
    }

    @Override
    public synchronized boolean exists(String fileName) {
        checkAlive();
        return files.containsKey(fileName) || directories.contains(fileName);
    }

    @Override
    public synchronized void delete(String fileName) {
        checkAlive();
        files.remove(fileName);
    }

    @Override
    public synchronized void rename(String from, String to) {
        checkAlive();
        Node node = files.remove(from);
        if (node == null) {
            throw new StorageIOException(from, -1, "rename", new FileNotFoundException(from));
        }
        node.name = to;
        files.put(to, node);
        addParents(to);
    }

    @Override
    public synchronized void createDirectory(String dir) {
        checkAlive();
        directories.add(dir);
        addParents(dir);
    }

    @Override
    public synchronized void deleteDirectory(String dir) {
        checkAlive();
        String prefix = dir + "/";
        files.keySet().removeIf(k -> k.startsWith(prefix));
        directories.removeIf(d -> d.equals(dir) || d.startsWith(prefix));
    }

    @Override
    public synchronized List<String> list(String dir) {
        checkAlive();
        String prefix = dir.isEmpty() ? "" : dir + "/";
        TreeSet<String> out = new TreeSet<>();
        for (String k : files.keySet()) {
            addChild(out, prefix, k);
        }
        for (String d : directories) {
            addChild(out, prefix, d);
        }
        return new ArrayList<>(out);
    }

    private static void addChild(TreeSet<String> out, String prefix, String path) {
        if (path.startsWith(prefix) && path.length() > prefix.length()) {
            String rest = path.substring(prefix.length());
            int slash = rest.indexOf('/');
            out.add(slash < 0 ? rest : rest.substring(0, slash));
        }
    }

    /** True: the engine treats this store as a disk, whose files outlive the process. */
    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public String location() {
        return "crash:" + name;
    }

    // ---- files ------------------------------------------------------------------------------

    private synchronized void read(Node node, long position, ByteBuffer dst) {
        checkAlive();
        node.volatileImage.read(position, dst);
    }

    private synchronized void write(String handleName, Node node, long position, ByteBuffer src) {
        checkAlive();
        int n = src.remaining();
        long end = position + n;
        if (position < 0 || end > Integer.MAX_VALUE - 8) {
            throw new StorageIOException(handleName, position, "write",
                    new IllegalStateException(position < 0 ? "negative position" : "in-memory file too large"));
        }
        Phase phase = match(Operation.WRITE, node.name, position);
        String what = "write of " + n + " bytes at " + position + " to '" + node.name + "'";
        if (phase == Phase.BEFORE) {
            throw fire(what);
        }
        if (phase == Phase.MID) {
            int torn = tornBytes(position, n, armed.tornSectors);
            node.durableImage.write((int) position, src, torn);
            node.volatileImage.write((int) position, src, torn);
            throw fire(what + ", " + torn + " bytes torn in");
        }
        node.volatileImage.write((int) position, src, n);
        src.position(src.position() + n);
        if (phase == Phase.AFTER) {
            throw fire(what);
        }
    }

    /** The prefix of a write of {@code n} bytes at {@code position} that its first sectors hold. */
    private static int tornBytes(long position, int n, int tornSectors) {
        if (n == 0) {
            return 0;
        }
        long end = position + n;
        long firstSector = position / SECTOR;
        long sectors = (end + SECTOR - 1) / SECTOR - firstSector;
        long k = tornSectors < 0 ? sectors / 2 : Math.min(tornSectors, sectors);
        long tornEnd = Math.min(end, (firstSector + k) * SECTOR);
        return (int) Math.max(0, tornEnd - position);
    }

    private synchronized void force(Node node) {
        checkAlive();
        Phase phase = match(Operation.FORCE, node.name, -1);
        String what = "force of '" + node.name + "'";
        if (phase == Phase.BEFORE) {
            throw fire(what);
        }
        node.durableImage = node.volatileImage.copy();
        if (phase == Phase.AFTER) {
            throw fire(what);
        }
    }

    private synchronized long size(Node node) {
        checkAlive();
        return node.volatileImage.length;
    }

    private synchronized void truncate(String handleName, Node node, long length) {
        checkAlive();
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new StorageIOException(handleName, length, "truncate",
                    new IllegalStateException(length < 0 ? "negative length" : "in-memory file too large"));
        }
        node.volatileImage.truncate((int) length);
    }

    /** A handle on one file; it follows the file across renames. */
    private final class CrashingFileIO implements FileIO {
        private final String name;
        private final Node node;

        CrashingFileIO(String name, Node node) {
            this.name = name;
            this.node = node;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void read(long position, ByteBuffer dst) {
            CrashingFileStore.this.read(node, position, dst);
        }

        @Override
        public void write(long position, ByteBuffer src) {
            CrashingFileStore.this.write(name, node, position, src);
        }

        @Override
        public void force() {
            CrashingFileStore.this.force(node);
        }

        @Override
        public long size() {
            return CrashingFileStore.this.size(node);
        }

        @Override
        public void truncate(long length) {
            CrashingFileStore.this.truncate(name, node, length);
        }

        /** Nothing to release; never throws, not even after the crash. */
        @Override
        public void close() {
        }
    }
}
