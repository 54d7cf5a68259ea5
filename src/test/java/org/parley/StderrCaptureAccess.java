package org.parley;

import java.io.PrintStream;

import org.jboss.logging.Logger;

/** Test access to {@link StderrCapture}'s stream, without replacing the JVM's own stderr. */
public final class StderrCaptureAccess {

    private StderrCaptureAccess() {
    }

    public static PrintStream stream(String logger, PrintStream previous) {
        return new StderrCapture.LoggingPrintStream(Logger.getLogger(logger), previous);
    }
}
