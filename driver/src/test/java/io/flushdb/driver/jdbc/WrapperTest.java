package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.driver.engine.EngineRegistry;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Wrapper} on every JDBC object: each wraps nothing, so it unwraps only to itself. */
class WrapperTest {
    private final EngineRegistry registry = new EngineRegistry();
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        conn = new JdbcDriver(registry).connect(TestUrls.mem(), new Properties());
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        assertEquals(0, registry.openEngineCount());
    }

    /** One of each, with the JDBC interface it stands for. */
    private Map<Wrapper, Class<?>> objects() throws SQLException {
        Map<Wrapper, Class<?>> all = new LinkedHashMap<>();
        all.put(conn, Connection.class);
        Statement st = conn.createStatement();
        all.put(st, Statement.class);
        PreparedStatement ps = conn.prepareStatement("SELECT ?");
        all.put(ps, PreparedStatement.class);
        all.put(ps.getParameterMetaData(), ParameterMetaData.class);
        ResultSet rs = st.executeQuery("SELECT 1");
        all.put(rs, ResultSet.class);
        all.put(rs.getMetaData(), ResultSetMetaData.class);
        all.put(conn.getMetaData(), DatabaseMetaData.class);
        all.put(new JdbcDataSource(), DataSource.class);
        return all;
    }

    @Test
    void unwrapsToItsClassAndInterfaces() throws SQLException {
        for (Map.Entry<Wrapper, Class<?>> e : objects().entrySet()) {
            Wrapper w = e.getKey();
            for (Class<?> iface : new Class<?>[] {w.getClass(), e.getValue(), Wrapper.class, Object.class}) {
                assertTrue(w.isWrapperFor(iface), w.getClass() + " for " + iface);
                assertSame(w, w.unwrap(iface), w.getClass() + " to " + iface);
            }
        }
    }

    @Test
    void refusesAnythingElse() throws SQLException {
        for (Wrapper w : objects().keySet()) {
            assertFalse(w.isWrapperFor(String.class), w.getClass().getName());
            SQLException e = assertThrows(SQLException.class, () -> w.unwrap(String.class), w.getClass().getName());
            assertEquals("Not a wrapper for java.lang.String", e.getMessage());
            assertEquals("S1009", e.getSQLState());
            assertEquals(0, e.getErrorCode());
        }
    }

    @Test
    void answersEvenWhenClosed() throws SQLException {
        Map<Wrapper, Class<?>> all = objects();
        conn.close();
        for (Map.Entry<Wrapper, Class<?>> e : all.entrySet()) {
            assertSame(e.getKey(), e.getKey().unwrap(e.getValue()), e.getKey().getClass().getName());
        }
    }
}
