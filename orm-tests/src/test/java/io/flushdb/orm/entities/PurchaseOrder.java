package io.flushdb.orm.entities;

import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
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
 *
 * <p>KNOWN GAP: FlushDB refuses FOREIGN KEY constraints (error 1235), and Hibernate's schema export
 * adds one per association with {@code alter table ... add constraint FK... foreign key}. Until
 * FlushDB has them, the associations ask for no constraint ({@link ConstraintMode#NO_CONSTRAINT});
 * the join columns and tables are otherwise the same. Remove the {@code foreignKey} attributes
 * when FOREIGN KEY lands.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false,
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) // FlushDB has no FOREIGN KEY yet
    private Customer customer;

    @Column(name = "total_cents", nullable = false)
    private long totalCents;

    @Column(name = "placed_on", nullable = false)
    private LocalDate placedOn;

    @ManyToMany
    @JoinTable(name = "order_tag",
            joinColumns = @JoinColumn(name = "order_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT),         // FlushDB has no FOREIGN KEY yet
            inverseForeignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))  // likewise
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
