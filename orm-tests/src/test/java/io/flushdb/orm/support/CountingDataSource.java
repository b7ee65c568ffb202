package io.flushdb.orm.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that passes everything to another and counts the JDBC calls the tests
 * assert on: {@code addBatch}, {@code executeBatch} and {@code Connection.isValid}. It shows what a
 * library really did (Hibernate batching its inserts, HikariCP validating with {@code isValid}),
 * rather than what its settings say it should do.
 */
public final class CountingDataSource {
    public final AtomicInteger addBatch = new AtomicInteger();
    public final AtomicInteger executeBatch = new AtomicInteger();
    public final AtomicInteger isValid = new AtomicInteger();
    private final DataSource delegate;

    public CountingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    public DataSource dataSource() {
        return proxy(DataSource.class, delegate);
    }

    private <T> T proxy(Class<T> type, Object target) {
        InvocationHandler handler = (p, method, args) -> {
            switch (method.getName()) {
                case "addBatch" -> addBatch.incrementAndGet();
                case "executeBatch", "executeLargeBatch" -> executeBatch.incrementAndGet();
                case "isValid" -> isValid.incrementAndGet();
                default -> {
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c && method.getReturnType() == Connection.class) {
                return proxy(Connection.class, c);
            }
            if (result instanceof PreparedStatement ps && method.getReturnType() == PreparedStatement.class) {
                return proxy(PreparedStatement.class, ps);
            }
            if (result instanceof Statement s && method.getReturnType() == Statement.class) {
                return proxy(Statement.class, s);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
