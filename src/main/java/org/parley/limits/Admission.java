package org.parley.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import graphql.GraphQLError;

/**
 * Admission control in the manner of public GraphQL APIs (GitHub: points per hour per client, a cap on concurrent
 * requests). Each client, named by its token's subject or else by its address, has a bucket of cost points
 * ({@code client-budget}) that refills at {@code refill-per-minute}; a request is charged its cost (at least 1) once
 * the cost is known, before its first field runs. A request that costs more than the bucket holds is refused with
 * 429 {@code RATE_LIMITED} and a {@code Retry-After} of the seconds the bucket needs. Requests costing
 * {@code expensive-cost} or more are also capped in number while they run: {@code max-expensive-per-client} per
 * client (then 429 {@code RATE_LIMITED}) and {@code max-expensive} in all (then 503 {@code OVERLOADED}), each with
 * {@code Retry-After: 1}; so are a client's large documents waiting for or on a document worker
 * ({@link Ticket#beforeChecking}, {@code max-expensive-per-client}). A request that does not run is not charged its cost but its {@link #parsingCharge},
 * whether it was refused for its document's text (a {@code MAX_*} limit before validation), for its shape after
 * validation or by admission, so that a client cannot keep the event loops parsing documents that will never run.
 * <p>
 * Memory is bounded: at most {@code max-clients} buckets, the one used least recently forgotten first.
 */
@Singleton
public class Admission {

    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String OVERLOADED = "OVERLOADED";
    /** GraphQL context key: the request's {@link Ticket}. */
    public static final String TICKET = "parley.admission";

    private final boolean enabled;
    private final double capacity;
    private final double perNano;
    private final long expensiveCost;
    private final int maxPerClient;
    private final int maxExpensive;
    private final LongSupplier clock;
    private final long refusalDelayMillis;
    private final AtomicInteger expensiveRunning = new AtomicInteger();
    private final Map<String, Bucket> buckets;

    @Inject
    public Admission(AdmissionSettings settings) {
        this(settings, System::nanoTime);
    }

