package org.parley.testsupport;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application on a {@link ReplicaPairResource}: writes to its primary, queries read from its replica. The
 * replica is checked every second (so that a test sees it return quickly); the curated data set is not loaded (the
 * tests write what they read, and the private primary starts empty).
 */
public class ReplicaPairProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ReplicaPairResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("parley.read-replica.check-interval", "1s", "parley.dataset.load-at-start", "false");
    }
}
