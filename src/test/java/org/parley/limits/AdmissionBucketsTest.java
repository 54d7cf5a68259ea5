package org.parley.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The token buckets and caps of {@link Admission}, on a clock moved by hand. */
class AdmissionBucketsTest {

    private final AtomicLong now = new AtomicLong();

    private Admission admission(int maxClients) {
        return admission(maxClients, 1000, Long.MAX_VALUE);
    }

    private Admission admission(int maxClients, long budget, long expensiveCost) {
        AdmissionSettings settings = new AdmissionSettings() {
            public boolean enabled() { return true; }
            public long clientBudget() { return budget; }
            public long refillPerMinute() { return 600; } // 10 a second
            public long expensiveCost() { return expensiveCost; }
            public int maxExpensivePerClient() { return 2; }
            public int maxExpensive() { return 3; }
            public int maxClients() { return maxClients; }
            public java.time.Duration refusalDelay() { return java.time.Duration.ZERO; }
        };
        return new Admission(settings, now::get);
    }

    private void seconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void theBucketRefillsAtItsRateUpToItsBudget() {
        Admission admission = admission(10);
        assertNull(admission.ticket("a").admit(900));
        Admission.Refusal refusal = admission.ticket("a").admit(300);
        assertNotNull(refusal);
        assertEquals(429, refusal.status());
        assertEquals(20, refusal.retryAfterSeconds()); // 200 points at 10 a second
        seconds(20);
        assertNull(admission.ticket("a").admit(300));
        seconds(3600); // never more than the budget
        assertNull(admission.ticket("a").admit(1000));
        assertNotNull(admission.ticket("a").admit(1));
        assertNotNull(admission.ticket("a").beforeParsing(1));
        seconds(10);
        assertNull(admission.ticket("a").beforeParsing(100));
        admission.ticket("a").charge(100); // a refused document's parsing
        assertNotNull(admission.ticket("a").beforeParsing(1));
        // a request costing more than the budget needs a full bucket, not an impossible one
        seconds(100);
        assertNull(admission.ticket("a").admit(50_000));
    }

    @Test
    void expensiveRequestsAreCappedPerClientAndInAll() {
        Admission admission = admission(10, 10_000, 500);
        Admission.Ticket a1 = admission.ticket("a");
        Admission.Ticket a2 = admission.ticket("a");
        assertNull(a1.admit(500));
        assertNull(a2.admit(500));
        Admission.Refusal third = admission.ticket("a").admit(500);
        assertEquals(429, third.status());
        assertEquals(1, third.retryAfterSeconds());
        assertNull(admission.ticket("a").admit(499)); // not expensive
        assertNull(admission.ticket("b").admit(500));
        Admission.Refusal overloaded = admission.ticket("c").admit(500);
        assertEquals(503, overloaded.status());
        assertEquals(Admission.OVERLOADED, overloaded.error().getExtensions().get("code"));
        a1.release();
        a1.release(); // once only
        assertNull(admission.ticket("c").admit(500));
        assertNotNull(admission.ticket("d").admit(500));
    }

    @Test
    void theClientSeenLeastRecentlyIsForgotten() {
        Admission admission = admission(2);
        assertNull(admission.ticket("a").admit(1000));
        assertNull(admission.ticket("b").admit(1000));
        assertNotNull(admission.ticket("a").admit(1)); // a is now the most recent
        assertNull(admission.ticket("c").admit(1000)); // b is forgotten
        assertNotNull(admission.ticket("a").admit(1));
        assertNull(admission.ticket("b").admit(1000)); // back with a full bucket
    }
}
