package io.flushdb.orm.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/** Ids from a table generator (row "tag" of {@code id_block}), in blocks of five. */
@Entity
@Table(name = "tag")
public class Tag {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "tag_ids")
    @TableGenerator(name = "tag_ids", table = "id_block", pkColumnName = "sequence_name",
            valueColumnName = "next_val", pkColumnValue = "tag", allocationSize = 5)
    private Long id;

    @Column(nullable = false, length = 40)
    private String name;

    protected Tag() {
    }

    public Tag(String name) {
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }
}
