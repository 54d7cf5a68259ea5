package org.parley.encounter;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.data;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.post;
import static org.parley.testsupport.GraphQL.vars;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class EncounterGraphQLApiTest {

    static String titleOf(String slug) {
        return (String) Database.column("select title from encounter where slug = ?", slug).get(0);
    }

    private static List<String> titles(String sql, Object... args) {
        return Database.column(sql, args);
    }

    @Test
    void listsAllEncountersChronologicallyAcrossPages() {
        List<String> expected = titles("select title from encounter order by start_earliest nulls last, id");
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext;
        do {
            JsonPath body = data("encounters", "first", 6, "after", after);
            assertEquals(expected.size(), body.getInt("data.encounters.totalCount"));
            seen.addAll(body.getList("data.encounters.nodes.title"));
            hasNext = body.getBoolean("data.encounters.pageInfo.hasNextPage");
            after = body.getString("data.encounters.pageInfo.endCursor");
        } while (hasNext);
        assertEquals(expected, seen);
    }

    @Test
    void filtersByAllParticipantsTogether() {
        String kim = Ids.bySlug("Actor", "kim-jong-un");
        String putin = Ids.bySlug("Actor", "vladimir-putin");
        JsonPath body = data("encounters", "filter", Map.of("participants", List.of(kim, putin)), "first", 100);
        List<String> expected = titles("select e.title from encounter e where"
                + " exists (select 1 from participant p join actor a on a.id = p.actor_id where p.encounter_id = e.id and a.slug = 'kim-jong-un')"
                + " and exists (select 1 from participant p join actor a on a.id = p.actor_id where p.encounter_id = e.id and a.slug = 'vladimir-putin')"
                + " order by e.start_earliest nulls last, e.id");
        assertThat(expected, hasItem(titleOf("kim-putin-vostochny-summit-2023")));
        assertEquals(expected, body.getList("data.encounters.nodes.title"));
        // with one participant only, the list is longer
        int kimOnly = data("encounters", "filter", Map.of("participants", List.of(kim)), "first", 100)
                .getInt("data.encounters.totalCount");
        assertTrue(kimOnly > expected.size());
    }

    @Test
    void filtersByKindAndStatus() {
        JsonPath summits = data("encounters", "filter", Map.of("kind", "SUMMIT"), "first", 100);
        assertThat(summits.getList("data.encounters.nodes.kind"), everyItem(is("SUMMIT")));
        assertEquals(Database.count("select count(*) from encounter where kind = 'SUMMIT'"),
                summits.getLong("data.encounters.totalCount"));
        JsonPath cancelled = data("encounters", "filter", Map.of("status", "CANCELLED"), "first", 100);
        assertThat(cancelled.getList("data.encounters.nodes.title"),
                contains(titles("select title from encounter where status = 'CANCELLED' order by start_earliest, id").toArray()));
        assertThat(cancelled.getList("data.encounters.nodes.title"), not(empty()));
    }

    @Test
    void dateRangeKeepsEncountersWhosePeriodOverlapsIt() {
        JsonPath body = data("encounters", "filter", Map.of("from", "2018-05-15", "to", "2018-06-30"), "first", 100);
        List<String> expected = titles("select title from encounter where start_earliest <= date '2018-06-30'"
                + " and coalesce(end_latest, start_latest) >= date '2018-05-15' order by start_earliest, id");
        assertEquals(expected, body.getList("data.encounters.nodes.title"));
        // a month-precision encounter (May 2018) overlaps a range that starts mid-May
        assertThat(titles("select title from encounter where start_precision = 'MONTH' and start_date = date '2018-05-01'"),
                everyItem(org.hamcrest.Matchers.in(body.getList("data.encounters.nodes.title"))));
        for (Object start : body.getList("data.encounters.nodes.start.date")) {
            assertTrue(((String) start).compareTo("2018-06-30") <= 0);
        }
    }

    @Test
    void filtersByPlaceNameOrLocality() {
        JsonPath body = data("encounters", "filter", Map.of("place", "pyongyang"), "first", 100);
        List<String> expected = titles("select title from encounter where place_name ilike '%pyongyang%'"
                + " or place_locality ilike '%pyongyang%' order by start_earliest nulls last, id");
        assertThat(expected, not(empty()));
        assertEquals(expected, body.getList("data.encounters.nodes.title"));
    }

    @Test
    void placesCarryCoordinatesAndCountry() {
        JsonPath body = data("encounters", "filter", Map.of("place", "Vostochny"), "first", 5);
        Map<String, Object> place = body.getMap("data.encounters.nodes[0].place");
        assertEquals("Vostochny Cosmodrome", place.get("name"));
        assertEquals(Map.of("name", "Russia"), place.get("country"));
        assertEquals(51.88, ((Number) place.get("latitude")).doubleValue(), 0.05);
        assertEquals(128.33, ((Number) place.get("longitude")).doubleValue(), 0.05);
        assertEquals(Map.of("date", "2023-09-13", "precision", "DAY"), body.getMap("data.encounters.nodes[0].start"));
    }

    @Test
    void encounterDetailListsHostsFirstAndItsStatementsAndSources() {
        String id = Ids.bySlug("Encounter", "kim-putin-vostochny-summit-2023");
        JsonPath body = data("encounterDetail", "id", id);
        List<String> roles = body.getList("data.node.participants.role");
        assertEquals("HOST", roles.get(0));
        assertEquals("Vladimir Putin", body.getString("data.node.participants[0].actor.name"));
        assertThat(body.getList("data.node.participants.actor.name"), hasItem("Kim Jong Un"));
        assertEquals(titles("select s.text from statement s join encounter e on e.id = s.encounter_id"
                + " where e.slug = 'kim-putin-vostochny-summit-2023' order by s.said_earliest nulls last, s.position, s.id"),
                body.getList("data.node.statements.text"));
        List<String> sources = body.getList("data.node.sources.title", String.class);
        assertEquals(Database.count("select count(*) from attestation a join encounter e on e.id = a.encounter_id"
                + " where e.slug = 'kim-putin-vostochny-summit-2023'"), sources.size());
        assertThat(body.getList("data.node.attestations.encounter.title"),
                everyItem(is(body.getString("data.node.title"))));
        assertThat(body.getList("data.node.attestations.excerpt"), everyItem(not(empty())));
    }

    @Test
    void sourcesThatDisagreeKeepTheirOwnDateOnTheirAttestation() {
        // Two 2018 articles give different weekdays for Lavrov's meeting with Kim
        List<Map<String, Object>> versions = Database.rows("select a.reported_date::text as reported, e.start_date::text as resolved"
                + " from attestation a join encounter e on e.id = a.encounter_id"
                + " where e.slug = 'lavrov-meets-kim-2018' and a.reported_date is not null order by a.reported_date");
        assertTrue(versions.size() >= 2, "expected two reported dates");
        assertFalse(versions.get(0).get("reported").equals(versions.get(versions.size() - 1).get("reported")));
        JsonPath body = data("encounterDetail", "id", Ids.bySlug("Encounter", "lavrov-meets-kim-2018"));
        List<String> reported = body.getList("data.node.attestations.reportedDate.date");
        assertThat(reported, containsInAnyOrder(versions.stream().map(v -> v.get("reported")).toArray()));
    }

    @Test
    void actorEncountersAndStatementsArePagedPerActor() {
        JsonPath firstPage = data("actorEncountersAndStatements", "name", "Kim Jong Un", "first", 3);
        long total = Database.count("select count(*) from participant p join actor a on a.id = p.actor_id where a.slug = 'kim-jong-un'");
        assertEquals(total, firstPage.getLong("data.actor.encounters.totalCount"));
        assertEquals(3, firstPage.getList("data.actor.encounters.nodes").size());
        assertTrue(firstPage.getBoolean("data.actor.encounters.pageInfo.hasNextPage"));
        JsonPath secondPage = data("actorEncountersAndStatements", "name", "Kim Jong Un", "first", 3, "after",
                firstPage.getString("data.actor.encounters.pageInfo.endCursor"));
        assertTrue(secondPage.getBoolean("data.actor.encounters.pageInfo.hasPreviousPage"));
        List<String> both = new ArrayList<>(firstPage.getList("data.actor.encounters.nodes.title"));
        both.addAll(secondPage.getList("data.actor.encounters.nodes.title"));
        assertEquals(titles("select e.title from participant p join actor a on a.id = p.actor_id"
                + " join encounter e on e.id = p.encounter_id where a.slug = 'kim-jong-un'"
                + " order by e.start_earliest nulls last, e.id limit 6"), both);
        assertEquals(Database.count("select count(*) from statement s join actor a on a.id = s.speaker_id where a.slug = 'kim-jong-un'"),
                firstPage.getLong("data.actor.statements.totalCount"));
    }

    @Test
    void rejectsBadFilters() {
        String encounterId = Ids.bySlug("Encounter", "lavrov-meets-kim-2018");
        for (Map<String, Object> filter : List.<Map<String, Object>> of(
                Map.of("from", "2020-01-01", "to", "2019-01-01"),
                Map.of("participants", List.of(encounterId)),
                Map.of("place", " "))) {
            post(operation("encounters"), vars("filter", filter)).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        }
    }

    @Test
    void aDateWrittenTheEuropeanWayIsRefusedSayingWhichFieldWhatValueAndWhatFormat() {
        // an editor types the date as the article prints it, inline and as a variable
        for (JsonPath refused : List.of(
                GraphQL.any("{ encounters(filter: { from: \"25/04/2019\" }) { totalCount } }"),
                post(operation("encounters"), vars("filter", Map.of("from", "25/04/2019"))).statusCode(200)
                        .extract().jsonPath())) {
            assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"), refused.prettify());
            assertEquals("filter.from: \"25/04/2019\" is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD"
                    + " (e.g. 2019-04-25)", refused.getString("errors[0].message"));
        }
        JsonPath notInCalendar = post(operation("encounters"), vars("filter", Map.of("to", "2019-02-30")))
                .statusCode(200).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", notInCalendar.getString("errors[0].extensions.code"));
        assertEquals("filter.to: \"2019-02-30\" is not a date of the calendar; expected YYYY, YYYY-MM or YYYY-MM-DD",
                notInCalendar.getString("errors[0].message"));

        // what the message offers works: a month counts from its first day, a year to its last
        List<Object> mayToDecember = data("encounters", "filter", Map.of("from", "2018-05-01", "to", "2018-12-31"),
                "first", 100).getList("data.encounters.nodes.title");
        assertThat(mayToDecember, not(empty()));
        assertEquals(mayToDecember,
                data("encounters", "filter", Map.of("from", "2018-05", "to", "2018"), "first", 100)
                        .getList("data.encounters.nodes.title"));
    }
}
