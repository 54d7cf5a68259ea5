package org.parley.testsupport;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application behind a {@link PgWireCounter} ({@link StatementCounterResource}): tests that count statements
 * share this profile, so that Quarkus starts once for all of them.
 */
public class CountingProxyProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StatementCounterResource.class));
    }
}
