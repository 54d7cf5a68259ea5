package org.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.parley.database.LocalDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link PgWireCounter} between the application and the tests' database, and injects its counter into test
 * fields annotated {@link CountedStatements}.
 */
public class StatementCounterResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the {@code AtomicLong} field that receives the number of statements executed so far. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface CountedStatements {
    }

    private PgWireCounter counter;

    @Override
    public Map<String, String> start() {
        // the same settings as LocalDatabaseConfigSourceFactory, read before Quarkus has its configuration
        String port = setting("parley.local-database.port", "PARLEY_LOCAL_DATABASE_PORT", "5432");
        String name = setting("parley.local-database.name", "PARLEY_LOCAL_DATABASE_NAME", "parley_test");
        LocalDatabase.Endpoint database = LocalDatabase.obtain(Integer.parseInt(port), name);
        try {
            counter = new PgWireCounter(database.host(), database.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.reactive.url",
                "postgresql://127.0.0.1:" + counter.port() + "/" + database.database(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user());
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null ? fallback : value;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(counter.executed(),
                new TestInjector.AnnotatedAndMatchesType(CountedStatements.class, AtomicLong.class));
    }

    @Override
    public void stop() {
        try {
            counter.close();
        } catch (IOException ignored) {
            // the test JVM is done with it
        }
    }
}
