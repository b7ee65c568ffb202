package io.flushdb.sql.plan;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/** Calcite's Java type factory with MySQL's type system and UTF-8 as the character set of all text. */
public final class MySqlTypeFactory extends JavaTypeFactoryImpl {
    public MySqlTypeFactory() {
        super(MySqlTypeSystem.INSTANCE);
    }

    @Override
    public Charset getDefaultCharset() {
        return StandardCharsets.UTF_8;
    }
}
