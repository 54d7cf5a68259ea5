package org.parley.graphql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.CountingProxyProfile;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.StatementCounterResource.CountedStatements;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Counts the SQL statements that reach PostgreSQL for nested queries, on the wire (see PgWireCounter): one per
 * field with a table behind it, whatever the number of parents.
 */
@QuarkusTest
@TestProfile(CountingProxyProfile.class)
class BatchedStatementCountTest {

    @CountedStatements
    AtomicLong executed;

    /** Statements executed by one run of the operation, after a first run has warmed everything up. */
    private long statementsFor(String operation, Object... variables) {
        GraphQL.data(operation, variables);
        long before = executed.get();
        GraphQL.data(operation, variables);
        return executed.get() - before;
    }

    @Test
    void fourLevelsDeepOverFiftyParentsTakeOneStatementPerTableBackedField() {
        JsonPath body = GraphQL.data("deepChain");
        List<Object> statements = body.getList("data.statements.nodes");
        assertThat(statements.size(), greaterThanOrEqualTo(50));
        // the levels below really are populated: speakers, their roles, the roles' organisations
        assertThat(body.getList("data.statements.nodes.speaker.flatten().roles.flatten().organization.flatten()").size(),
                greaterThanOrEqualTo(10));
        assertThat(body.getList("data.statements.nodes.speaker.flatten().aliases.flatten()"),
                hasItem("Kim Jong-un"));
        // statements with their speakers (read ahead: a join), the speakers' roles with their organisations (a
        // join), and aliases (actor_alias) of the speakers and of the organisations
        assertEquals(4, statementsFor("deepChain"));
    }

    @Test
    void tenFieldsWithTablesTakeNineStatementsWhateverTheNumberOfParents() {
        long statementCount = Database.count("select count(*) from statement");
        assertThat(statementCount, greaterThanOrEqualTo(50L));
        // one statement per to-many field with a table behind it (the root list, roles, about, participants,
        // attestations); the to-one fields (speaker, organization, encounter, actor, source) are joins in those
        assertEquals(5, statementsFor("deepWide"));
        // over 30 parents the same shape costs the same five statements (a level without keys would cost none)
        assertEquals(5, statementsFor("deepWideFirst", "first", 30));
    }

    @Test
    void nestedConnectionsArePagedForAllParentsInOneStatement() {
        // actors -> encounters(first) -> participants with their actor (one join), and actors -> statements(first)
        assertEquals(4, statementsFor("actorsWithPagedChildrenUncounted"));
    }

