package org.parley.database;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Management;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Without a read replica the reads use the primary's own pool (no second pool, no extra connections). */
@QuarkusTest
class ReadsWithoutReplicaTest {

    @Inject
    Pool primary;

    @Inject
    @Reads
    Pool reads;

    @Test
    void readsGoThroughThePrimarysPool() {
        assertSame(primary.getDelegate(), reads.getDelegate());
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == '" + ReadReplicaCheck.NAME + "' }.data.reads", equalTo("primary"));
    }
}
