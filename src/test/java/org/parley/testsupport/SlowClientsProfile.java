package org.parley.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Short limits for the tests of slow and stalled clients (ExportLimitsTest, SlowClientsTest), on a private database so
 * that the rows they generate stay out of the shared one: two exports at once, an export deadline, a JDBC pool of
 * three (two exports and one import) that gives up waiting after two seconds, and a short body timeout.
 */
public class SlowClientsProfile implements QuarkusTestProfile {

    /** Small enough to wait for, large enough for everything ExportLimitsTest does while its exports stall. */
    public static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PrivateDatabaseResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.bulk.max-concurrent-exports", "2",
                "parley.bulk.export-timeout", EXPORT_TIMEOUT.toSeconds() + "s",
                "quarkus.datasource.jdbc.max-size", "3",
                "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                "parley.http.body-timeout", BODY_TIMEOUT.toSeconds() + "s");
    }
}
