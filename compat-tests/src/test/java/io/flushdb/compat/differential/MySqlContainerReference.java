package io.flushdb.compat.differential;

import io.flushdb.reference.ReferenceEndpoint;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real MySQL 8.0 ({@code mysql:8.0} image) in a Testcontainers container, used when a Docker
 * engine answers. Started with MySQL 8.0's default SQL mode and collation spelled out.
 */
final class MySqlContainerReference {
    private MySqlContainerReference() {
    }

    /** True when Testcontainers finds a working Docker engine; false (not an exception) otherwise. */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static ReferenceEndpoint start() {
        long startNanos = System.nanoTime();
        @SuppressWarnings("resource") // stopped by the returned endpoint's stop action
        MySQLContainer<?> container = new MySQLContainer<>(DockerImageName.parse("mysql:8.0"))
                .withUsername("root")
                .withPassword("flushdb")
                .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_0900_ai_ci",
                        "--sql-mode=" + ReferenceServer.MYSQL80_SQL_MODE);
        container.start();
        String origin = String.format("Testcontainers mysql:8.0 (started in %.1f s)", (System.nanoTime() - startNanos) / 1e9);
        String url = "jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(MySQLContainer.MYSQL_PORT)
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        return new ReferenceEndpoint(url, container.getUsername(), container.getPassword(), origin, container::stop);
    }
}
