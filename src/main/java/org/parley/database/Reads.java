package org.parley.database;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * The reactive pool that reads go through ({@code @Reads Pool}): the primary's own pool when no read replica is set,
 * else a pool that sends the reads of queries to the replica ({@link ReadReplica}). Writes keep the unqualified pool
 * (and Hibernate Reactive's sessions), which is always the primary's.
 */
@Qualifier
@Retention(RUNTIME)
@Target({ METHOD, FIELD, PARAMETER, TYPE })
public @interface Reads {
}
