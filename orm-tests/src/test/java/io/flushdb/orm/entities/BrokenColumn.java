package io.flushdb.orm.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity whose table no MySQL-family server accepts: its column type does not exist. */
@Entity
@Table(name = "broken")
public class BrokenColumn {
    @Id
    private Long id;

    @Column(columnDefinition = "no_such_type")
    private String value;

    protected BrokenColumn() {
    }
}