    @Test
    void totalCountCostsOneStatementPerConnectionFieldOnlyWhenAsked() {
        // the same four, plus one count for all the actors' encounters and one for all their statements
        assertEquals(6, statementsFor("actorsWithPagedChildren"));
        JsonPath counted = GraphQL.data("actorsWithPagedChildren");
        JsonPath uncounted = GraphQL.data("actorsWithPagedChildrenUncounted");
        assertEquals(uncounted.getList("data.actors.nodes.encounters.nodes.title"),
                counted.getList("data.actors.nodes.encounters.nodes.title"));
        assertEquals(uncounted.getList("data.actors.nodes.encounters.pageInfo.hasNextPage"),
                counted.getList("data.actors.nodes.encounters.pageInfo.hasNextPage"));
        List<String> ids = counted.getList("data.actors.nodes.id");
        List<Integer> totals = counted.getList("data.actors.nodes.encounters.totalCount");
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(Database.count("select count(*) from participant p join encounter e on e.id = p.encounter_id"
                    + " where e.deleted_at is null and p.actor_id = " + Ids.dbId(ids.get(i))), totals.get(i).longValue(),
                    "encounters of " + ids.get(i));
        }
    }

    @Test
    void partsAndStatementsAboutEncountersTakeOneStatementPerLevel() {
        // links the curated data does not have, undone at the end (only these: the curated data has links of its own)
        String summit = "(select id from encounter where slug = 'kim-putin-vostochny-summit-2023')";
        String accepted = "(select id from statement where slug = 'putin-accepts-kim-invitation')";
        Object partOfBefore = Database.column("select part_of_id from encounter where slug = 'kim-vladivostok-visit-2023'")
                .get(0);
        int added = Database.execute("insert into statement_about_encounter select " + accepted + ", " + summit + ", 0"
                + " on conflict do nothing");
        Database.execute("update encounter set part_of_id = " + summit + " where slug = 'kim-vladivostok-visit-2023'");
        try {
            JsonPath body = GraphQL.data("encounterLinks");
            assertThat(body.getList("data.encounters.nodes.partOf.title"), hasItem("Kim-Putin summit at the Vostochny Cosmodrome"));
            assertThat(body.getList("data.encounters.nodes.statementsAbout.flatten().aboutEncounters.flatten().title"),
                    hasItem("Kim-Putin summit at the Vostochny Cosmodrome"));
            // encounters (with partOf, read ahead), parts, statementsAbout, aboutEncounters
            assertEquals(4, statementsFor("encounterLinks"));
        } finally {
            Database.execute("update encounter set part_of_id = cast(? as bigint) where slug = 'kim-vladivostok-visit-2023'",
                    partOfBefore);
            if (added > 0) {
                Database.execute("delete from statement_about_encounter where encounter_id = " + summit
                        + " and statement_id = " + accepted);
            }
        }
    }

    @Test
    void statementsAboutSourcesAndStatementsTakeOneStatementPerLevel() {
        // the first three statements of the page about a curated source and commenting on another statement;
        // undone at the end
        String commented = "(select id from statement where slug = 'kim-invites-putin-to-north-korea')";
        String commenters = "(select s.id from statement s where s.deleted_at is null and s.id <> " + commented
                + " order by s.said_earliest nulls last, s.position, s.id limit 3)";
        Database.execute("insert into statement_about_source select s.id, src.id, 0 from statement s, source src"
                + " where s.id in " + commenters + " and src.slug = 'nextshark-kim-putin-summit'");
        Database.execute("insert into statement_about_statement select s.id, " + commented + ", 0 from statement s"
                + " where s.id in " + commenters);
        try {
            JsonPath body = GraphQL.data("statementLinksAboutAnyNode");
            assertThat(body.getList("data.statements.nodes.aboutSources.flatten().statementsAbout.flatten().text")
                    .size(), greaterThanOrEqualTo(3));
            assertThat(body.getList("data.statements.nodes.aboutStatements.flatten().statementsAbout.flatten().text")
                    .size(), greaterThanOrEqualTo(3));
            // statements, aboutSources, Source.statementsAbout, aboutStatements, Statement.statementsAbout
            assertEquals(5, statementsFor("statementLinksAboutAnyNode"));
        } finally {
            Database.execute("delete from statement_about_source where statement_id in " + commenters);
            Database.execute("delete from statement_about_statement where about_statement_id = " + commented
                    + " and statement_id in " + commenters);
        }
    }

    @Test
    void agreementsAndEveryFieldAroundThemTakeOneStatementPerFieldAndLevel() {
        // three agreements beside the curated one, each with two parties, a dated step, an attestation and a
        // statement about it; removed at the end
        for (int i = 0; i < 3; i++) {
            String slug = "'zz-test-count-agreement-" + i + "'";
            String agreement = "(select id from agreement where slug = " + slug + ")";
            Database.execute("insert into agreement (slug, kind, title, signed_at_id) select " + slug
                    + ", 'TREATY', 'Zz Test counted agreement " + i + "', e.id from encounter e"
                    + " where e.slug = 'kim-putin-vostochny-summit-2023'");
            Database.execute("insert into agreement_party select " + agreement + ", a.id, row_number() over ()"
                    + " from actor a where a.slug in ('russia', 'north-korea')");
            Database.execute("insert into agreement_step (agreement_id, position, status, step_date, step_precision,"
                    + " source_id) select " + agreement + ", 0, 'SIGNED', date '2024-06-19', 'DAY', s.id from source s"
                    + " where s.slug = 'moneycontrol-2018-06-01'");
            Database.execute("insert into agreement_attestation (agreement_id, source_id, excerpt, position)"
                    + " select " + agreement + ", s.id, 'zz test', 0 from source s where s.slug = 'nextshark-kim-putin-summit'");
            Database.execute("insert into statement_about_agreement select s.id, " + agreement + ", 0 from statement s"
                    + " where s.slug = 'putin-accepts-kim-invitation'");
        }
        try {
            Object[] variables = { "filter", Map.of("search", "Zz Test counted agreement"), "first", 10 };
            JsonPath body = GraphQL.data("agreements", variables);
            assertEquals(3, body.getInt("data.agreements.totalCount"));
            assertThat(body.getList("data.agreements.nodes.parties.flatten().name"), hasItem("Russia"));
            assertThat(body.getList("data.agreements.nodes.signedAt.agreementsSigned.flatten().title"),
                    hasItem("Zz Test counted agreement 2"));
            assertThat(body.getList("data.agreements.nodes.steps.flatten().source.title").size(), greaterThanOrEqualTo(3));
            assertThat(body.getList("data.agreements.nodes.attestations.flatten().source.agreements.flatten().title"),
                    hasItem("Zz Test counted agreement 0"));
            assertThat(body.getList("data.agreements.nodes.statementsAbout.flatten().aboutAgreements.flatten().title"),
                    hasItem("Zz Test counted agreement 1"));
            // agreements, totalCount, parties, parties.agreements, signedAt, agreementsSigned, steps, steps.source,
            // attestations, attestations.source, source.agreements, statementsAbout, aboutAgreements
            assertEquals(13, statementsFor("agreements", variables));
        } finally {
            Database.execute("delete from statement_about_agreement where agreement_id in"
                    + " (select id from agreement where slug like 'zz-test-count-agreement-%')");
            Database.execute("delete from agreement where slug like 'zz-test-count-agreement-%'");
        }
    }

    @Test
    void aStatementPageTakesFourStatements() {
        JsonPath body = GraphQL.data("statementPage", "first", 100);
        // every level is populated, so that none is free for want of keys
        assertThat(body.getList("data.statements.nodes.speaker.roles.flatten().organization.name").size(),
                greaterThanOrEqualTo(1));
        assertThat(body.getList("data.statements.nodes.encounter.participants.flatten().actor.name").size(),
                greaterThanOrEqualTo(1));
        assertThat(body.getList("data.statements.nodes.respondsTo.speaker.name").stream()
                .filter(java.util.Objects::nonNull).count(), greaterThanOrEqualTo(1L));
        // statements with speaker, encounter, respondsTo and its speaker; roles with their organisations;
        // participants with their actors; sources
        assertEquals(4, statementsFor("statementPage", "first", 100));
        long speaker = ((Number) Database.column("select speaker_id from statement where deleted_at is null"
                + " and speaker_id is not null group by speaker_id order by count(*) desc, speaker_id limit 1").get(0))
                .longValue();
        assertThat(4L, greaterThanOrEqualTo(statementsFor("statementPage", "speaker", Ids.of("Actor", speaker),
                "first", 20)));
    }

    @Test
    void anActorPageFoldsItsListsIntoOneStatement() throws IOException {
        String putin = Ids.bySlug("Actor", "vladimir-putin");
        String q6 = Files.readString(Path.of("bench/queries/q6.parley.graphql")); // the benchmark's actor page
        JsonPath page = GraphQL.post(q6, GraphQL.vars("id", putin)).statusCode(200).body("errors", nullValue())
                .extract().jsonPath();
        assertThat(page.getList("data.actor.aliases").size(), greaterThanOrEqualTo(1));
        assertThat(page.getList("data.actor.roles.organization.name"), hasItem("Russia"));
        assertThat(page.getList("data.actor.statements.nodes.sources.flatten()").size(), greaterThanOrEqualTo(1));
        long before = executed.get();
        GraphQL.post(q6, GraphQL.vars("id", putin)).statusCode(200);
        // the actor, its aliases, its roles with their organisations, its statements with their encounters and
        // sources: one statement, the lists folded in as JSON (read.ToMany)
        assertEquals(1, executed.get() - before);
    }

    @Test
    void anEncounterPageThroughNodeFoldsItsListsIntoOneStatement() {
        String summit = Ids.bySlug("Encounter", "kim-putin-vostochny-summit-2023");
        String page = "query($id: ID!) { node(id: $id) { ... on Encounter { title partOf { title }"
                + " participants { role actor { name } } sources { title } attestations { excerpt source { title } }"
                + " statements { text speaker { name } sources { title } } } ... on Actor { aliases } } }";
        JsonPath body = GraphQL.post(page, GraphQL.vars("id", summit)).statusCode(200).extract().jsonPath();
        assertThat(body.getList("data.node.participants.actor.name").size(), greaterThanOrEqualTo(2));
        assertThat(body.getList("data.node.statements.sources.flatten()").size(), greaterThanOrEqualTo(1));
        GraphQL.post(page, GraphQL.vars("id", summit)).statusCode(200);
        long before = executed.get();
        GraphQL.post(page, GraphQL.vars("id", summit)).statusCode(200);
        // the encounter with its parent read ahead, and its participants, sources, attestations and statements with
        // their speakers and sources folded in; the Actor fragment does not apply and reads nothing
        assertEquals(1, executed.get() - before);
    }

    @Test
    void toOneChainsBelowAttestationsAreJoinedIntoTheirStatement() {
        JsonPath body = GraphQL.data("attestationSources");
        assertThat(body.getList("data.statements.nodes.attestations.flatten().statement.speaker.name").stream()
                .filter(java.util.Objects::nonNull).count(), greaterThanOrEqualTo(1L));
        // statements; attestations with source, statement and the statement's speaker
        assertEquals(2, statementsFor("attestationSources"));
    }

    @Test
    void disagreementsWithTheirRecordsAndSourcesTakeThreeStatements() {
        JsonPath body = GraphQL.data("disagreementsWithSources");
        assertThat(body.getList("data.disagreements.nodes.encounter.attestations.flatten().source.title").size(),
                greaterThanOrEqualTo(2));
        assertThat(body.getList("data.disagreements.nodes.statement.attestations.flatten().source.title").size(),
                greaterThanOrEqualTo(2));
        // the page with its encounters and statements (read ahead: joins); the encounters' attestations with their
        // sources; the statements' attestations with theirs
        assertEquals(3, statementsFor("disagreementsWithSources"));
    }
}
