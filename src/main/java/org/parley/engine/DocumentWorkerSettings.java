package org.parley.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where large documents are parsed and checked ({@code parley.documents.*}; values and reasons in
 * application.properties). See {@link DocumentWorkers}.
 */
@ConfigMapping(prefix = "parley.documents")
public interface DocumentWorkerSettings {

    /** Documents longer than this, in characters, go to the document workers; shorter ones stay on the event loop. */
    @WithDefault("4000")
    int workerThreshold();

    /** Threads that parse and check large documents. */
    @WithDefault("2")
    int workerThreads();

    /** Large documents that may wait for a worker; one more is refused at once with 503 OVERLOADED. */
    @WithDefault("16")
    int workerQueue();
}
