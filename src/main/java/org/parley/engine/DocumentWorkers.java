package org.parley.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.smallrye.graphql.execution.QueryCache;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A small bounded pool that parses, checks and validates large documents off the event loops: a document of
 * thousands of tokens takes milliseconds to tens of milliseconds of CPU to parse and validate, and on an event loop
 * every other request of that loop (and the liveness probe, on the same loops) waits for it. Documents up to
 * {@code worker-threshold} characters stay on the event loop, where a repeated one costs a cache lookup.
 * <p>
 * {@link #run} hands the work to a worker and continues on the request's own Vert.x context (its event loop) with
 * its CDI request context active again, as {@code SmallRyeGraphQLAbstractHandler} had it: the security identity and
 * the current request are request-scoped beans, so they come back with it. When {@code worker-queue} documents
 * already wait, {@link #run} refuses at once (false) and nothing runs: the caller answers 503 {@code OVERLOADED}.
 * <p>
 * {@link #validateAhead} validates a checked document on the worker and puts it in SmallRye's parsed-document cache,
 * where graphql-java (and SmallRye, when it sets up the request's context) find it on the event loop instead of
 * parsing it three times and validating it twice there. A document that fails validation is not cached (SmallRye
 * caches only valid ones): its errors are returned, and the request is answered with them from here, so that an
 * invalid document (conflicting fields cost as much to find as valid ones to merge) never reaches an event loop.
 */
@ApplicationScoped
public class DocumentWorkers {

    /** What becomes of the work of {@link #run}: exactly one of the two is called, once, on the request's context. */
    public interface Continuation<T> {

        /** The work's result (or its failure), with the request context active. */
        void resumed(T result, Throwable failure);

        /** The request ended while its work waited or ran (the client went away): only clean up. */
        void abandoned();
    }

    private static final Logger LOG = Logger.getLogger(DocumentWorkers.class);

    private final int threshold;
    private final ThreadPoolExecutor executor;
    private final GraphQLCustomizer customizer;

    DocumentWorkers(DocumentWorkerSettings settings, GraphQLCustomizer customizer, MeterRegistry registry) {
        if (settings.workerThreads() < 1 || settings.workerQueue() < 1 || settings.workerThreshold() < 0) {
            throw new IllegalStateException("parley.documents.worker-threads and worker-queue must be at least 1,"
                    + " worker-threshold at least 0");
        }
        this.threshold = settings.workerThreshold();
        this.customizer = customizer;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 0,
                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.workerQueue()), task -> {
                    Thread thread = new Thread(task, "parley-documents-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        registry.gauge("parley.documents.waiting", executor, pool -> pool.getQueue().size());
    }

    /** Whether a document of this text goes to the workers. */
    public boolean offloads(String query) {
        return query.length() > threshold;
    }

    /**
     * Runs {@code work} on a worker, then {@code then} on the current Vert.x context with the current request
     * context active again. False, and nothing runs, when the queue is full. Called on an event loop, in a request.
     */
    public <T> boolean run(Supplier<T> work, Continuation<T> then) {
        Context vertxContext = Vertx.currentContext();
        if (vertxContext == null) {
            throw new IllegalStateException("Document workers are called from a request's Vert.x context");
        }
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState state = requests.getStateIfActive();
        try {
            executor.execute(() -> {
                T result = null;
                Throwable failure = null;
                try {
                    result = work.get();
                } catch (RuntimeException | StackOverflowError e) {
                    failure = e;
                }
                T done = result;
                Throwable failed = failure;
                vertxContext.runOnContext(ignored -> resume(requests, state, then, done, failed));
            });
            return true;
        } catch (RejectedExecutionException full) {
            return false; // the queue is full, or the pool shut down
        }
    }

    private static <T> void resume(ManagedContext requests, InjectableContext.ContextState state,
            Continuation<T> then, T result, Throwable failure) {
        if (state == null) {
            then.resumed(result, failure);
            return;
        }
        if (!state.isValid()) {
            then.abandoned(); // the response was closed: Quarkus ended the request context
            return;
        }
        requests.activate(state);
        try {
            then.resumed(result, failure);
        } finally {
            requests.deactivate();
        }
    }

    /**
     * Validates a document (parsed from {@code query}) against the schema requests execute against and, when it is
     * valid, puts it in SmallRye's parsed-document cache. Returns the validation errors (empty when valid, cached
     * already, or not validated: before graphql-java has been built by the first request). On a worker thread.
     */
    public List<ValidationError> validateAhead(String query, Document document) {
        QueryCache cache = customizer.documents();
        GraphQLSchema schema = customizer.executingSchema();
        if (cache == null || schema == null) {
            return List.of();
        }
        ExecutionInput input = ExecutionInput.newExecutionInput().query(query).build();
        PreparsedDocumentEntry[] entry = new PreparsedDocumentEntry[1];
        List<ValidationError> found = new ArrayList<>();
        try {
            // SmallRye's cache takes a document only through its validation hook, which calls this function once
            // more to compute the entry it stores: the second call returns the first one's entry
            cache.getDocumentAsync(input, ignored -> {
                if (entry[0] == null) {
                    InstrumentationContext<List<ValidationError>> validation = cache.beginValidation(
                            new InstrumentationValidationParameters(input, document, schema), null);
                    List<ValidationError> errors = ParseAndValidate.validate(schema, document, input.getLocale());
                    found.addAll(errors);
                    entry[0] = errors.isEmpty() ? new PreparsedDocumentEntry(document)
                            : new PreparsedDocumentEntry(errors);
                    validation.onCompleted(errors, null);
                }
                return entry[0];
            });
        } catch (RuntimeException e) {
            // graphql-java validates the document on the event loop, as it does any document not cached
            LOG.debugf(e, "Validating a document ahead failed");
        }
        return found;
    }

    /** Runs a task on the workers as documents are run (tests occupy them); false when the queue is full. */
    boolean execute(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException full) {
            return false;
        }
    }

    /** Documents (or tasks) waiting for a worker. */
    int waiting() {
        return executor.getQueue().size();
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
