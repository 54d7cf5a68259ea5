package org.parley.ops;

import org.parley.testsupport.IntegrationDatabaseResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MetricsTest} against the packaged application. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationDatabaseResource.class)
class MetricsIT extends MetricsTest {
}
