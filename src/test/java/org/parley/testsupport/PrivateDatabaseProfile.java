package org.parley.testsupport;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application on a {@link PrivateDatabaseResource} that tests stop, start and lock at will. One profile for all
 * such tests, so that Quarkus starts the application once for them. The statement timeout is short here, so that the
 * tests that block statements on purpose do not wait long for PostgreSQL to cancel them.
 */
public class PrivateDatabaseProfile implements QuarkusTestProfile {

    /** The statement timeout of this profile, as PostgreSQL reports it (SHOW statement_timeout). */
    public static final String STATEMENT_TIMEOUT = "1s";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PrivateDatabaseResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.database.statement-timeout", STATEMENT_TIMEOUT);
    }
}
