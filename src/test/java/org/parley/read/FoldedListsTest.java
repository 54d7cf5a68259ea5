package org.parley.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A single object's lists folded into its statement (read.ToMany) answer exactly what their batches answer: the same
 * selection is asked of {@code actor(id:)}, {@code actor(name:)} and {@code node(id:)}, which fold, and of the same
 * actor as the speaker of its statements in a root list, read ahead there so that its lists batch, and all must give
 * the same data, whatever the arguments, aliases and fragments.
 */
@QuarkusTest
class FoldedListsTest {

    /** Every kind of list an actor page asks for, with arguments, aliases, cursors and nested lists. */
    private static final String SELECTION = """
            fragment Page on Actor {
              name kind
              aliases
              firstAlias: aliases(first: 1)
              roles { id title start { date precision } end { date precision } organization { name kind } }
              statements(first: 3) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges {
                  cursor
                  node {
                    id text kind mode saidOn { date precision }
                    speaker { name }
                    encounter { title start { date precision } place { name latitude longitude } }
                    sources { title publisher publishedAt updatedAt changedAt publishedOn { date precision } }
                    attestations { excerpt reportedDate { date precision } source { title url } }
                  }
                }
              }
              later: statements(first: 2, after: $after) { totalCount nodes { text } pageInfo { hasNextPage hasPreviousPage } }
              every: statements(first: 100) { nodes { id sources(first: 1) { title } } }
              encounters(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title partOf { title } } } }
            }
            """;

    private static final String FOLDED = "query Folded($id: ID!, $after: String) { actor(id: $id) { ...Page } }"
            + SELECTION;

    private static final String THROUGH_NODE = "query Node($id: ID!, $after: String) { node(id: $id) { ...Page } }"
            + SELECTION;

    private static final String BY_NAME = "query ByName($name: String!, $after: String) { actor(name: $name) { ...Page } }"
            + SELECTION;

    /** The same actor as the speaker of its statements, read ahead into a root list: its own lists batch. */
    private static final String BATCHED = "query Batched($id: ID!, $after: String) {"
            + " statements(filter: { speaker: $id }, first: 1) { nodes { speaker { ...Page } } } }" + SELECTION;

    @Test
    void anActorPageAnswersTheSameFoldedAsBatched() {
        for (String slug : List.of("vladimir-putin", "kim-jong-un", "sergey-lavrov", "north-korea", "russia")) {
            String id = Ids.bySlug("Actor", slug);
            JsonPath folded = GraphQL.post(FOLDED, GraphQL.vars("id", id, "after", PageRequest.cursor(0))).statusCode(200)
                    .extract().jsonPath();
            JsonPath batched = GraphQL.post(BATCHED, GraphQL.vars("id", id, "after", PageRequest.cursor(0))).statusCode(200)
                    .extract().jsonPath();
            assertEquals((Object) null, folded.get("errors"), slug);
            assertEquals((Object) null, batched.get("errors"), slug);
            Map<String, Object> actor = folded.getMap("data.actor");
            assertNotNull(actor, slug);
            assertEquals(batched.getMap("data.statements.nodes[0].speaker"), actor, slug);
            JsonPath throughNode = GraphQL.post(THROUGH_NODE, GraphQL.vars("id", id, "after", PageRequest.cursor(0)))
                    .statusCode(200).extract().jsonPath();
            assertEquals(actor, throughNode.getMap("data.node"), slug + " through node");
            JsonPath byName = GraphQL.post(BY_NAME, GraphQL.vars("name", actor.get("name"), "after",
                    PageRequest.cursor(0))).statusCode(200).extract().jsonPath();
            assertEquals(actor, byName.getMap("data.actor"), slug + " by name");
        }
        // the comparison saw lists, not empty answers: Putin has roles, statements with sources, a next page
        JsonPath putin = GraphQL.post(FOLDED, GraphQL.vars("id", Ids.bySlug("Actor", "vladimir-putin"), "after", null))
                .statusCode(200).extract().jsonPath();
        assertThat(putin.getList("data.actor.roles").size(), greaterThan(0));
        assertThat(putin.getList("data.actor.statements.edges.node.sources.flatten()").size(), greaterThan(0));
        assertThat(putin.getInt("data.actor.statements.totalCount"), greaterThanOrEqualTo(3));
        assertEquals(Database.count("select count(*) from statement s join actor a on a.id = s.speaker_id"
                + " where a.slug = 'vladimir-putin' and s.deleted_at is null"), putin.getList("data.actor.every.nodes").size());
    }

