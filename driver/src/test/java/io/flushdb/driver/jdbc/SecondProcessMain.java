package io.flushdb.driver.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The child JVM of {@link SecondProcessRefusalTest}: connects to the URL in {@code args[0]} as an
 * application would. Exit status 0 if it connected, 3 with the exception on standard error if the
 * driver refused with an SQLException, 4 for anything else.
 */
public final class SecondProcessMain {
    private SecondProcessMain() {
    }

    public static void main(String[] args) {
        try (Connection c = DriverManager.getConnection(args[0])) {
            System.out.println("connected");
            System.exit(0);
        } catch (SQLException e) {
            System.err.println(e.getClass().getName() + " [" + e.getErrorCode() + "/" + e.getSQLState() + "]: "
                    + e.getMessage());
            System.exit(3);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(4);
        }
    }
}
