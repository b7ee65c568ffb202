package io.flushdb.bench.peers;

import java.util.List;

/** The registry of benchmark targets by their command-line name. */
public final class Peers {

    /** FlushDB is the baseline the ratios are computed against. */
    public static final String FLUSHDB = "flushdb";

    /** Every target, in report order. MariaDB starts a server process, so it is opt-in. */
    public static final List<String> ALL = List.of(FLUSHDB, "h2", "sqlite", "hsqldb", "mariadb");

    /** The targets run when none are named. */
    public static final List<String> DEFAULT = List.of(FLUSHDB, "h2", "sqlite", "hsqldb");

    private Peers() {
    }

    /** A new, unstarted peer. */
    public static Peer create(String name) {
        return switch (name) {
            case FLUSHDB -> new FlushDbPeer();
            case "h2" -> new H2Peer();
            case "sqlite" -> new SqlitePeer();
            case "hsqldb" -> new HsqldbPeer();
            case "mariadb" -> new MariaDbPeer();
            default -> throw new IllegalArgumentException(
                    "unknown target '" + name + "', expected some of " + String.join(",", ALL));
        };
    }
}