    /**
     * Pages of the other kinds through {@code node(id:)}, which folds, against the same object reached below a
     * statement as a to-one field (read ahead, so its own lists batch) or in a root list (batched).
     */
    @Test
    void encounterSourceAndStatementPagesAnswerTheSameFoldedAsBatched() {
        List<Object> statements = Database.column("select s.id from statement s where s.deleted_at is null"
                + " and s.encounter_id is not null and s.speaker_id is not null"
                + " and exists (select 1 from attestation att where att.statement_id = s.id) order by s.id limit 4");
        assertThat(statements.size(), greaterThanOrEqualTo(2));
        // links the curated data does not have, so that those lists are compared with items in them; undone after
        long first = ((Number) statements.get(0)).longValue();
        long second = ((Number) statements.get(1)).longValue();
        Database.execute("insert into statement_about_statement values (" + first + ", " + second + ", 0), ("
                + second + ", " + first + ", 0)");
        Database.execute("insert into statement_about_source select " + first + ", min(source_id), 0 from attestation"
                + " where statement_id = " + second);
        try {
            comparePages(statements);
            JsonPath linked = data("{ node(id: $id) { ... on Statement { aboutStatements { id } aboutSources { id } } } }",
                    Ids.of("Statement", first));
            assertEquals(List.of(Ids.of("Statement", second)), linked.getList("data.node.aboutStatements.id"));
            assertEquals(1, linked.getList("data.node.aboutSources").size());
        } finally {
            Database.execute("delete from statement_about_statement where statement_id in (" + first + ", " + second
                    + ") and about_statement_id in (" + first + ", " + second + ")");
            Database.execute("delete from statement_about_source where statement_id = " + first);
        }
    }

    private void comparePages(List<Object> statements) {
        for (Object each : statements) {
            long id = ((Number) each).longValue();
            String statement = Ids.of("Statement", id);
            long encounter = ((Number) Database.column("select encounter_id from statement where id = ?", id).get(0)).longValue();
            long speaker = ((Number) Database.column("select speaker_id from statement where id = ?", id).get(0)).longValue();
            long source = ((Number) Database.column("select min(source_id) from attestation where statement_id = ?", id).get(0)).longValue();

            Map<String, Object> viaStatement = data("{ node(id: $id) { ... on Statement { encounter { ...Page } } } }"
                    + ENCOUNTER_PAGE, statement).getMap("data.node.encounter");
            assertEquals(viaStatement, data("{ node(id: $id) { ...Page } }" + ENCOUNTER_PAGE,
                    Ids.of("Encounter", encounter)).getMap("data.node"), "encounter " + encounter);
            assertThat(((List<?>) viaStatement.get("participants")).size(), greaterThan(0));

            JsonPath viaAttestations = data("{ node(id: $id) { ... on Statement { attestations { source { id ...Page } } } } }"
                    + SOURCE_PAGE, statement);
            Map<String, Object> batchedSource = viaAttestations.getList("data.node.attestations.source", Map.class).stream()
                    .filter(s -> Ids.of("Source", source).equals(s.get("id"))).findFirst().orElseThrow();
            assertEquals(batchedSource, data("{ node(id: $id) { ... on Source { id } ...Page } }" + SOURCE_PAGE,
                    Ids.of("Source", source)).getMap("data.node"), "source " + source);

            JsonPath bySpeaker = data("query($speaker: ID!) { statements(filter: { speaker: $speaker }, first: 10) {"
                    + " nodes { id ...Page } } }" + STATEMENT_PAGE, null, "speaker", Ids.of("Actor", speaker));
            Map<String, Object> batchedStatement = bySpeaker.getList("data.statements.nodes", Map.class).stream()
                    .filter(s -> statement.equals(s.get("id"))).findFirst().orElseThrow();
            assertEquals(batchedStatement, data("{ node(id: $id) { ... on Statement { id } ...Page } }" + STATEMENT_PAGE,
                    statement).getMap("data.node"), "statement " + id);

            Map<String, Object> speakerViaStatement = data("{ node(id: $id) { ... on Statement { speaker { ...Page } } } }"
                    + SELECTION.replace("$after", "null"), statement).getMap("data.node.speaker");
            assertEquals(speakerViaStatement, data("{ node(id: $id) { ...Page } }" + SELECTION.replace("$after", "null"),
                    Ids.of("Actor", speaker)).getMap("data.node"), "actor " + speaker);
        }
    }

