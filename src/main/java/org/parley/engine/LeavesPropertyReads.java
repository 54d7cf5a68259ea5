package org.parley.engine;

/**
 * Marks an instrumentation whose {@code instrumentDataFetcher} returns a trivial fetcher (a property read, which
 * graphql-java flags as such) unchanged. {@link QueryExecutionStrategy} reads plain properties without graphql-java,
 * so without asking the instrumentations; it is installed only while every member that instruments fetchers says so.
 */
public interface LeavesPropertyReads {
}
