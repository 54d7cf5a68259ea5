package org.parley.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.CountingProxyProfile;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.StatementCounterResource.CountedStatements;

import graphql.introspection.IntrospectionQuery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The default limits (application.properties), each refused with its code before any SQL statement reaches
 * PostgreSQL: statements are counted on the wire (the profile BatchedStatementCountTest shares, so the application
 * is not restarted for this class).
 */
@QuarkusTest
@TestProfile(CountingProxyProfile.class)
class LimitsTest {

    @CountedStatements
    AtomicLong executed;

    /** Runs the request and asserts that no statement reached the database meanwhile. */
    private ValidatableResponse withoutStatements(Supplier<ValidatableResponse> request) {
        long before = executed.get();
        ValidatableResponse response = request.get();
        assertEquals(before, executed.get(), "statements executed for a refused request");
        return response;
    }

    private ValidatableResponse refused(String query, Map<String, Object> variables, String code) {
        return withoutStatements(() -> GraphQL.post(query, variables)).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo(code))
                .body("extensions.cost.limit", equalTo(50000));
    }

    /** {@code actors(first: 1) { nodes { country { country { ... name } } } } with this many countries. */
    private static String countryChain(int countries) {
        return "{ actors(first: 1) { nodes { " + "country { ".repeat(countries) + "name" + " }".repeat(countries)
                + " } } }";
    }

    @Test
    void depthTwelvePassesAndThirteenIsRefused() {
        // actors, eleven countries, name: 13 levels (nodes is not one)
        GraphQL.post(countryChain(10), Map.of()).statusCode(200).body("errors", nullValue());
        refused(countryChain(11), Map.of(), "MAX_DEPTH")
                .body("errors[0].message", containsString("13 levels"));
    }

    /** Five hops from actors to sources, each connection read the Relay way; 13 levels with the wrappers counted. */
    private static final String FIVE_HOPS = "{ actors(first: 1) { edges { node { encounters(first: 1) { edges { node { "
            + "participants(first: 1) { actor { statements(first: 1) { edges { node { sources(first: 1) { title } "
            + "} } } } } } } } } } } }";

    @Test
    void relayWrappersAreNotLevels() {
        // actors, encounters, participants, actor, statements, sources, title: 7 levels
        GraphQL.post(FIVE_HOPS, Map.of()).statusCode(200)
                .body("errors", nullValue())
                .body("data.actors.edges", hasSize(1));
        // the same with nodes, with the edges inside a fragment, and with node inside an inline fragment
        GraphQL.post("{ actors(first: 1) { nodes { encounters(first: 1) { ...E } } } } "
                + "fragment E on EncounterConnection { edges { ... on EncounterEdge { node { participants(first: 1) "
                + "{ actor { statements(first: 1) { nodes { sources(first: 1) { title } } } } } } } } }", Map.of())
                .statusCode(200).body("errors", nullValue());
    }

    @Test
    void aDeepRelayQueryIsStillRefused() {
        // twelve countries under the wrappers: actors, 12 countries, name = 14 levels
        String deep = "{ actors(first: 1) { edges { node { " + "country { ".repeat(12) + "name" + " }".repeat(12)
                + " } } } }";
        refused(deep, Map.of(), "MAX_DEPTH").body("errors[0].message", containsString("14 levels"));
        // node is free only directly inside edges: node(id:) is a field like any other
        String nodes = "{ node(id: \"x\") { ... on Actor { " + "country { ".repeat(11) + "name" + " }".repeat(11)
                + " } } }";
        refused(nodes, Map.of(), "MAX_DEPTH").body("errors[0].message", containsString("13 levels"));
    }

    @Test
    void depthCountsThroughFragments() {
        String query = "query { actors(first: 1) { nodes { ...Two } } } "
                + "fragment Two on Actor { country { country { ...Four } } } "
                + "fragment Four on Actor { country { country { country { country { ...Six } } } } } "
                + "fragment Six on Actor { country { country { country { country { country { country { name } } } } } } }";
        refused(query, Map.of(), "MAX_DEPTH");
    }

    @Test
    void costComesFromPageSizesAndNesting() {
        String query = "query($n: Int) { actors(first: $n) { nodes { name encounters(first: $n) { nodes { title "
                + "participants { actor { name } } } } } } }";
        // 1 connection + n actors + n connections + n * n encounters + 50 participants (their default first) each
        // + their actors
        GraphQL.post(query, Map.of("n", 10)).statusCode(200)
                .body("errors", nullValue())
                .body("extensions.cost.requested", equalTo(1 + 10 + 10 + 100 + 5000 + 5000))
                .body("extensions.cost.limit", equalTo(50000));
        refused(query, Map.of("n", 50), "MAX_COST")
                .body("extensions.cost.requested", equalTo(1 + 50 + 50 + 2500 + 125000 + 125000));
        // a plain list is priced by its own first
        GraphQL.post(query.replace("participants", "participants(first: 3)"), Map.of("n", 10)).statusCode(200)
                .body("extensions.cost.requested", equalTo(1 + 10 + 10 + 100 + 300 + 300));
    }

    @Test
    void withoutFirstTheDefaultPageAndTheDefaultListBoundAreCounted() {
        // 1 connection + 20 encounters (default page) + 20 * 50 participants (a list's default first) + as many actors
        GraphQL.post("{ encounters { nodes { participants { actor { name } } } } }", Map.of()).statusCode(200)
                .body("errors", nullValue())
                .body("extensions.cost.requested", equalTo(1 + 20 + 1000 + 1000));
    }

    @Test
    void everyResponseCarriesTheCostEvenARefusedOne() {
        GraphQL.post("{ actors { nodes { nope } } }", Map.of()).statusCode(200)
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("extensions.cost.requested", equalTo(0))
                .body("extensions.cost.limit", equalTo(50000));
        given().contentType(ContentType.JSON).body("{").post("/graphql").then().statusCode(400)
                .body("extensions.cost.limit", equalTo(50000));
    }

    @Test
    void aliasesAreLimitedToThirty() {
        StringBuilder thirty = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            thirty.append(" a").append(i).append(": __typename");
        }
        GraphQL.post(thirty + " }", Map.of()).statusCode(200).body("errors", nullValue());
        refused(thirty + " one_more: __typename }", Map.of(), "MAX_ALIASES");
    }

    @Test
    void documentsOfMoreThanFiveThousandTokensAreNotParsed() {
        String query = "{" + " __typename".repeat(5000) + " }";
        refused(query, Map.of(), "MAX_TOKENS");
    }

    /** A "billion laughs": fragment L0 selects a name, each next one spreads the one before ten times. */
    private static String laughs(int levels) {
        StringBuilder document = new StringBuilder("{ actors(first: 1) { nodes { ...L" + (levels - 1) + " } } } "
                + "fragment L0 on Actor { name } ");
        for (int level = 1; level < levels; level++) {
            document.append("fragment L").append(level).append(" on Actor {")
                    .append((" ...L" + (level - 1)).repeat(10)).append(" } ");
        }
        return document.toString();
    }

    @Test
    void fieldsAreCountedWithFragmentsExpandedUpToFiveThousand() {
        // actors, nodes and 1,000 names (three levels of laughs): the names merge into one, well within the limits
        GraphQL.post(laughs(4), Map.of()).statusCode(200).body("errors", nullValue());
        // 100,000,000 names in 229 tokens: counted, not expanded, and refused before graphql-java validates them
        refused(laughs(9), Map.of(), "MAX_FIELDS")
                .body("errors[0].message", containsString("at most 5000"));
    }

    @Test
    void aFieldRepeatedThousandsOfTimesIsRefusedBeforeValidation() {
        // the 24.5 KB document: within every other limit (cost 101), it held an event loop 0.3 to 5 s
        String query = "{ actors(first:100){ nodes { " + "name ".repeat(4900) + "} } }";
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            refused(query, Map.of(), "MAX_FIELD_MERGES")
                    .body("errors[0].message", containsString("at most 2000"));
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        // a figure for docs/SECURITY.md, not an assertion: it moves with the machine's load
        System.out.printf("4,900 repeats of name (%d characters) refused in %.1f ms (fastest round trip of 5)%n",
                query.length(), fastest / 1e6);
    }

    @Test
    void repeatsAreWeighedByTheObjectsTheyAreMergedFor() {
        // 299 repeats are few for the document, but merged again for each of 100 actors: 100 * 300 * 299 / 2 folds
        refused("{ actors(first: 100) { nodes { " + "name ".repeat(300) + "} } }", Map.of(), "MAX_FIELD_MERGES")
                .body("errors[0].message", containsString("every object"));
        // the same repeats on one actor are the work the document check allows
        GraphQL.post("{ actors(first: 1) { nodes { " + "name ".repeat(300) + "} } }", Map.of()).statusCode(200)
                .body("errors", nullValue());
    }

    @Test
    void overlappingFragmentsAsClientsWriteThemPass() {
        // Relay and Apollo add id (and __typename) in every fragment: a few repeats per object, on 100 actors
        String query = "{ actors(first: 100) { nodes { id __typename ...A ...B ...C encounters(first: 10) { nodes "
                + "{ id ...E } } } } } fragment A on Actor { id __typename name } fragment B on Actor { id name aliases }"
                + " fragment C on Actor { id __typename encounters(first: 10) { nodes { id title } } }"
                + " fragment E on Encounter { id __typename title }";
        GraphQL.post(query, Map.of()).statusCode(200).body("errors", nullValue());
    }

    @Test
    void documentsOfMoreThanOneHundredThousandCharactersAreNotParsed() {
        // not even a document: refused for its length before the parser would find that out
        refused("{" + " ".repeat(100_000), Map.of(), "MAX_DOCUMENT_LENGTH")
                .body("errors[0].message", containsString("100001 characters"));
    }

    @Test
    void aPageLargerThanOneHundredIsRefusedBeforeTheRootFieldRuns() {
        // the root field (actors) would have run a statement before encounters checked its first
        refused("{ actors(first: 1) { nodes { encounters(first: 101) { totalCount } } } }", Map.of(),
                "BAD_USER_INPUT").body("errors[0].message", containsString("first must be between 0 and 100"));
        refused("{ actors(first: -1) { totalCount } }", Map.of(), "BAD_USER_INPUT");
    }

    @Test
    void aBodyLargerThanOneMegabyteGetsAGraphQLError() {
        String padding = "x".repeat(1024 * 1024);
        withoutStatements(() -> given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ __typename }", "variables", Map.of("padding", padding)))
                .post("/graphql").then())
                .statusCode(413)
                .contentType(containsString("application/json"))
                .body("errors[0].extensions.code", equalTo("MAX_BODY_SIZE"));
    }

    @Test
    void withTheGraphQLResponseMediaTypeARefusalIsA400() {
        withoutStatements(() -> given().contentType(ContentType.JSON)
                .accept("application/graphql-response+json")
                .body(Map.of("query", countryChain(11)))
                .post("/graphql").then())
                .statusCode(400)
                .contentType(containsString("application/graphql-response+json"))
                .body("errors[0].extensions.code", equalTo("MAX_DEPTH"));
    }

    @Test
    void batchesAreRefused() {
        withoutStatements(() -> given().contentType(ContentType.JSON)
                .body("[{\"query\": \"{ actors { totalCount } }\"}, {\"query\": \"{ sources { totalCount } }\"}]")
                .post("/graphql").then())
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", containsString("one operation per request"));
    }

    @Test
    void introspectionIsFreeAndBoundedByGraphQLJava() {
        GraphQL.post("{ __schema { types { name fields { name type { name ofType { name } } } } } }", Map.of())
                .statusCode(200)
                .body("errors", nullValue())
                .body("data.__schema.types", notNullValue())
                .body("extensions.cost.requested", equalTo(0));
        // the standard introspection query (what GraphiQL sends) fits every limit: 1,444 characters, 189 fields
        GraphQL.post(IntrospectionQuery.INTROSPECTION_QUERY, Map.of()).statusCode(200)
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"));
        // a cycle through __Type.fields is refused by graphql-java's good-faith check, with a code
        refused("{ __schema { types { fields { type { fields { name } } } } } }", Map.of(), "MAX_COST");
    }
}
