package io.flushdb.orm.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity added to an existing schema, for {@code hbm2ddl.auto=update}. */
@Entity
@Table(name = "note")
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String body;

    protected Note() {
    }

    public Note(String body) {
        this.body = body;
    }

    public Long id() {
        return id;
    }

    public String body() {
        return body;
    }
}
