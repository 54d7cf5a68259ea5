package org.parley.dataset;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code parley.exit-after-start=true}: the Kubernetes migration Job's mode. The application migrates (Flyway, when
 * {@code quarkus.flyway.migrate-at-start}), adds the curated data set (when {@code parley.dataset.load-at-start}),
 * then exits with status 0; a failure of either fails the start, so the Job retries. Quarkus' own
 * {@code quarkus.init-and-exit} is no use here: it exits before the start-up observers, the data set's among them.
 */
@ApplicationScoped
public class ExitAfterStart {

    private static final Logger LOG = Logger.getLogger(ExitAfterStart.class);

    // after every other start-up observer (the default priority is 2500): the data set is loaded by then
    void onStart(@Observes @Priority(100_000) StartupEvent event,
            @ConfigProperty(name = "parley.exit-after-start", defaultValue = "false") boolean exit) {
        if (exit) {
            LOG.info("Start-up work done (parley.exit-after-start): exiting");
            Quarkus.asyncExit(0);
        }
    }
}