    /** With a clock of nanoseconds (tests move it by hand). */
    public Admission(AdmissionSettings settings, LongSupplier clock) {
        if (settings.enabled() && (settings.clientBudget() < 1 || settings.refillPerMinute() < 1
                || settings.maxExpensivePerClient() < 1 || settings.maxExpensive() < 1 || settings.maxClients() < 1)) {
            throw new IllegalStateException("parley.admission.* settings must be at least 1");
        }
        this.enabled = settings.enabled();
        this.capacity = settings.clientBudget();
        this.perNano = settings.refillPerMinute() / (double) TimeUnit.MINUTES.toNanos(1);
        this.expensiveCost = settings.expensiveCost();
        this.maxPerClient = settings.maxExpensivePerClient();
        this.maxExpensive = settings.maxExpensive();
        this.clock = clock;
        this.refusalDelayMillis = settings.refusalDelay().toMillis();
        int maxClients = settings.maxClients();
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    public boolean enabled() {
        return enabled;
    }

    /** How long a refusal before parsing (a spent budget) is held back, in milliseconds; 0 for none. */
    public long refusalDelayMillis() {
        return refusalDelayMillis;
    }

    /** The ticket of a request from this client; null when admission control is off. */
    public Ticket ticket(String client) {
        if (!enabled) {
            return null;
        }
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, name -> new Bucket(capacity, clock.getAsLong()));
        }
        return new Ticket(bucket);
    }

    /** A client's cost points, its expensive requests running and its large documents being checked. */
    private static final class Bucket {
        double points;
        long refilledAt;
        int expensiveRunning;
        int documentsChecking;

        Bucket(double points, long now) {
            this.points = points;
            this.refilledAt = now;
        }
    }

    /** Why a request was refused: the HTTP status, the seconds to wait and the error. */
    public record Refusal(int status, long retryAfterSeconds, GraphQLError error) {
    }

    /** One request's admission: decided once its cost is known, read by the HTTP handler for the status. */
    public final class Ticket {
        private final Bucket bucket;
        private volatile Refusal refusal;
        private boolean holdsExpensive;
        private boolean holdsChecking;

        private Ticket(Bucket bucket) {
            this.bucket = bucket;
        }

        /**
         * Whether the client has the points that parsing this document would be charged (see
         * {@link Admission#parsingCharge}): when not, the request is refused before it is parsed.
         */
        public Refusal beforeParsing(long parsing) {
            double needed = Math.min(capacity, parsing);
            synchronized (bucket) {
                refill();
                if (bucket.points >= needed) {
                    return null;
                }
                return refuse(429, secondsFor(needed - bucket.points), RATE_LIMITED, "This client has spent its "
                        + "budget of cost points; it refills at " + perMinute() + " points per minute");
            }
        }

        /**
         * Takes one of the client's places among the large documents waiting for or on a document worker
         * ({@code max-expensive-per-client} of them, like expensive requests), so that one client cannot fill the
         * workers' queue; a refusal when it has none left. {@link #checked} gives it back.
         */
        public Refusal beforeChecking() {
            synchronized (bucket) {
                if (bucket.documentsChecking >= maxPerClient) {
                    return refuse(429, 1, RATE_LIMITED, "This client already has " + maxPerClient
                            + " large documents being checked; send the next when one is answered");
                }
                bucket.documentsChecking++;
                holdsChecking = true;
                return null;
            }
        }

        /** The document taken in by {@link #beforeChecking} is checked (or was not queued). Idempotent. */
        public void checked() {
            synchronized (bucket) {
                if (holdsChecking) {
                    holdsChecking = false;
                    bucket.documentsChecking--;
                }
            }
        }

        /** Charges a request refused for its document: the parsing it took. */
        public void charge(long points) {
            synchronized (bucket) {
                refill();
                bucket.points = Math.max(0, bucket.points - Math.min(capacity, points));
            }
        }

        /** Charges the cost, or refuses the request (then nothing is charged). */
        public Refusal admit(long cost) {
            boolean expensive = cost >= expensiveCost;
            double charge = Math.min(capacity, Math.max(1, cost));
            synchronized (bucket) {
                refill();
                if (expensive && bucket.expensiveRunning >= maxPerClient) {
                    return refuse(429, 1, RATE_LIMITED, "This client already runs " + maxPerClient
                            + " expensive requests (cost " + expensiveCost + " or more); send the next when one ends");
                }
                if (bucket.points < charge) {
                    return refuse(429, secondsFor(charge - bucket.points), RATE_LIMITED, "The request costs "
                            + cost + " points; this client has " + (long) bucket.points + " left, refilled at "
                            + perMinute() + " per minute");
                }
                if (expensive) {
                    if (expensiveRunning.incrementAndGet() > maxExpensive) {
                        expensiveRunning.decrementAndGet();
                        return refuse(503, 1, OVERLOADED, "The service already runs " + maxExpensive
                                + " expensive requests (cost " + expensiveCost + " or more); retry shortly");
                    }
                    bucket.expensiveRunning++;
                    holdsExpensive = true;
                }
                bucket.points -= charge;
                return null;
            }
        }

        /** The refusal, if the request was refused. */
        public Refusal refusal() {
            return refusal;
        }

        /** The request has ended: its place among the expensive ones is free. Idempotent. */
        public void release() {
            synchronized (bucket) {
                if (holdsExpensive) {
                    holdsExpensive = false;
                    bucket.expensiveRunning--;
                    expensiveRunning.decrementAndGet();
                }
            }
        }

        private void refill() {
            long now = clock.getAsLong();
            bucket.points = Math.min(capacity, bucket.points + (now - bucket.refilledAt) * perNano);
            bucket.refilledAt = now;
        }

        private Refusal refuse(int status, long retryAfter, String code, String message) {
            refusal = new Refusal(status, retryAfter, DocumentChecks.error(message, code, null));
            return refusal;
        }
    }

    /**
     * What parsing a document is charged when the document is refused before it runs (a limit on its text): a
     * point per 10 characters. A document that is refused has no cost, yet parsing it took an event loop's time in
     * its length (the measured example: docs/SECURITY.md).
     */
    public static long parsingCharge(String query) {
        return Math.max(1, query.length() / 10);
    }

    private long secondsFor(double points) {
        return Math.max(1, (long) Math.ceil(points / perNano / TimeUnit.SECONDS.toNanos(1)));
    }

    private long perMinute() {
        return Math.round(perNano * TimeUnit.MINUTES.toNanos(1));
    }
}
