package org.parley.graphql;

import org.parley.testsupport.IntegrationDatabaseResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ServiceEndpointsTest} against the packaged application (the jar, or the native executable with -Pnative). */
@QuarkusIntegrationTest
@WithTestResource(IntegrationDatabaseResource.class)
class ServiceEndpointsIT extends ServiceEndpointsTest {
}
