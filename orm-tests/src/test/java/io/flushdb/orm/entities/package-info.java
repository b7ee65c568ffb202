/** The entities of the Hibernate scenarios: a small shop (customers, orders, tags, products). */
package io.flushdb.orm.entities;
