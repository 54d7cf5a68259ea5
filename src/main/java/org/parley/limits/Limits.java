package org.parley.limits;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/**
 * What one GraphQL request may ask for ({@code parley.limits.*}; the values and their reasons are in
 * application.properties, the table of codes and HTTP statuses in docs/SECURITY.md). Every limit but the request
 * timeout is checked before anything runs, so a refused request costs no database work.
 */
@ConfigMapping(prefix = "parley.limits")
public interface Limits {

    /** Codes of the errors that report a limit (extensions.code). */
    String MAX_DEPTH = "MAX_DEPTH";
    String MAX_COST = "MAX_COST";
    String MAX_ALIASES = "MAX_ALIASES";
    String MAX_TOKENS = "MAX_TOKENS";
    String MAX_FIELDS = "MAX_FIELDS";
    String MAX_FIELD_MERGES = "MAX_FIELD_MERGES";
    String MAX_DOCUMENT_LENGTH = "MAX_DOCUMENT_LENGTH";
    String MAX_BODY_SIZE = "MAX_BODY_SIZE";
    String TIMEOUT = "TIMEOUT";

    /** Most levels of nested fields in an operation (introspection fields excluded). */
    int maxDepth();

    /** Most objects a response may hold, estimated from page sizes and nesting (see {@link QueryCost}). */
    long maxCost();

    /** Most aliased fields in a document. */
    int maxAliases();

    /** Most lexical tokens in a document (graphql-java's parser stops reading past it). */
    int maxTokens();

    /** Most fields in a document once its fragments are expanded (as many as a document of max-tokens can write out). */
    int maxFields();

    /**
     * Most repeats of a response key that execution would merge, in the document; weighed by the objects each
     * selection set is collected for, at most the merging work of one object with this many repeats (see
     * {@link DocumentChecks}, {@link RequestLimits}).
     */
    int maxFieldMerges();

    /** Longest document, in characters (UTF-16 code units), refused before it is parsed. */
    int maxDocumentLength();

    /** Largest {@code first} a connection takes; at most 100, the most a page is ever read with. */
    int maxPageSize();

    /** How many items the cost assumes for a list without paging arguments (an encounter's participants). */
    int listSize();

    /** Largest request body {@code /graphql} reads. */
    MemorySize maxBodySize();

    /** Longest a request may take before the client gets a TIMEOUT answer. */
    Duration requestTimeout();

    /** Most aliases one createActor may give (BAD_USER_INPUT beyond). */
    int maxActorAliases();

    /** Most actors one recordStatement may name in {@code about} (BAD_USER_INPUT beyond). */
    int maxStatementAbout();
}
