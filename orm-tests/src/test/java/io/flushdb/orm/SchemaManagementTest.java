package io.flushdb.orm;

import static io.flushdb.orm.HibernateScenariosTest.SHOP;
import static io.flushdb.orm.HibernateScenariosTest.assertQuiet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.orm.entities.BrokenColumn;
import io.flushdb.orm.entities.Customer;
import io.flushdb.orm.entities.Flag;
import io.flushdb.orm.entities.Note;
import io.flushdb.orm.support.LogCapture;
import io.flushdb.orm.support.Orm;
import io.flushdb.orm.support.ReferenceServerLifecycle;
import io.flushdb.orm.support.Target;
import io.flushdb.orm.support.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hibernate's schema tooling: {@code create}, then {@code validate} (which reads the schema back
 * through {@code DatabaseMetaData.getTables}/{@code getColumns} and compares types), {@code update}
 * (which creates what is missing), and {@code halt_on_error} (a refused statement fails the boot).
 */
@ExtendWith(ReferenceServerLifecycle.class)
class SchemaManagementTest {
    private static final Class<?>[] SHOP_AND_NOTE = withNote();

    private static Class<?>[] withNote() {
        List<Class<?>> all = new ArrayList<>(List.of(SHOP));
        all.add(Note.class);
        return all.toArray(new Class<?>[0]);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void validateAcceptsTheCreatedSchemaAndUpdateAddsWhatIsMissing(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create", SHOP)) {
                orm.sessionFactory().inTransaction(s -> s.persist(new Customer("Ada", null)));
            }
            // Hibernate's create gave each association a real FOREIGN KEY constraint.
            assertEquals(List.of("customer.id <- purchase_order.customer_id"), importedKeys(db, "purchase_order"));
            assertEquals(List.of("purchase_order.id <- order_tag.order_id", "tag.id <- order_tag.tag_id"),
                    importedKeys(db, "order_tag"));
            try (Orm orm = Orm.open(db, "validate", SHOP)) {
                assertEquals(1L, orm.sessionFactory().fromTransaction(
                        s -> s.createQuery("select count(c) from Customer c", Long.class).getSingleResult()).longValue());
            }
            SchemaManagementException missing = assertThrows(SchemaManagementException.class,
                    () -> Orm.open(db, "validate", SHOP_AND_NOTE).close());
            assertTrue(missing.getMessage().contains("missing table [note]"), missing::getMessage);

            try (Orm orm = Orm.open(db, "update", SHOP_AND_NOTE)) {
                orm.sessionFactory().inTransaction(s -> s.persist(new Note("created by update")));
            }
            assertEquals(List.of("customer", "id_block", "note", "order_tag", "product", "purchase_order", "tag"), tables(db));
            try (Orm orm = Orm.open(db, "validate", SHOP_AND_NOTE)) {
                assertEquals("Ada", orm.sessionFactory().fromTransaction(s -> s.find(Customer.class, 1L)).name(),
                        "update kept the existing rows");
                assertNotNull(orm.sessionFactory().fromTransaction(s -> s.find(Note.class, 1L)));
            }
            assertQuiet(target, logs);
        }
    }

    private static List<String> importedKeys(TestDatabase db, String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getImportedKeys(db.database(), null, table)) {
            while (rs.next()) {
                keys.add(rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME") + " <- "
                        + rs.getString("FKTABLE_NAME") + "." + rs.getString("FKCOLUMN_NAME"));
            }
        }
        keys.sort(null);
        return keys;
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(db.database(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void validateNoticesAColumnOfTheWrongType(Target target) throws Exception {
        try (TestDatabase db = TestDatabase.create(target)) {
            try (Connection c = db.connect(); var st = c.createStatement()) {
                st.execute("CREATE TABLE note (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, body DATE NOT NULL)");
            }
            SchemaManagementException wrong = assertThrows(SchemaManagementException.class,
                    () -> Orm.open(db, "validate", Note.class).close());
            assertTrue(wrong.getMessage().contains("wrong column type encountered in column [body] in table [note]"),
                    wrong::getMessage);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void aRefusedDdlStatementFailsTheBoot(Target target) throws Exception {
        try (TestDatabase db = TestDatabase.create(target)) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> Orm.open(db, "create-drop", Map.of(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true"),
                            BrokenColumn.class).close());
            SQLException cause = sqlCause(e);
            assertNotNull(cause, () -> "the boot failed because of the DDL: " + e);
            // The codes differ: MySQL 8.0 says 1064 (syntax), MariaDB 4161 (unknown data type),
            // FlushDB 1235 (not supported yet). What matters here is that the server's error
            // reached Hibernate as an SQLException with the server's code, and stopped the boot.
            assertTrue(cause.getErrorCode() > 0, () -> "a server error code: " + cause);
            assertTrue(e.getMessage().contains("create table broken"), e::getMessage);
            assertEquals(List.of(), tables(db), "nothing was created");
        }
    }

    /**
     * Booleans and enums with the mappings docs/orm.md gives while FlushDB lacks BIT, ENUM and
     * CHECK ({@link Flag}): the schema is accepted, values round-trip, and queries compare them.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void booleansAsTinyintAndEnumsThroughAConverter(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create-drop", Flag.class)) {
                orm.sessionFactory().inTransaction(s -> {
                    s.persist(new Flag("on", true, Flag.Level.HIGH));
                    s.persist(new Flag("off", false, Flag.Level.LOW));
                });
                assertEquals(List.of("on"), orm.sessionFactory().fromTransaction(s -> s.createQuery(
                        "select f.name from Flag f where f.enabled = true and f.level = :level", String.class)
                        .setParameter("level", Flag.Level.HIGH).getResultList()));
                assertEquals(Boolean.FALSE, orm.sessionFactory().fromTransaction(s -> s.createQuery(
                        "select f.enabled from Flag f where f.name = 'off'", Boolean.class).getSingleResult()));
                try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getColumns(db.database(), null, "flag", "%")) {
                    List<String> types = new ArrayList<>();
                    while (rs.next()) {
                        types.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME"));
                    }
                    assertTrue(types.contains("enabled TINYINT"), types::toString);
                    assertTrue(types.contains("level VARCHAR"), types::toString);
                }
            }
            assertQuiet(target, logs);
        }
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
