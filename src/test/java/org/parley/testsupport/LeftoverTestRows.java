package org.parley.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;

/**
 * The tests' database outlives a test run: a run that was interrupted (a killed build, a failed clean-up) leaves its
 * "Zz Test" rows behind, and tests that compare the API with the tables would count them. Before the first test
 * class of a run that uses a database, those rows go.
 */
public class LeftoverTestRows implements QuarkusTestBeforeClassCallback {

    private static final Set<String> CLEANED = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeClass(Class<?> testClass) {
        String database = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                .orElse(null);
        if (database != null && CLEANED.add(database)) {
            TestRows.removeAll();
        }
    }
}
