package io.flushdb.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.flushdb.driver.jdbc.JdbcDataSource;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Frameworks (pools, proxies, ORMs) call JDBC methods by reflection through the object's own class,
 * from their own packages. This test sits outside {@code io.flushdb.driver.jdbc} so that Java's
 * access checks apply as they do for them: a public method that a public driver class inherits from
 * a package-private one must still be callable.
 */
class ReflectiveAccessTest {

    @Test
    void wrapperMethodsAreCallableThroughThePublicClasses() throws Exception {
        JdbcDataSource ds = new JdbcDataSource("jdbc:flushdb:mem:reflect-" + UUID.randomUUID()
                + "?innodb_buffer_pool_size=5M");
        try (Connection conn = ds.getConnection();
             Statement st = conn.createStatement();
             PreparedStatement ps = conn.prepareStatement("SELECT 1");
             ResultSet rs = st.executeQuery("SELECT 1")) {
            for (Object o : List.of(ds, conn, st, ps, rs, rs.getMetaData(), conn.getMetaData())) {
                Method unwrap = o.getClass().getMethod("unwrap", Class.class);
                assertSame(o, unwrap.invoke(o, Wrapper.class), o.getClass().getName());
                Method isWrapperFor = o.getClass().getMethod("isWrapperFor", Class.class);
                assertEquals(true, isWrapperFor.invoke(o, Wrapper.class), o.getClass().getName());
            }
        }
    }
}
