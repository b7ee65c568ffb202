package io.flushdb.orm.entities;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A boolean and an enum, mapped the way FlushDB needs for now (see docs/orm.md):
 * <ul>
 *   <li>Hibernate's MySQLDialect declares a {@code boolean} as {@code bit}, a column type FlushDB
 *       does not have yet; {@code @JdbcTypeCode(SqlTypes.TINYINT)} makes it {@code tinyint}.
 *   <li>It declares an {@code @Enumerated} attribute as {@code enum(...)} (STRING) or with a
 *       {@code check (...)} (ORDINAL, or STRING as varchar), and FlushDB has neither ENUM columns
 *       nor CHECK constraints yet; an {@link AttributeConverter} makes it a plain {@code varchar}.
 * </ul>
 */
@Entity
@Table(name = "flag")
public class Flag {
    public enum Level { LOW, HIGH }

    /** Stores a {@link Level} by name. */
    @Converter
    public static class LevelByName implements AttributeConverter<Level, String> {
        @Override
        public String convertToDatabaseColumn(Level level) {
            return level == null ? null : level.name();
        }

        @Override
        public Level convertToEntityAttribute(String name) {
            return name == null ? null : Level.valueOf(name);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String name;

    @Column(nullable = false)
    @JdbcTypeCode(SqlTypes.TINYINT) // FlushDB has no BIT columns yet
    private boolean enabled;

    @Column(length = 10)
    @Convert(converter = LevelByName.class) // FlushDB has no ENUM columns or CHECK constraints yet
    private Level level;

    protected Flag() {
    }

    public Flag(String name, boolean enabled, Level level) {
        this.name = name;
        this.enabled = enabled;
        this.level = level;
    }
}
