package io.flushdb.storage.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link FileStore} over a real directory; files are opened as {@link ChannelFileIO}.
 *
 * <p>Creating, deleting and renaming a file or directory forces the directory that holds the
 * entry (fsync of the directory), so the change to the name survives a power loss once the call
 * returns, as the redo's file records and the data files' own forces assume. (On Windows, where a
 * directory cannot be opened for that, the file system's own ordering is relied on.)
 */
public final class DirectoryFileStore implements FileStore {
    private final Path root;

    public DirectoryFileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    private Path resolve(String name) {
        Path p = name.isEmpty() ? root : root.resolve(name).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("file name escapes the data directory: " + name);
        }
        return p;
    }

    @Override
    public FileIO open(String name, boolean create) {
        Path p = resolve(name);
        try {
            if (create && p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            boolean created = create && !Files.exists(p);
            FileChannel ch = create
                    ? FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (created) {
                try {
                    syncDirectory(p.getParent());
                } catch (IOException e) {
                    ch.close();
                    throw e;
                }
            }
            return new ChannelFileIO(name, ch);
        } catch (IOException e) {
            throw new StorageIOException(name, -1, "open", e);
        }
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(resolve(name));
    }

    @Override
    public void delete(String name) {
        try {
            Path p = resolve(name);
            if (Files.deleteIfExists(p)) {
                syncDirectory(p.getParent());
            }
        } catch (IOException e) {
            throw new StorageIOException(name, -1, "delete", e);
        }
    }

    @Override
    public void rename(String from, String to) {
        try {
            Path target = resolve(to);
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Path source = resolve(from);
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(target.getParent());
            if (!target.getParent().equals(source.getParent())) {
                syncDirectory(source.getParent());
            }
        } catch (IOException e) {
            throw new StorageIOException(from, -1, "rename to '" + to + "'", e);
        }
    }

    @Override
    public void createDirectory(String name) {
        try {
            Path dir = resolve(name);
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                syncDirectory(dir.getParent());
            }
        } catch (IOException e) {
            throw new StorageIOException(name, -1, "mkdir", e);
        }
    }

    @Override
    public void deleteDirectory(String name) {
        Path dir = resolve(name);
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
            syncDirectory(dir.getParent());
        } catch (IOException e) {
            throw new StorageIOException(name, -1, "rmdir", e);
        }
    }

    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    /** Forces directory {@code dir}'s entries (its list of names) to disk. */
    private static void syncDirectory(Path dir) throws IOException {
        if (dir == null || WINDOWS) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(resolve(name))) {
            for (Path p : ds) {
                out.add(p.getFileName().toString());
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new StorageIOException(name, -1, "list", e);
        }
        out.sort(null);
        return out;
    }

    @Override
    public boolean persistent() {
        return true;
    }

    @Override
    public String location() {
        return root.toString();
    }
}
