package org.parley.limits;

import io.smallrye.config.ConfigMapping;

/**
 * How much one client may ask of the service over time ({@code parley.admission.*}; values and reasons in
 * application.properties, the rules in docs/SECURITY.md). See {@link Admission}.
 */
@ConfigMapping(prefix = "parley.admission")
public interface AdmissionSettings {

    /** Off in the test profile, whose suites send thousands of requests from one address. */
    boolean enabled();

    /** Cost points a client's bucket holds: what it may spend at once after a quiet spell. */
    long clientBudget();

    /** Cost points a client's bucket regains per minute. */
    long refillPerMinute();

    /** Requests whose cost is at least this are expensive: their concurrency is capped. */
    long expensiveCost();

    /** Expensive requests one client may have running at once (more: 429). */
    int maxExpensivePerClient();

    /** Expensive requests the whole service runs at once (more: 503). */
    int maxExpensive();

    /** Clients remembered; past it the one seen least recently is forgotten (and starts again with a full bucket). */
    int maxClients();
}
