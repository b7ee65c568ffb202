package io.flushdb.bench.workloads;

import java.util.List;

/** The registry of workloads by their command-line name. A new workload is one line here. */
public final class Workloads {

    /** Every workload, in report order. */
    public static final List<String> ALL = List.of("insert-autocommit", "point-select");

    private Workloads() {
    }

    public static Workload create(String name) {
        return switch (name) {
            case "insert-autocommit" -> new InsertAutocommit();
            case "point-select" -> new PointSelect();
            default -> throw new IllegalArgumentException(
                    "unknown workload '" + name + "', expected some of " + String.join(",", ALL));
        };
    }
}
