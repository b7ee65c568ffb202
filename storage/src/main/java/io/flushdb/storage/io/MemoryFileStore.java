package io.flushdb.storage.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link FileStore} kept in memory. Files live as long as the store; an engine on a memory store
 * keeps the same on-"disk" structures as one on a directory.
 *
 * <p>Concurrency: methods synchronize on the store; the files themselves are thread-safe.
 */
public final class MemoryFileStore implements FileStore {
    private final String name;
    private final Map<String, MemoryFileIO> files = new TreeMap<>();
    private final TreeSet<String> directories = new TreeSet<>();

    public MemoryFileStore(String name) {
        this.name = name;
    }

    @Override
    public synchronized FileIO open(String fileName, boolean create) {
        MemoryFileIO f = files.get(fileName);
        if (f == null) {
            if (!create) {
                throw new StorageIOException(fileName, -1, "open", new java.io.FileNotFoundException(fileName));
            }
            f = new MemoryFileIO(fileName);
            files.put(fileName, f);
            int slash = fileName.lastIndexOf('/');
            if (slash > 0) {
                directories.add(fileName.substring(0, slash));
            }
        }
        return f;
    }

    @Override
    public synchronized boolean exists(String fileName) {
        return files.containsKey(fileName) || directories.contains(fileName);
    }

    @Override
    public synchronized void delete(String fileName) {
        files.remove(fileName);
    }

    @Override
    public synchronized void rename(String from, String to) {
        MemoryFileIO f = files.remove(from);
        if (f == null) {
            throw new StorageIOException(from, -1, "rename", new java.io.FileNotFoundException(from));
        }
        // The renamed file keeps its content; its name() keeps the old name, which is only used
        // in messages.
        files.put(to, f);
    }

    @Override
    public synchronized void createDirectory(String dir) {
        directories.add(dir);
    }

    @Override
    public synchronized void deleteDirectory(String dir) {
        String prefix = dir + "/";
        files.keySet().removeIf(k -> k.startsWith(prefix));
        directories.removeIf(d -> d.equals(dir) || d.startsWith(prefix));
    }

    @Override
    public synchronized List<String> list(String dir) {
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

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public String location() {
        return "mem:" + name;
    }
}
