package org.parley.http;

import org.parley.errors.ErrorCodes;
import org.parley.errors.RequestLog;
import org.parley.limits.Limits;

import graphql.GraphQLError;
import io.micrometer.core.instrument.MeterRegistry;

/** Requests answered without graphql-java: logged and counted like the others (RequestLog, ErrorCodes). */
final class RefusalLog {

    private final MeterRegistry registry;

    RefusalLog(MeterRegistry registry) {
        this.registry = registry;
    }

    void refused(GraphQLError error, long startNanos) {
        String code = (String) error.getExtensions().get("code");
        ErrorCodes.count(registry, code);
        RequestLog.refused(startNanos, code);
    }

    /** The client was told TIMEOUT; the execution's own line follows when it ends. */
    void timedOut() {
        ErrorCodes.count(registry, Limits.TIMEOUT);
    }
}
