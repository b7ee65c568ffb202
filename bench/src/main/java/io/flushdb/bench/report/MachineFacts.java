package io.flushdb.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The facts a reader needs to compare one result file with another: JVM, OS, cores, CPU,
 * heap, the file system the databases were written to (its fsync cost decides the durable
 * insert rates), and the load average when the run started (anything else busy on the machine
 * disturbs every figure).
 *
 * @param loadAverage the one-minute system load average, negative where the OS has none
 */
public record MachineFacts(String java, String os, int cores, String cpu, long maxHeapMiB,
        String tempFileSystem, List<String> jvmArguments, double loadAverage) {

    public static MachineFacts collect(Path tempRoot) {
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + ", " + System.getProperty("java.vendor") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        String fileSystem;
        try {
            fileSystem = Files.getFileStore(tempRoot).type();
        } catch (IOException e) {
            fileSystem = "unknown";
        }
        return new MachineFacts(java, os, Runtime.getRuntime().availableProcessors(), cpuModel(),
                Runtime.getRuntime().maxMemory() >> 20, fileSystem,
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The CPU model from /proc/cpuinfo where there is one. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** One line for the report header. */
    public String describe() {
        return "java " + java + "; " + os + "; " + cores + " cores (" + cpu + "); max heap "
                + maxHeapMiB + " MiB; JVM args " + String.join(" ", jvmArguments)
                + "; databases on a " + tempFileSystem + " file system; load average at start "
                + (loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", loadAverage));
    }
}
