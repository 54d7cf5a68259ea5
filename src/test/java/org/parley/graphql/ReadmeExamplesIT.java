package org.parley.graphql;

import org.parley.testsupport.IntegrationDatabaseResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The README's queries against the packaged application: the data set loads and every resolver works there. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationDatabaseResource.class)
class ReadmeExamplesIT extends ReadmeExamplesTest {
}
