package io.flushdb.driver.engine;

import io.flushdb.storage.EngineConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an engine's data lives: a data directory on disk, or a named in-memory database. Two
 * locations with the same {@link #key} are the same server instance, so they share one engine.
 *
 * @param directory the data directory as written in the URL (resolved against the working
 *                  directory), or null for a memory database
 * @param memoryName the name after {@code mem:}, or null for a directory
 */
public record EngineLocation(Path directory, String memoryName) {

    public static EngineLocation directory(Path directory) {
        return new EngineLocation(directory.toAbsolutePath().normalize(), null);
    }

    public static EngineLocation memory(String name) {
        return new EngineLocation(null, name);
    }

    public boolean isMemory() {
        return memoryName != null;
    }

    /**
     * The registry key: {@code mem:<name>}, or the directory's canonical absolute path (symbolic
     * links resolved, so two spellings of one directory share an engine). The directory is created
     * if missing, as the engine would create it anyway.
     *
     * @throws IOException if the directory cannot be created or resolved
     */
    public String key() throws IOException {
        if (isMemory()) {
            return "mem:" + memoryName;
        }
        Files.createDirectories(directory);
        return directory.toRealPath().toString();
    }

    /** A new engine configuration for this location (startup settings still to be applied). */
    EngineConfig newConfig(String key) {
        return isMemory() ? EngineConfig.memory(memoryName) : EngineConfig.directory(Path.of(key));
    }

    /** As the user would write it after {@code jdbc:flushdb:}. */
    @Override
    public String toString() {
        return isMemory() ? "mem:" + memoryName : directory.toString();
    }
}
