package org.parley.limits;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /**
     * How long the answer to a client refused before its document is parsed (its budget spent) is held back: a
     * client that ignores Retry-After and resends at once then sends a few refused requests a second per connection
     * instead of hundreds, each of which was read, logged and answered. Holding it costs a timer, no thread. 0: none.
     */
    @WithDefault("250ms")
    Duration refusalDelay();

    /** Clients remembered; past it the one seen least recently is forgotten (and starts again with a full bucket). */
    int maxClients();
}
