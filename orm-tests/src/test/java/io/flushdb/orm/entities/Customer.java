package io.flushdb.orm.entities;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** AUTO_INCREMENT id, an embedded address, a version column, and the one side of one-to-many. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Embedded
    private Address address;

    @Version
    private long version;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PurchaseOrder> orders = new ArrayList<>();

    protected Customer() {
    }

    public Customer(String name, Address address) {
        this.name = name;
        this.address = address;
    }

    /** Adds {@code order} on both sides of the association. */
    public PurchaseOrder addOrder(PurchaseOrder order) {
        orders.add(order);
        order.setCustomer(this);
        return order;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public Address address() {
        return address;
    }

    public long version() {
        return version;
    }

    public List<PurchaseOrder> orders() {
        return orders;
    }
}
