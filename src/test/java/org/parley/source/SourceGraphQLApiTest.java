package org.parley.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.testsupport.GraphQL.data;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SourceGraphQLApiTest {

    @Test
    void listsEverySourceWithItsMetadata() {
        JsonPath body = data("sources", "first", 100);
        assertEquals(Database.count("select count(*) from source where deleted_at is null"), body.getLong("data.sources.totalCount"));
        assertEquals(Database.column("select coalesce(title, '') from source order by published_on nulls last, published_at nulls last, id"),
                body.getList("data.sources.nodes.title").stream().map(t -> t == null ? "" : t).toList());
        assertThat(body.getList("data.sources.nodes.language"), hasItem("en"));
    }

    @Test
    void timesKeepTheZoneTheArticlePrints() {
        JsonPath body = data("sources", "filter", Map.of("publisher", "moneycontrol"));
        assertEquals(1, body.getInt("data.sources.totalCount"));
        assertEquals("2018-06-01T15:19:00+05:30", body.getString("data.sources.nodes[0].publishedAt"));
        assertEquals("2018-06-01T15:27:00+05:30", body.getString("data.sources.nodes[0].updatedAt"));
        assertEquals(Map.of("date", "2018-06-01", "precision", "DAY"), body.getMap("data.sources.nodes[0].publishedOn"));
    }

    @Test
    void thePartlyMachineGeneratedArticleSaysSoInItsReliabilityNote() {
        JsonPath body = data("sources", "filter", Map.of("publisher", "Nishadil"));
        assertThat(body.getString("data.sources.nodes[0].reliabilityNote").toLowerCase(),
                containsString("artificial intelligence"));
    }

    @Test
    void searchesTitleAuthorAndPublisher() {
        JsonPath body = data("sources", "filter", Map.of("search", "unconditional support"));
        assertEquals(1, body.getInt("data.sources.totalCount"));
        assertEquals("NextShark", body.getString("data.sources.nodes[0].publisher"));
    }

    @Test
    void aSourceListsWhatItAttests() {
        JsonPath body = data("sources", "first", 100);
        List<Map<String, Object>> sources = body.getList("data.sources.nodes");
        for (Map<String, Object> source : sources) {
            String id = (String) source.get("id");
            long dbId = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(id)).split(":")[1]);
            List<Map<String, Object>> attestations = (List<Map<String, Object>>) source.get("attestations");
            assertThat(attestations, not(empty()));
            assertEquals(Database.count("select count(*) from attestation where source_id = ?", dbId), attestations.size());
            assertThat(source.get("encounters") == null ? List.of() : (List<?>) source.get("encounters"),
                    containsInAnyOrder(Database.column("select e.title from attestation a join encounter e on e.id = a.encounter_id"
                            + " where a.source_id = ?", dbId).stream().map(t -> Map.of("title", t)).toArray()));
            assertEquals(Database.count("select count(*) from attestation where source_id = ? and statement_id is not null", dbId),
                    ((List<?>) source.get("statements")).size());
        }
    }

    @Test
    void aSourcesFirstAttestationsAreTheFirstItRecorded() {
        // all of a source's attestations share its publication date: only the recording order makes a page of them.
        // The first recorded one is written again unchanged, so that the table no longer holds it first.
        Database.execute("with first as (delete from attestation where id = (select min(id) from attestation"
                + " where source_id = (select source_id from attestation group by source_id order by count(*) desc"
                + " limit 1)) returning *) insert into attestation overriding system value select * from first");
        JsonPath body = GraphQL.any("{ sources(first: 100) { nodes { id attestations(first: 2) { excerpt } } } }");
        int compared = 0;
        for (Map<String, Object> source : body.<Map<String, Object>>getList("data.sources.nodes")) {
            long dbId = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode((String) source.get("id")))
                    .split(":")[1]);
            List<String> expected = Database.column("select excerpt from attestation where source_id = ? order by id"
                    + " limit 2", dbId);
            assertEquals(expected, ((List<Map<String, Object>>) source.get("attestations")).stream()
                    .map(a -> a.get("excerpt")).toList());
            compared += Database.count("select count(*) from attestation where source_id = ?", dbId) > 2 ? 1 : 0;
        }
        assertThat("sources with more attestations than the page", compared, greaterThan(0));
    }
}
