package io.flushdb.driver.spring;

import io.flushdb.driver.jdbc.JdbcDriver;
import io.flushdb.driver.url.JdbcUrl;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Lets {@code spring.datasource.url=jdbc:flushdb:...} stand alone in a Spring Boot 4 application.
 *
 * <p>Boot chooses a driver class from the URL's prefix ({@code DatabaseDriver.fromJdbcUrl}) and
 * does not know {@code jdbc:flushdb:}; without help it fails with "Failed to determine a suitable
 * driver class", or picks an embedded database's driver that then refuses the URL. This
 * configuration runs before Boot's {@link DataSourceAutoConfiguration} when the URL is a FlushDB
 * URL and supplies the connection details Boot's pooled data source is built from: the URL, user
 * and password as configured, and FlushDB's driver class unless
 * {@code spring.datasource.driver-class-name} names another. Everything else (the pool and its
 * {@code spring.datasource.hikari.*} settings, JdbcTemplate, transactions, SQL initialization) is
 * Boot's own.
 *
 * <p>Spring Boot reads this class only through
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}; the
 * driver does not need Spring at run time otherwise.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(JdbcConnectionDetails.class)
@Conditional(FlushDbDataSourceAutoConfiguration.OnFlushDbUrl.class)
@EnableConfigurationProperties(DataSourceProperties.class)
public class FlushDbDataSourceAutoConfiguration {

    static final String URL_PROPERTY = "spring.datasource.url";

    @Bean
    @ConditionalOnMissingBean(JdbcConnectionDetails.class)
    JdbcConnectionDetails flushDbJdbcConnectionDetails(DataSourceProperties properties) {
        return new FlushDbConnectionDetails(properties);
    }

    /** The connection details of {@code spring.datasource.*}, with FlushDB's driver class. */
    static final class FlushDbConnectionDetails implements JdbcConnectionDetails {
        private final DataSourceProperties properties;

        FlushDbConnectionDetails(DataSourceProperties properties) {
            this.properties = properties;
        }

        @Override
        public String getJdbcUrl() {
            return properties.getUrl();
        }

        /** FlushDB has no authentication: user and password are passed on as given, or not at all. */
        @Override
        public String getUsername() {
            return properties.getUsername();
        }

        @Override
        public String getPassword() {
            return properties.getPassword();
        }

        @Override
        public String getDriverClassName() {
            String configured = properties.getDriverClassName();
            return configured != null && !configured.isBlank() ? configured : JdbcDriver.class.getName();
        }

        /** FlushDB has no XA data source. */
        @Override
        public String getXaDataSourceClassName() {
            return null;
        }
    }

    /** Matches when {@code spring.datasource.url} is a {@code jdbc:flushdb:} URL. */
    static final class OnFlushDbUrl extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty(URL_PROPERTY);
            if (JdbcUrl.accepts(url)) {
                return ConditionOutcome.match(URL_PROPERTY + " is a FlushDB URL");
            }
            return ConditionOutcome.noMatch(URL_PROPERTY + " is not a FlushDB URL");
        }
    }
}
