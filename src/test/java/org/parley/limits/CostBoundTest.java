package org.parley.limits;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.AnswerSize;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.language.ScalarTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The cost of a query is an upper bound of the objects in its answer, also where a parent has far more children than
 * any default: a source with 150 statements, each attested, and a statement with 149 responses. (The fuzz test checks
 * the same inequality on every answer of its corpus.)
 */
@QuarkusTest
class CostBoundTest {

    private static final int CHILDREN = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String source;
    private static String firstStatement;
    private static String encounter;

    @BeforeAll
    static void aSourceWithManyStatementsAndAStatementWithManyResponses() {
        TestRows.removeAll();
        String slug = "zz-test-fanout-" + System.nanoTime();
        Database.execute("with src as (insert into source (slug, title, publisher, language)"
                + " values (?, 'Zz Test Fanout source', 'Zz Test', 'en') returning id),"
                + " st as (insert into statement (slug, text, mode, kind, position, speaker_label)"
                + " select ? || '-' || i, 'Zz Test fan-out statement ' || i, 'PARAPHRASE', 'CLAIM', i, 'Zz Test speaker'"
                + " from generate_series(1, ?) i returning id)"
                + " insert into attestation (source_id, statement_id, excerpt)"
                + " select src.id, st.id, 'Zz Test excerpt' from src, st", slug, slug, CHILDREN);
        long sourceId = ((Number) Database.column("select id from source where slug = ?", slug).get(0)).longValue();
        long first = ((Number) Database.column("select id from statement where slug = ?", slug + "-1").get(0))
                .longValue();
        Database.execute("update statement set responds_to_id = ? where slug like ? and id <> ?", first, slug + "-%",
                first);
        source = Ids.of("Source", sourceId);
        firstStatement = Ids.of("Statement", first);
        // an encounter with as many parts, and every fan-out statement about it (Encounter.parts, statementsAbout,
        // Statement.aboutEncounters)
        Database.execute("with parent as (insert into encounter (slug, kind, title, status)"
                + " values (?, 'SUMMIT', 'Zz Test Fanout summit', 'HELD') returning id)"
                + " insert into encounter (slug, kind, title, status, part_of_id)"
                + " select ? || '-part-' || i, 'MEETING', 'Zz Test part ' || i, 'HELD', parent.id"
                + " from parent, generate_series(1, ?) i", slug, slug, CHILDREN);
        long encounterId = ((Number) Database.column("select id from encounter where slug = ?", slug).get(0))
                .longValue();
        Database.execute("insert into statement_about_encounter (statement_id, encounter_id, position)"
                + " select id, ?, 0 from statement where slug like ?", encounterId, slug + "-%");
        encounter = Ids.of("Encounter", encounterId);
        // every other fan-out statement is also about the source and comments on the first one
        // (Source.statementsAbout, Statement.aboutSources, Statement.statementsAbout, Statement.aboutStatements)
        Database.execute("insert into statement_about_source (statement_id, source_id, position)"
                + " select id, ?, 0 from statement where slug like ?", sourceId, slug + "-%");
        Database.execute("insert into statement_about_statement (statement_id, about_statement_id, position)"
                + " select id, ?, 0 from statement where slug like ? and id <> ?", first, slug + "-%", first);
    }

    @AfterAll
    static void removeRows() {
        TestRows.removeAll();
    }

