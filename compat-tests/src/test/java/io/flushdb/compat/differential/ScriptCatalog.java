package io.flushdb.compat.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the {@code .test} scripts: every file below the scripts directory, in path order.
 *
 * <p>The directory is the system property {@code flushdb.scripts.dir} (the compat-tests pom sets it
 * to the module's {@code scripts/}), else {@code scripts} or {@code compat-tests/scripts} relative
 * to the working directory. The property {@code flushdb.scripts} narrows the run to scripts whose
 * path contains one of its comma-separated parts (e.g. {@code -Dflushdb.scripts=query/,types/dates}).
 */
final class ScriptCatalog {
    static final String SUFFIX = ".test";

    private ScriptCatalog() {
    }

    static Path directory() {
        String configured = System.getProperty("flushdb.scripts.dir");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        for (String candidate : new String[] {"scripts", "compat-tests/scripts"}) {
            if (Files.isDirectory(Paths.get(candidate))) {
                return Paths.get(candidate);
            }
        }
        throw new IllegalStateException("no scripts directory: set -Dflushdb.scripts.dir");
    }

    /** Paths (relative to {@code directory}, with {@code /}) of the selected scripts, sorted. */
    static List<String> list(Path directory) {
        String filter = System.getProperty("flushdb.scripts", "");
        List<String> parts = Arrays.stream(filter.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> path.endsWith(SUFFIX))
                    .filter(path -> parts.isEmpty() || parts.stream().anyMatch(path::contains))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Script load(Path directory, String path) {
        try {
            return ScriptParser.parse(path, Files.readString(directory.resolve(path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code script} back to its file; returns false when the file already had that text. */
    static boolean save(Path directory, Script script) {
        Path file = directory.resolve(script.path());
        String text = ScriptWriter.write(script);
        try {
            if (Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return false;
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
