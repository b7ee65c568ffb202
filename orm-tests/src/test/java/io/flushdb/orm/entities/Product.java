package io.flushdb.orm.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/**
 * Ids from a table generator (row "product" of {@code id_block}), so that Hibernate can batch the
 * inserts (it cannot with AUTO_INCREMENT ids, which it must read back one row at a time).
 */
@Entity
@Table(name = "product")
public class Product {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "product_ids")
    @TableGenerator(name = "product_ids", table = "id_block", pkColumnName = "sequence_name",
            valueColumnName = "next_val", pkColumnValue = "product", allocationSize = 20)
    private Long id;

    @Column(nullable = false, length = 20)
    private String sku;

    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    @Column(length = 30)
    private String category;

    protected Product() {
    }

    public Product(String sku, long priceCents, String category) {
        this.sku = sku;
        this.priceCents = priceCents;
        this.category = category;
    }

    public Long id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public long priceCents() {
        return priceCents;
    }

    public void setPriceCents(long priceCents) {
        this.priceCents = priceCents;
    }

    public String category() {
        return category;
    }
}