    @Test
    void aPlainListReturnsAtMostItsFirstAndFiftyWithout() {
        String query = "query($id: ID!) { node(id: $id) { ... on Source { all: statements(first: 100) { text }"
                + " some: statements(first: 7) { text } usual: statements { text } } } }";
        GraphQL.post(query, Map.of("id", source)).statusCode(200)
                .body("errors", nullValue())
                .body("data.node.all.size()", equalTo(100))
                .body("data.node.some.size()", equalTo(7))
                .body("data.node.usual.size()", equalTo(50))
                .body("data.node.some[0].text", equalTo("Zz Test fan-out statement 1"));
        GraphQL.post(query.replace("first: 7", "first: 101"), Map.of("id", source)).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void costBoundsTheAnswerWhereParentsHaveManyChildren() throws IOException {
        List<String> shapes = List.of(
                "query($s: ID!) { node(id: $s) { ... on Source { statements { text attestations { excerpt"
                        + " source { title } } } } } }",
                "query($s: ID!) { node(id: $s) { ... on Source { statements(first: 100) { responses(first: 3)"
                        + " { text } respondsTo { responses(first: 100) { text sources(first: 2) { title } } } } } } }",
                "query($r: ID!) { node(id: $r) { ... on Statement { responses(first: 100) { respondsTo {"
                        + " responses(first: 100) { text } } } } } }",
                "query($s: ID!, $r: ID!) { a: node(id: $s) { ... on Source { attestations(first: 100) { statement {"
                        + " attestations { source { statements(first: 2) { text } } } } } } }"
                        + " b: node(id: $r) { ... on Statement { responses { text } } } }",
                "{ sources(first: 20) { nodes { statements(first: 100) { text }"
                        + " encounters(first: 10) { title participants(first: 10) { actor { name } } } } } }",
                "query($e: ID!) { node(id: $e) { ... on Encounter { parts { title partOf { title } }"
                        + " statementsAbout { text aboutEncounters { title parts(first: 3) { title } } } } } }",
                "query($e: ID!) { node(id: $e) { ... on Encounter { statementsAbout(first: 20) {"
                        + " aboutEncounters(first: 5) { parts(first: 100) { title } } } } } }",
                "query($e: ID!) { node(id: $e) { ... on Encounter { parts(first: 100) { partOf {"
                        + " statementsAbout(first: 100) { text } } } } } }",
                "query($s: ID!) { node(id: $s) { ... on Source { statementsAbout(first: 100) {"
                        + " aboutSources(first: 3) { statementsAbout(first: 100) { text } } } } } }",
                "query($r: ID!) { node(id: $r) { ... on Statement { statementsAbout(first: 100) {"
                        + " aboutStatements(first: 3) { statementsAbout(first: 100) { text } } } } } }");
        for (String shape : shapes) {
            String body = GraphQL.post(shape, Map.of("s", source, "r", firstStatement, "e", encounter)).statusCode(200)
                    .extract().asString();
            JsonNode answer = JSON.readTree(body);
            assertTrue(answer.path("data").isObject() && answer.path("errors").isMissingNode(),
                    "accepted and answered: " + shape + " -> " + body.substring(0, Math.min(300, body.length())));
            assertNull(AnswerSize.costBelowSize(answer), shape);
        }
    }

    @Test
    void theFanOutOfThirtyAliasesIsRefusedBeforeItRuns() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            query.append(" s").append(i).append(": sources(first: 1) { nodes { statements { text attestations {"
                    + " excerpt } } } }");
        }
        // 30 x (1 connection + 1 source + 50 statements + 50 x 50 attestations)
        GraphQL.post(query.append(" }").toString(), Map.of()).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("MAX_COST"))
                .body("extensions.cost.requested", equalTo(30 * (1 + 1 + 50 + 2500)));
    }

    /**
     * The class of problem, not the example: a list of records without {@code first} would again be priced by a
     * guess. Every list of objects in the schema takes {@code first}, but the nodes and edges of a connection (whose
     * parent takes it) and the lists of mutation payloads (written by editors, bounded by their input).
     */
    @Test
    void everyListOfRecordsInTheSchemaTakesFirst() throws IOException {
        TypeDefinitionRegistry types = new SchemaParser().parse(Files.readString(Path.of("docs", "schema.graphql")));
        for (String scalar : List.of("Date", "DateTime")) { // SmallRye's, not declared in the printed schema
            types.add(ScalarTypeDefinition.newScalarTypeDefinition().name(scalar).build());
        }
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
        List<String> unbounded = new ArrayList<>();
        for (GraphQLType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")
                    || object.getName().endsWith("Connection") || object.getName().endsWith("Payload")
                    || object.getName().equals("ImportReport") || object == schema.getMutationType()) {
                continue;
            }
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                GraphQLType fieldType = GraphQLTypeUtil.unwrapNonNull(field.getType());
                if (fieldType instanceof GraphQLList && !GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(fieldType))
                        && field.getArgument("first") == null) {
                    unbounded.add(object.getName() + "." + field.getName());
                }
            }
        }
        assertEquals(List.of(), unbounded, "lists without first");
    }
}