    @Test
    void anAgreementPageAnswersTheSameFoldedAsBatched() {
        String agreement = Ids.of("Agreement", ((Number) Database.column(
                "select id from agreement where slug = 'panmunjom-declaration-2018'").get(0)).longValue());
        JsonPath all = data("{ agreements(first: 10) { nodes { id ...Page } } }" + AGREEMENT_PAGE, null);
        Map<String, Object> batched = all.getList("data.agreements.nodes", Map.class).stream()
                .filter(a -> agreement.equals(a.get("id"))).findFirst().orElseThrow();
        Map<String, Object> folded = data("{ node(id: $id) { ... on Agreement { id } ...Page } }" + AGREEMENT_PAGE,
                agreement).getMap("data.node");
        assertEquals(batched, folded);
        assertThat(((List<?>) folded.get("parties")).size(), greaterThan(0));
    }

    private static final String AGREEMENT_PAGE = """
            fragment Page on Agreement {
              title kind status signedAt { title }
              parties { name agreements(first: 5) { title } } steps { status date { date precision } note source { title } }
              attestations { excerpt reportedDate { date } source { title } } statementsAbout { text }
            }
            """;

    private static final String ENCOUNTER_PAGE = """
            fragment Page on Encounter {
              title kind status start { date precision } place { name latitude longitude }
              participants { role note actor { name kind } }
              firstTwo: participants(first: 2) { actor { name } }
              sources { title publishedAt }
              attestations { excerpt note source { title } }
              statements { text speaker { name } sources { title } attestations(first: 1) { excerpt } }
              parts { title } statusHistory { status effective { date precision } note recordedAt } statementsAbout { text }
            }
            """;

    private static final String SOURCE_PAGE = """
            fragment Page on Source {
              title publisher publishedAt
              attestations { excerpt reportedDate { date precision } encounter { title } statement { text } }
              encounters { title partOf { title } }
              statements { text speaker { name } } statementsAbout { text }
            }
            """;

    private static final String STATEMENT_PAGE = """
            fragment Page on Statement {
              text kind speaker { name } encounter { title }
              sources { title publisher }
              attestations { excerpt source { title } }
              responses { text }
              about { name country { name } } aboutEncounters { title } aboutSources { title }
              aboutStatements { text } statementsAbout { text }
            }
            """;

    /** The data of {@code query}, with {@code $id} declared when {@code id} is given; no errors allowed. */
    private static JsonPath data(String query, String id, Object... variables) {
        String document = id == null ? query : "query($id: ID!) " + query;
        Object[] all = id == null ? variables : new Object[] { "id", id };
        JsonPath answer = GraphQL.post(document, GraphQL.vars(all)).statusCode(200).extract().jsonPath();
        assertEquals((Object) null, answer.get("errors"), document);
        return answer;
    }

    /** A list added to a record type without a declaration would cost its object pages a statement again. */
    @Test
    void everyListOfTheRecordTypesIsDeclared() {
        JsonPath schema = data("{ __schema { types { name interfaces { name } fields { name type { kind name"
                + " ofType { kind name ofType { kind name } } } } } } }", null);
        List<Map<String, Object>> types = schema.getList("data.__schema.types");
        List<String> undeclared = new java.util.ArrayList<>();
        int lists = 0;
        for (Map<String, Object> type : types) {
            List<?> interfaces = (List<?>) type.get("interfaces");
            if (interfaces == null || interfaces.stream().noneMatch(i -> "Node".equals(((Map<?, ?>) i).get("name")))) {
                continue;
            }
            for (Object each : (List<?>) type.get("fields")) {
                Map<?, ?> field = (Map<?, ?>) each;
                String shape = shape((Map<?, ?>) field.get("type"));
                if (shape.equals("LIST") || shape.endsWith("Connection")) {
                    lists++;
                    if (!ToMany.of((String) type.get("name")).containsKey((String) field.get("name"))) {
                        undeclared.add(type.get("name") + "." + field.get("name"));
                    }
                }
            }
        }
        assertThat(lists, greaterThan(30));
        assertEquals(List.of(), undeclared);
    }

    /** LIST for a list type, else the name of the named type under any non-null. */
    private static String shape(Map<?, ?> type) {
        if ("NON_NULL".equals(type.get("kind"))) {
            return shape((Map<?, ?>) type.get("ofType"));
        }
        return "LIST".equals(type.get("kind")) ? "LIST" : String.valueOf(type.get("name"));
    }

    @Test
    void aListWithArgumentsItCannotFoldStillAnswersThroughItsResolver() {
        // a cursor the resolver refuses: the same error as without folding, at that field
        JsonPath refused = GraphQL.any("query($id: ID!) { actor(id: $id) { name statements(after: \"nonsense\") { nodes { text } } } }",
                "id", Ids.bySlug("Actor", "vladimir-putin"));
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"));
        assertEquals(List.of("actor", "statements"), refused.getList("errors[0].path"));
        assertEquals(1, refused.getList("errors").size());
    }
}
