package io.flushdb.orm.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The many side of {@link Customer}'s orders, and the owner of a many-to-many to {@link Tag}.
 * Hibernate's schema export gives each association a FOREIGN KEY constraint ({@code alter table
 * ... add constraint FK... foreign key}) and drops them first on create-drop ({@code alter table
 * ... drop foreign key FK...}).
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    @Column(name = "total_cents", nullable = false)
    private long totalCents;

    @Column(name = "placed_on", nullable = false)
    private LocalDate placedOn;

    @ManyToMany
    @JoinTable(name = "order_tag",
            joinColumns = @JoinColumn(name = "order_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    private Set<Tag> tags = new HashSet<>();

    protected PurchaseOrder() {
    }

    public PurchaseOrder(long totalCents, LocalDate placedOn) {
        this.totalCents = totalCents;
        this.placedOn = placedOn;
    }

    void setCustomer(Customer customer) {
        this.customer = customer;
    }

    public Long id() {
        return id;
    }

    public Customer customer() {
        return customer;
    }

    public long totalCents() {
        return totalCents;
    }

    public LocalDate placedOn() {
        return placedOn;
    }

    public Set<Tag> tags() {
        return tags;
    }
}
