package org.parley.database;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * In dev mode, tests and the {@code local} profile ({@code ./mvnw -Plocal quarkus:run}), when no datasource URL is
 * configured, points the datasource at a local PostgreSQL (see {@link LocalDatabase}). Production never gets here: it
 * must configure its database.
 * <p>
 * Settings: {@code parley.local-database.port} (default 5432), {@code parley.local-database.name} (default
 * {@code parley} in dev and local, {@code parley_test} in tests), {@code parley.local-database.enabled} (default true).
 */
public class LocalDatabaseConfigSourceFactory implements ConfigSourceFactory {

    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean test = profiles.contains("test");
        if (!test && !profiles.contains("dev") && !profiles.contains("local")) {
            return List.of();
        }
        if (value(context, "quarkus.datasource.reactive.url") != null
                || "false".equals(value(context, "parley.local-database.enabled"))) {
            return List.of();
        }
        String name = value(context, "parley.local-database.name");
        String port = value(context, "parley.local-database.port");
        LocalDatabase.Endpoint endpoint = LocalDatabase.obtain(port == null ? 5432 : Integer.parseInt(port),
                name != null ? name : test ? "parley_test" : "parley");
        return List.of(new MapBackedConfigSource("parley-local-database", Map.of(
                "quarkus.datasource.reactive.url", endpoint.reactiveUrl(),
                "quarkus.datasource.jdbc.url", endpoint.jdbcUrl(),
                "quarkus.datasource.username", endpoint.user()), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
