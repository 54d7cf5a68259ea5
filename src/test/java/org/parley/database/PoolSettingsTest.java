package org.parley.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** The settings DatabasePool sends at connection start are those the pool's sessions run with. */
@QuarkusTest
class PoolSettingsTest {

    @Inject
    @Reads
    Pool reads;

    @ConfigProperty(name = "parley.database.statement-timeout")
    Duration statementTimeout;

    @ConfigProperty(name = "parley.database.plan-cache-mode")
    String planCacheMode;

    @Test
    void sessionsRunWithoutJitAndWithTheStatementTimeout() {
        Row row = reads.query("select current_setting('jit') as jit,"
                + " (extract(epoch from current_setting('statement_timeout')::interval) * 1000)::bigint as timeout")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals(List.of("off", statementTimeout.toMillis()), List.of(row.getString("jit"), row.getLong("timeout")));
    }

    @Test
    void sessionsRunWithTheConfiguredPlanCacheMode() {
        Row row = reads.query("select current_setting('plan_cache_mode') as mode").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals("force_generic_plan", planCacheMode);
        assertEquals(planCacheMode, row.getString("mode"));
    }
}
