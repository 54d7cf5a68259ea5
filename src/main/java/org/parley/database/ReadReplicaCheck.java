package org.parley.database;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Readiness of the reads (the primary's own connection checks are Quarkus'): with a read replica, one statement on it
 * per probe. UP when it answers (within a second); when it does not, UP with reads on the primary (fallback on: degraded, still
 * serving) or DOWN (fallback off: queries would fail). Without a replica, UP with reads on the primary.
 */
@Readiness
@ApplicationScoped
class ReadReplicaCheck implements AsyncHealthCheck {

    static final String NAME = "Read replica";
    /**
     * A replica that has not answered by then counts as unreachable for this probe: a host that drops packets would
     * otherwise hold the probe for the connect timeout (5 s), past the Kubernetes probe's own timeout (2 s), and take
     * the pod out of service although its reads fall back to the primary.
     */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    private final ReadReplica replica;

    ReadReplicaCheck(ReadReplica replica) {
        this.replica = replica;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!replica.configured()) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).up().withData("reads", "primary")
                    .withData("replica", "none configured").build());
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("replica", replica.address())
                .withData("fallback", replica.fallback());
        return replica.check().ifNoItem().after(ANSWER_WITHIN).fail()
                .map(standby -> response.up().withData("reads", "replica").withData("standby", standby).build())
                .onFailure().recoverWithItem(failure -> (replica.fallback()
                        ? response.up().withData("reads", "primary (replica unreachable: degraded)")
                        : response.down().withData("reads", "failing (replica unreachable, fallback off)"))
                        .build());
    }
}
