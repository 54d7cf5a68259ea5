package org.parley.ops;

import org.parley.testsupport.IntegrationDatabaseResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ManagementInterfaceTest} against the packaged application, with its production settings. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationDatabaseResource.class)
class ManagementInterfaceIT extends ManagementInterfaceTest {
}
