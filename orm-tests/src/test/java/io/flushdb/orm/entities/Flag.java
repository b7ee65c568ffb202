package io.flushdb.orm.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A boolean attribute stored as {@code tinyint}: Hibernate's MySQLDialect would declare it
 * {@code bit}, a column type FlushDB does not have yet (see SchemaManagementTest).
 */
@Entity
@Table(name = "flag")
public class Flag {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String name;

    @Column(nullable = false)
    @JdbcTypeCode(SqlTypes.TINYINT) // FlushDB has no BIT columns yet
    private boolean enabled;

    protected Flag() {
    }

    public Flag(String name, boolean enabled) {
        this.name = name;
        this.enabled = enabled;
    }
}
