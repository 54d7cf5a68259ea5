package org.parley.graphql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** updatedSince: a client that keeps a copy fetches what changed since its last sync, and nothing else. */
@QuarkusTest
class ChangeFeedTest {

    @AfterAll
    static void removeWhatTheTestCreated() {
        TestRows.removeAll();
    }

    @Test
    void listsOnlyWhatChangedSinceTheGivenTime() throws Exception {
        // the database clock: the one modified_at is set by
        OffsetDateTime since = OffsetDateTime.parse((String) Database.column(
                "select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')").get(0));
        assertThat(GraphQL.data("changeFeed", "since", since.toString()).getList("data.actors.nodes"), empty());

        String token = DevTokens.mint("test-editor", 600, "editor");
        String name = "Zz Test Feed " + UUID.randomUUID().toString().substring(0, 8);
        String actor = GraphQL.as(token, "createActor", "input", Map.of("kind", "PERSON", "name", name))
                .getString("data.createActor.actor.id");
        String encounter = Ids.bySlug("Encounter", "six-party-talks");
        GraphQL.as(token, "attest", "input", Map.of("source", Ids.bySlug("Source", "nextshark-kim-putin-summit"),
                "encounter", encounter, "excerpt", "Zz Test feed excerpt"));

        JsonPath feed = GraphQL.data("changeFeed", "since", since.toString());
        assertThat(feed.getList("data.actors.nodes.id"), contains(actor));
        assertThat(feed.getList("data.encounters.nodes.id"), contains(encounter));
        assertThat(feed.getList("data.statements.nodes"), empty());
        assertThat(feed.getList("data.sources.nodes"), empty());
        OffsetDateTime changedAt = OffsetDateTime.parse(feed.getString("data.actors.nodes[0].changedAt"));
        assertEquals(false, changedAt.isBefore(since));
        // an unchanged record of the data set is not in the feed
        assertThat(feed.getList("data.actors.nodes.id"), not(hasItem(Ids.bySlug("Actor", "vladimir-putin"))));
    }
}
