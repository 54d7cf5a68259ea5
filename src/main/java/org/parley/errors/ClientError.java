package org.parley.errors;

/**
 * An exception that reports a condition of the client's making, with its own code (a cursor too old, a consumer too
 * slow): sent to the client, kept out of the error log ({@link ClientErrorLogFilter}).
 */
public interface ClientError {
}
