/**
 * Spring Boot auto-configuration for {@code jdbc:flushdb:} URLs. Compiled against Spring Boot 4 as a
 * provided dependency; nothing outside this package refers to it, so the driver runs without Spring.
 */
package io.flushdb.driver.spring;
