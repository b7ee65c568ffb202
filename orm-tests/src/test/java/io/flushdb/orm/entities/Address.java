package io.flushdb.orm.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A value type stored in its owner's row (three columns of {@code customer}). */
@Embeddable
public class Address {
    @Column(length = 80)
    private String street;
    @Column(length = 40)
    private String city;
    @Column(name = "postal_code", length = 12)
    private String postalCode;

    protected Address() {
    }

    public Address(String street, String city, String postalCode) {
        this.street = street;
        this.city = city;
        this.postalCode = postalCode;
    }

    public String street() {
        return street;
    }

    public String city() {
        return city;
    }

    public String postalCode() {
        return postalCode;
    }
}
