package org.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Dates the sources leave open ("late July", "on Thursday" in a Friday report): an editor records the interval and
 * how it was resolved; filters match what may have happened in their range, lists sort by the interval's opening.
 */
@QuarkusTest
class UncertainDatesTest {

    private static final String SOURCE = "nextshark-kim-putin-summit";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String editor() throws Exception {
        return DevTokens.mint("test-editor", 600, "editor");
    }

    private static Map<String, Object> date(String date, String precision, String earliest, String latest,
            String resolution, String note) {
        Map<String, Object> input = new HashMap<>();
        input.put("date", date);
        input.put("precision", precision);
        input.put("earliest", earliest);
        input.put("latest", latest);
        input.put("resolution", resolution);
        input.put("resolutionNote", note);
        return input;
    }

    private static Map<String, Object> encounter(String title, String place, Map<String, Object> start) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEETING");
        input.put("title", TestRows.unique(title));
        input.put("status", "HELD");
        input.put("start", start);
        input.put("place", Map.of("name", place));
        input.put("participants", List.of(Map.of("actor", Ids.bySlug("Actor", "vladimir-putin"), "role", "HOST")));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", SOURCE), "excerpt", "Zz test excerpt")));
        return input;
    }

    private static JsonPath record(Map<String, Object> input) throws Exception {
        return as(editor(), "recordEncounterDated", "input", input);
    }

    private static String recorded(Map<String, Object> input) throws Exception {
        JsonPath body = record(input);
        assertEquals(List.of(), body.getList("data.recordEncounter.userErrors"), body.prettify());
        return body.getString("data.recordEncounter.encounter.id");
    }

    private static List<String> titles(Map<String, Object> filter) {
        return GraphQL.data("encountersDated", "filter", filter, "first", 100).getList("data.encounters.nodes.title");
    }

    private static Map<String, Object> filter(String place, String from, String to) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("place", place);
        filter.put("from", from);
        filter.put("to", to);
        return filter;
    }

    @Test
    void anIntervalIsKeptAndTheFiltersAndOrderReadIt() throws Exception {
        String place = TestRows.unique("Dates place");
        Map<String, Object> lateJuly = encounter("Talks in late July", place,
                date("2091-07-25", "MONTH", "2091-07-20", "2091-07-31", "AS_REPORTED", "'late July'"));
        JsonPath lateJulyBody = record(lateJuly);
        assertEquals(List.of(), lateJulyBody.getList("data.recordEncounter.userErrors"), lateJulyBody.prettify());
        assertEquals(Map.of("date", "2091-07-01", "precision", "MONTH", "earliest", "2091-07-20", "latest", "2091-07-31",
                "resolution", "AS_REPORTED", "resolutionNote", "'late July'"),
                lateJulyBody.getMap("data.recordEncounter.encounter.start"));
        Map<String, Object> thursday = encounter("Meeting on Thursday", place, date("2091-07-12", "DAY", null,
                "2091-07-13", "EVENT_DAY_ASSUMED", "'on Thursday' in a report dated Friday 13 July"));
        String thursdayId = recorded(thursday);
        Map<String, Object> plainStart = new HashMap<>(Map.of("date", "2091-07-05", "precision", "DAY"));
        Map<String, Object> plain = encounter("Meeting on the 5th", place, plainStart);
        JsonPath plainBody = record(plain);
        // a plain date answers as before, its interval being its day
        assertEquals(Map.of("date", "2091-07-05", "precision", "DAY", "earliest", "2091-07-05", "latest", "2091-07-05",
                "resolution", "AS_REPORTED"), withoutNulls(plainBody.getMap("data.recordEncounter.encounter.start")));

        // by the opening of the interval: late July after the 12th although its month begins on the 1st
        assertEquals(List.of(plain.get("title"), thursday.get("title"), lateJuly.get("title")),
                titles(filter(place, null, null)));
        // the Thursday meeting may have been on the 13th; late July cannot have been before the 20th
        assertEquals(List.of(thursday.get("title")), titles(filter(place, "2091-07-13", "2091-07-13")));
        assertEquals(List.of(plain.get("title"), thursday.get("title")), titles(filter(place, null, "2091-07-19")));
        assertEquals(List.of(lateJuly.get("title")), titles(filter(place, "2091-07-14", null)));
        assertEquals(List.of(thursday.get("title"), lateJuly.get("title")), titles(filter(place, "2091-07-13", "2091")));

        // the same interval again changes nothing; a new latest day is a change
        int version = TestRows.version("encounter", thursdayId);
        Map<String, Object> same = Map.of("id", thursdayId, "version", version, "start", thursday.get("start"));
        JsonPath unchanged = as(editor(), "updateEncounterDated", "input", same);
        assertEquals(version, unchanged.getInt("data.updateEncounter.encounter.version"), unchanged.prettify());
        Map<String, Object> wider = date("2091-07-12", "DAY", "2091-07-11", "2091-07-13", "EDITOR_ESTIMATE", null);
        JsonPath changed = as(editor(), "updateEncounterDated", "input",
                Map.of("id", thursdayId, "version", version, "start", wider));
        assertEquals(List.of(), changed.getList("data.updateEncounter.userErrors"), changed.prettify());
        assertEquals(version + 1, changed.getInt("data.updateEncounter.encounter.version"));
        assertEquals("2091-07-11", changed.getString("data.updateEncounter.encounter.start.earliest"));
        assertEquals("EDITOR_ESTIMATE", changed.getString("data.updateEncounter.encounter.start.resolution"));
        assertNull(changed.get("data.updateEncounter.encounter.start.resolutionNote"));
        assertEquals(List.of(thursday.get("title"), plain.get("title"), lateJuly.get("title")).get(0),
                titles(filter(place, "2091-07-11", "2091-07-11")).get(0));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.values().removeIf(value -> value == null);
        return copy;
    }

    @Test
    void statementsKeepTheirIntervalAndTheDateFilterReadsIt() throws Exception {
        String place = TestRows.unique("Statements place");
        String meeting = recorded(encounter("Meeting with statements", place,
                date("2091-07-12", "DAY", null, "2091-07-13", "REPORT_DAY_ASSUMED", null)));
        Map<String, Object> uncertain = statement(meeting, "said on Thursday or Friday",
                date("2091-07-13", "DAY", "2091-07-12", null, "REPORT_DAY_ASSUMED", "dateline Friday 13 July"));
        JsonPath said = as(editor(), "recordStatementDated", "input", uncertain);
        assertEquals(List.of(), said.getList("data.recordStatement.userErrors"), said.prettify());
        assertEquals("2091-07-12", said.getString("data.recordStatement.statement.saidOn.earliest"));
        assertEquals("2091-07-13", said.getString("data.recordStatement.statement.saidOn.latest"));
        Map<String, Object> earlier = statement(meeting, "said on the 5th",
                new HashMap<>(Map.of("date", "2091-07-05", "precision", "DAY")));
        assertEquals(List.of(), as(editor(), "recordStatementDated", "input", earlier)
                .getList("data.recordStatement.userErrors"));

        assertEquals(List.of(earlier.get("text"), uncertain.get("text")), statementTexts(meeting, null, null));
        assertEquals(List.of(uncertain.get("text")), statementTexts(meeting, "2091-07-06", "2091-07-12"));
        assertEquals(List.of(earlier.get("text")), statementTexts(meeting, "2091-07", "2091-07-11"));
        assertEquals(List.of(), statementTexts(meeting, "2091-07-14", null));
    }

    private static Map<String, Object> statement(String encounter, String text, Map<String, Object> saidOn) {
        Map<String, Object> input = new HashMap<>();
        input.put("text", "Zz Test: " + text);
        input.put("mode", "PARAPHRASE");
        input.put("kind", "CLAIM");
        input.put("speaker", Ids.bySlug("Actor", "vladimir-putin"));
        input.put("encounter", encounter);
        input.put("saidOn", saidOn);
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", SOURCE), "excerpt", "Zz test excerpt")));
        return input;
    }

    private static List<String> statementTexts(String encounter, String from, String to) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("encounter", encounter);
        filter.put("from", from);
        filter.put("to", to);
        return GraphQL.data("statementsDated", "filter", filter).getList("data.statements.nodes.text");
    }

    @Test
    void anIntervalThatDoesNotFitIsRefusedNamingTheFieldTheValueAndTheFormat() throws Exception {
        String place = TestRows.unique("Refused place");
        JsonPath backwards = record(encounter("Backwards", place,
                date("2091-07-12", "DAY", "2091-07-12", "2091-07-10", null, null)));
        assertNull(backwards.get("data.recordEncounter.encounter"));
        assertEquals("INVALID", backwards.getString("data.recordEncounter.userErrors[0].code"));
        assertEquals(List.of("input", "start", "latest"), backwards.getList("data.recordEncounter.userErrors[0].field"));
        String message = backwards.getString("data.recordEncounter.userErrors[0].message");
        assertTrue(message.contains("2091-07-10") && message.contains("YYYY-MM-DD"), message);

        JsonPath outside = record(encounter("Outside", place,
                date("2091-07-28", "DAY", "2091-07-20", "2091-07-25", null, null)));
        assertEquals(List.of("input", "start", "date"), outside.getList("data.recordEncounter.userErrors[0].field"));
        assertTrue(outside.getString("data.recordEncounter.userErrors[0].message").contains("2091-07-28"));
        // a month whose interval lies in another month is inconsistent too
        JsonPath otherMonth = record(encounter("Other month", place,
                date("2091-07-01", "MONTH", "2091-08-02", "2091-08-05", null, null)));
        assertEquals(List.of("input", "start", "date"), otherMonth.getList("data.recordEncounter.userErrors[0].field"));
        // the end's interval cannot close before the start's opens
        Map<String, Object> endsFirst = encounter("Ends first", place,
                date("2091-07-12", "DAY", "2091-07-10", "2091-07-12", null, null));
        endsFirst.put("end", date("2091-07-12", "DAY", null, null, null, null));
        endsFirst.put("start", date("2091-07-14", "MONTH", "2091-07-13", "2091-07-20", null, null));
        assertEquals(List.of("input", "end"), record(endsFirst).getList("data.recordEncounter.userErrors[0].field"));
        assertEquals(List.of(), titles(filter(place, null, null)));

        // a date that keeps no interval refuses one
        JsonPath source = as(editor(), "addSource", "input", Map.of("title", TestRows.unique("Dated source"),
                "url", "https://example.org/" + TestRows.unique("dated").replace(' ', '-'),
                "publishedOn", date("2091-07-13", "DAY", "2091-07-12", null, null, null)));
        assertEquals("INVALID", source.getString("data.addSource.userErrors[0].code"), source.prettify());
        assertEquals(List.of("input", "publishedOn", "earliest"), source.getList("data.addSource.userErrors[0].field"));
    }

    @Test
    void aMalformedDateNamesTheFieldAndTheFormat() throws Exception {
        Map<String, Object> input = encounter("Malformed", TestRows.unique("Malformed place"),
                date("2091-07-12", "DAY", "13/07/2091", null, null, null));
        var variable = GraphQL.post(GraphQL.operation("recordEncounterDated"), GraphQL.vars("input", input), editor())
                .statusCode(200).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", variable.getString("errors[0].extensions.code"), variable.prettify());
        String message = variable.getString("errors[0].message");
        assertTrue(message.contains("input.start.earliest") && message.contains("13/07/2091")
                && message.contains("YYYY-MM-DD"), message);

        var literal = GraphQL.post("mutation { recordEncounter(input: {kind: MEETING, title: \"Zz Test literal\","
                + " status: HELD, start: {date: \"2091-13-01\", precision: DAY}, participants: [],"
                + " attestations: []}) { userErrors { message } } }", Map.of(), editor())
                .statusCode(200).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", literal.getString("errors[0].extensions.code"), literal.prettify());
        String literalMessage = literal.getString("errors[0].message");
        assertTrue(literalMessage.contains("start.date") && literalMessage.contains("2091-13-01")
                && literalMessage.contains("YYYY-MM-DD"), literalMessage);

        // a time with no offset, in a source's publication time
        var time = GraphQL.post(GraphQL.operation("addSource"), GraphQL.vars("input", Map.of("title", "Zz Test timed",
                "url", "https://example.org/zz-test-timed", "publishedAt", "2024-01-16T15:19:00")), editor())
                .statusCode(200).extract().jsonPath();
        String timeMessage = time.getString("errors[0].message");
        assertTrue(timeMessage.contains("input.publishedAt") && timeMessage.contains("+03:00"), time.prettify());

        // the issue's own example: a day-first date in a list's filter names the field, the value and the format
        for (String list : List.of("statementsDated", "encountersDated")) {
            JsonPath filter = GraphQL.any(GraphQL.operation(list), "filter", Map.of("from", "25/04/2019"));
            assertEquals("BAD_USER_INPUT", filter.getString("errors[0].extensions.code"), list);
            String filterMessage = filter.getString("errors[0].message");
            assertTrue(filterMessage.contains("filter.from") && filterMessage.contains("25/04/2019")
                    && filterMessage.contains("YYYY-MM-DD"), filter.prettify());
        }
    }
}
