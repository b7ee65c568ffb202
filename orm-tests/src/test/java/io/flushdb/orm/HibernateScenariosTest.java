package io.flushdb.orm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.orm.entities.Address;
import io.flushdb.orm.entities.Customer;
import io.flushdb.orm.entities.Product;
import io.flushdb.orm.entities.PurchaseOrder;
import io.flushdb.orm.entities.Tag;
import io.flushdb.orm.support.LogCapture;
import io.flushdb.orm.support.Orm;
import io.flushdb.orm.support.ReferenceServerLifecycle;
import io.flushdb.orm.support.Target;
import io.flushdb.orm.support.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MySQLDialect;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hibernate 6 on FlushDB and on the reference server: the same entities, settings and
 * operations, the same expected results. Every scenario boots Hibernate with
 * {@code hbm2ddl.auto=create-drop} and {@code halt_on_error}, so the schema Hibernate generates
 * for the entities must be accepted too, and every scenario ends by checking that neither
 * Hibernate nor HikariCP logged a warning (FlushDB) or an error (both).
 */
@ExtendWith(ReferenceServerLifecycle.class)
class HibernateScenariosTest {
    static final Class<?>[] SHOP = {Customer.class, PurchaseOrder.class, Tag.class, Product.class};

    /** Nothing at WARNING or above on FlushDB; nothing at SEVERE (ERROR) on the reference. */
    static void assertQuiet(Target target, LogCapture logs) {
        Level worst = target == Target.FLUSHDB ? Level.WARNING : Level.SEVERE;
        assertEquals(List.of(), logs.atLeast(worst), "Hibernate/HikariCP logged problems on " + target);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void dialectIsResolvedFromDatabaseMetaData(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create-drop", SHOP)) {
                Dialect dialect = orm.dialect();
                assertInstanceOf(MySQLDialect.class, dialect);
                if (target == Target.FLUSHDB) {
                    assertEquals(MySQLDialect.class, dialect.getClass(), "FlushDB is MySQL 8.0, not a MySQL variant");
                    assertEquals(8, dialect.getVersion().getMajor());
                    assertEquals(0, dialect.getVersion().getMinor());
                    assertEquals(36, dialect.getVersion().getMicro());
                }
            }
            assertQuiet(target, logs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void identityIdsComeFromAutoIncrement(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create-drop", SHOP)) {
                SessionFactory sf = orm.sessionFactory();
                List<Customer> customers = sf.fromTransaction(s -> {
                    List<Customer> list = new ArrayList<>();
                    for (String name : List.of("Ada", "Brendan", "Grace")) {
                        Customer c = new Customer(name, new Address("1 Main St", "Springfield", "12345"));
                        s.persist(c);
                        assertNotNull(c.id(), "IDENTITY id is read back at persist");
                        list.add(c);
                    }
                    return list;
                });
                assertEquals(List.of(1L, 2L, 3L), customers.stream().map(Customer::id).toList());
                assertTrue(orm.sql().stream().anyMatch(s -> s.startsWith("insert into customer (city,postal_code,street,name,version)")),
                        () -> "the insert leaves the id to AUTO_INCREMENT: " + orm.sql());

                Customer grace = sf.fromTransaction(s -> s.find(Customer.class, 3L));
                assertEquals("Grace", grace.name());
                assertEquals(0L, grace.version());
            }
            assertQuiet(target, logs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void tableGeneratedIdsSurviveARestart(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            List<Long> first;
            try (Orm orm = Orm.open(db, "create", SHOP)) {
                first = persistTags(orm.sessionFactory(), 12);
                assertEquals(LongRange.closed(1, 12), first, "pooled blocks of 5 hand out 1, 2, 3, ...");
                long nextVal = orm.sessionFactory().fromTransaction(s -> ((Number) s.createNativeQuery(
                        "select next_val from id_block where sequence_name = 'tag'", Object.class).getSingleResult()).longValue());
                assertTrue(nextVal > 12, "the generator's row is ahead of every id handed out: " + nextVal);
            }
            try (Orm orm = Orm.open(db, "none", SHOP)) {
                List<Long> second = persistTags(orm.sessionFactory(), 3);
                assertTrue(second.get(0) > first.get(first.size() - 1),
                        () -> "after a restart the ids continue past the old ones: " + first + " then " + second);
                assertEquals(Long.valueOf(15), orm.sessionFactory().fromTransaction(
                        s -> s.createQuery("select count(t) from Tag t", Long.class).getSingleResult()));
            }
            assertQuiet(target, logs);
        }
    }

    private static List<Long> persistTags(SessionFactory sf, int n) {
        return sf.fromTransaction(s -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Tag t = new Tag("tag" + i);
                s.persist(t);
                ids.add(t.id());
            }
            return ids;
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void oneToManyAndManyToManyAssociations(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create-drop", SHOP)) {
                SessionFactory sf = orm.sessionFactory();
                long customerId = sf.fromTransaction(s -> {
                    Tag gift = new Tag("gift");
                    Tag express = new Tag("express");
                    s.persist(gift);
                    s.persist(express);
                    Customer c = new Customer("Ada", new Address("1 Main St", "Springfield", "12345"));
                    c.addOrder(new PurchaseOrder(1500, LocalDate.of(2024, 1, 10))).tags().add(gift);
                    PurchaseOrder second = c.addOrder(new PurchaseOrder(2500, LocalDate.of(2024, 2, 11)));
                    second.tags().add(gift);
                    second.tags().add(express);
                    s.persist(c); // cascades to the orders
                    return c.id();
                });

                sf.inTransaction(s -> {
                    Customer c = s.find(Customer.class, customerId);
                    assertEquals(List.of(1500L, 2500L), c.orders().stream().map(PurchaseOrder::totalCents).toList());
                    assertEquals(List.of("express", "gift"), c.orders().get(1).tags().stream().map(Tag::name).sorted().toList());
                    List<String> tagsOfAda = s.createQuery(
                            "select distinct t.name from PurchaseOrder o join o.tags t where o.customer.name = :name order by t.name",
                            String.class).setParameter("name", "Ada").getResultList();
                    assertEquals(List.of("express", "gift"), tagsOfAda);
                    // many-to-many removal deletes the join row; one-to-many orphan removal deletes the order
                    PurchaseOrder second = c.orders().get(1);
                    second.tags().removeIf(t -> t.name().equals("gift"));
                    c.orders().remove(0);
                });

                sf.inTransaction(s -> {
                    assertEquals(1L, count(s, "select count(*) from order_tag"));
                    assertEquals(1L, count(s, "select count(*) from purchase_order"));
                    assertEquals(2L, count(s, "select count(*) from tag"));
                    assertEquals(List.of(2500L), s.find(Customer.class, customerId).orders().stream()
                            .map(PurchaseOrder::totalCents).toList());
                });
            }
            assertQuiet(target, logs);
        }
    }

    private static long count(org.hibernate.Session s, String sql) {
        return ((Number) s.createNativeQuery(sql, Object.class).getSingleResult()).longValue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void embeddableIsStoredInItsOwnersRow(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create-drop", SHOP)) {
                SessionFactory sf = orm.sessionFactory();
                sf.inTransaction(s -> {
                    s.persist(new Customer("Ada", new Address("1 Main St", "Springfield", "12345")));
                    s.persist(new Customer("Alan", new Address("2 Side Rd", "Shelbyville", "67890")));
                    s.persist(new Customer("Nobody", null));
                });
                sf.inTransaction(s -> {
                    Customer alan = s.createQuery("from Customer c where c.address.city = :city", Customer.class)
                            .setParameter("city", "Shelbyville").getSingleResult();
                    assertEquals("Alan", alan.name());
                    assertEquals("67890", alan.address().postalCode());
                    Object[] row = (Object[]) s.createNativeQuery(
                            "select street, city, postal_code from customer where name = 'Ada'", Object[].class).getSingleResult();
                    assertEquals(List.of("1 Main St", "Springfield", "12345"), List.of(row));
                    Customer nobody = s.createQuery("from Customer c where c.name = 'Nobody'", Customer.class).getSingleResult();
                    assertEquals(null, nobody.address(), "an all-NULL embeddable reads back as null");
                });
            }
            assertQuiet(target, logs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void staleUpdateThrowsOptimisticLockException(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create-drop", SHOP)) {
                SessionFactory sf = orm.sessionFactory();
                long id = sf.fromTransaction(s -> {
                    Customer c = new Customer("Ada", null);
                    s.persist(c);
                    return c.id();
                });
                EntityManager first = sf.createEntityManager();
                EntityManager second = sf.createEntityManager();
                try {
                    first.getTransaction().begin();
                    second.getTransaction().begin();
                    Customer mine = first.find(Customer.class, id);
                    Customer theirs = second.find(Customer.class, id);
                    mine.rename("Ada Lovelace");
                    first.getTransaction().commit();

                    theirs.rename("Ada King");
                    assertThrows(OptimisticLockException.class, second::flush,
                            "the second update names version 0, which is gone");
                    second.getTransaction().rollback();
                } finally {
                    first.close();
                    second.close();
                }
                Customer stored = sf.fromTransaction(s -> s.find(Customer.class, id));
                assertEquals("Ada Lovelace", stored.name());
                assertEquals(1L, stored.version());
                assertTrue(orm.sql().stream().anyMatch(s -> s.startsWith("update customer set") && s.endsWith("where id=? and version=?")),
                        () -> "the update checks the version: " + orm.sql());
            }
            assertQuiet(target, logs);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void paginationBecomesLimitAndOffset(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create-drop", SHOP)) {
                SessionFactory sf = orm.sessionFactory();
                persistProducts(sf, 25);
                orm.clearSql();
                sf.inTransaction(s -> {
                    List<String> page = s.createQuery("from Product p order by p.sku", Product.class)
                            .setFirstResult(10).setMaxResults(5).getResultList().stream().map(Product::sku).toList();
                    assertEquals(List.of("P11", "P12", "P13", "P14", "P15"), page);

                    CriteriaBuilder cb = s.getCriteriaBuilder();
                    CriteriaQuery<Product> q = cb.createQuery(Product.class);
                    Root<Product> p = q.from(Product.class);
                    q.select(p).orderBy(cb.desc(p.get("sku")));
                    List<String> last = s.createQuery(q).setFirstResult(20).setMaxResults(10).getResultList()
                            .stream().map(Product::sku).toList();
                    assertEquals(List.of("P05", "P04", "P03", "P02", "P01"), last, "a short last page");

                    List<String> top = s.createQuery("from Product p order by p.priceCents desc", Product.class)
                            .setMaxResults(2).getResultList().stream().map(Product::sku).toList();
                    assertEquals(List.of("P25", "P24"), top);
                });
                List<String> selects = orm.sql().stream().filter(s -> s.startsWith("select")).toList();
                assertEquals(3, selects.size(), () -> "one statement per page, nothing in memory: " + selects);
                assertTrue(selects.get(0).endsWith(" limit ?,?") || selects.get(0).endsWith(" limit ? offset ?"), selects.get(0));
                assertTrue(selects.get(1).endsWith(" limit ?,?") || selects.get(1).endsWith(" limit ? offset ?"), selects.get(1));
                assertTrue(selects.get(2).endsWith(" limit ?"), selects.get(2));
            }
            assertQuiet(target, logs);
        }
    }

    private static void persistProducts(SessionFactory sf, int n) {
        sf.inTransaction(s -> {
            for (int i = 1; i <= n; i++) {
                s.persist(new Product(String.format(Locale.ROOT, "P%02d", i), 100L * i, i % 3 == 0 ? "tools" : "toys"));
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void hqlAndCriteriaJoinGroupAndOrder(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create-drop", SHOP)) {
                SessionFactory sf = orm.sessionFactory();
                sf.inTransaction(s -> {
                    Customer ada = new Customer("Ada", new Address("1 Main St", "Springfield", "12345"));
                    ada.addOrder(new PurchaseOrder(1000, LocalDate.of(2024, 1, 1)));
                    ada.addOrder(new PurchaseOrder(3000, LocalDate.of(2024, 3, 1)));
                    Customer alan = new Customer("Alan", new Address("2 Side Rd", "Shelbyville", "67890"));
                    alan.addOrder(new PurchaseOrder(5000, LocalDate.of(2024, 2, 1)));
                    Customer grace = new Customer("Grace", new Address("3 Hill Ave", "Springfield", "12346"));
                    s.persist(ada);
                    s.persist(alan);
                    s.persist(grace);
                });
                sf.inTransaction(s -> {
                    List<Object[]> hql = s.createQuery("select c.name, count(o), sum(o.totalCents) from Customer c join c.orders o "
                            + "group by c.name order by sum(o.totalCents) desc, c.name", Object[].class).getResultList();
                    assertEquals(List.of("Alan 1 5000", "Ada 2 4000"), rows(hql));

                    List<Object[]> outer = s.createQuery("select c.name, count(o) from Customer c left join c.orders o "
                            + "where c.address.city = 'Springfield' group by c.name having count(o) < 5 order by c.name",
                            Object[].class).getResultList();
                    assertEquals(List.of("Ada 2", "Grace 0"), rows(outer));

                    List<String> recent = s.createQuery("select o.customer.name from PurchaseOrder o "
                            + "where o.placedOn >= :since order by o.placedOn", String.class)
                            .setParameter("since", LocalDate.of(2024, 2, 1)).getResultList();
                    assertEquals(List.of("Alan", "Ada"), recent);

                    CriteriaBuilder cb = s.getCriteriaBuilder();
                    CriteriaQuery<Tuple> q = cb.createTupleQuery();
                    Root<Customer> c = q.from(Customer.class);
                    Join<Customer, PurchaseOrder> o = c.join("orders");
                    q.multiselect(c.get("address").get("city"), cb.count(o), cb.max(o.get("totalCents")))
                            .groupBy(c.get("address").get("city"))
                            .orderBy(cb.asc(c.get("address").get("city")));
                    List<String> byCity = s.createQuery(q).getResultList().stream()
                            .map(t -> t.get(0) + " " + t.get(1) + " " + t.get(2)).toList();
                    assertEquals(List.of("Shelbyville 1 5000", "Springfield 2 3000"), byCity);
                });
            }
            assertQuiet(target, logs);
        }
    }

    private static List<String> rows(List<Object[]> rows) {
        return rows.stream().map(r -> IntStream.range(0, r.length).mapToObj(i -> String.valueOf(r[i]))
                .collect(Collectors.joining(" "))).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Target.class)
    void insertsAndUpdatesGoInJdbcBatches(Target target) throws Exception {
        try (LogCapture logs = new LogCapture(); TestDatabase db = TestDatabase.create(target)) {
            try (Orm orm = Orm.open(db, "create-drop", SHOP)) {
                SessionFactory sf = orm.sessionFactory();
                int before = orm.jdbc().executeBatch.get();
                persistProducts(sf, 45);
                assertEquals(45, orm.jdbc().addBatch.get(), "every insert is added to a batch");
                assertEquals(before + 5, orm.jdbc().executeBatch.get(), "45 inserts in batches of " + Orm.BATCH_SIZE);

                sf.inTransaction(s -> s.createQuery("from Product", Product.class).getResultList()
                        .forEach(p -> p.setPriceCents(p.priceCents() + 1)));
                assertEquals(90, orm.jdbc().addBatch.get(), "45 inserts, then 45 updates, each batched");
                assertEquals(before + 10, orm.jdbc().executeBatch.get());
                assertEquals(Long.valueOf(100L * 45 * 46 / 2 + 45), sf.fromTransaction(
                        s -> s.createQuery("select sum(p.priceCents) from Product p", Long.class).getSingleResult()));

                sf.inTransaction(s -> s.createQuery("from Product p where p.category = 'toys'", Product.class)
                        .getResultList().forEach(s::remove));
                assertEquals(120, orm.jdbc().addBatch.get(), "30 deletes, batched");
                assertEquals(before + 13, orm.jdbc().executeBatch.get());
                assertEquals(Long.valueOf(15), sf.fromTransaction(
                        s -> s.createQuery("select count(p) from Product p", Long.class).getSingleResult()));
            }
            assertQuiet(target, logs);
        }
    }

    /** The ids 1..n, for comparing with what a generator handed out. */
    private static final class LongRange {
        static List<Long> closed(long from, long to) {
            List<Long> ids = new ArrayList<>();
            for (long i = from; i <= to; i++) {
                ids.add(i);
            }
            return ids;
        }
    }
}
