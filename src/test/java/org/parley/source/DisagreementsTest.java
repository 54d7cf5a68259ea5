package org.parley.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code disagreements}: checked against the attestations read straight from the database and judged here, in Java,
 * by the rule the field documents (the periods the sources give do not all overlap).
 */
@QuarkusTest
class DisagreementsTest {

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    /** A version of a date: its period, [from, to). */
    private record Version(LocalDate date, String precision) {
        LocalDate from() {
            return switch (precision) {
                case "DAY" -> date;
                case "MONTH" -> date.withDayOfMonth(1);
                default -> date.withDayOfYear(1);
            };
        }

        LocalDate to() {
            return switch (precision) {
                case "DAY" -> from().plusDays(1);
                case "MONTH" -> from().plusMonths(1);
                default -> from().plusYears(1);
            };
        }

        @Override
        public String toString() {
            return date + " " + precision;
        }
    }

    /** The expected list, newest first: "Encounter:<id>", "Statement:<id>" or "Agreement:<id>" with its versions. */
    private static List<String> expected() {
        Map<String, List<Version>> versions = new LinkedHashMap<>();
        Map<String, LocalDate> recorded = new HashMap<>();
        for (Map<String, Object> row : Database.rows("select 'Encounter:' || e.id as subject, e.start_date as recorded,"
                + " e.start_precision as recorded_precision, a.reported_date, a.reported_precision from attestation a"
                + " join encounter e on e.id = a.encounter_id where e.deleted_at is null"
                + " union all select 'Statement:' || s.id, s.said_date, s.said_precision, a.reported_date,"
                + " a.reported_precision from attestation a join statement s on s.id = a.statement_id"
                + " where s.deleted_at is null"
                // an agreement's own date: its first step's
                + " union all select 'Agreement:' || g.id, st.step_date, st.step_precision, a.reported_date,"
                + " a.reported_precision from agreement_attestation a join agreement g on g.id = a.agreement_id"
                + " left join agreement_step st on st.agreement_id = g.id"
                + " and st.position = (select min(position) from agreement_step where agreement_id = g.id)"
                + " where g.deleted_at is null")) {
            String subject = (String) row.get("subject");
            LocalDate own = row.get("recorded") == null ? null : ((java.sql.Date) row.get("recorded")).toLocalDate();
            Version version = row.get("reported_date") != null
                    ? new Version(((java.sql.Date) row.get("reported_date")).toLocalDate(), (String) row.get("reported_precision"))
                    : own == null ? null : new Version(own, (String) row.get("recorded_precision"));
            versions.computeIfAbsent(subject, s -> new ArrayList<>());
            if (version != null) {
                versions.get(subject).add(version);
            }
            if (own != null) {
                recorded.put(subject, own);
            }
        }
        List<String> found = new ArrayList<>();
        Map<String, LocalDate> newest = new HashMap<>();
        versions.forEach((subject, list) -> {
            boolean disjoint = list.stream().anyMatch(a -> list.stream().anyMatch(b -> !a.to().isAfter(b.from())));
            if (disjoint) {
                found.add(subject);
                newest.put(subject, recorded.getOrDefault(subject,
                        list.stream().map(Version::date).max(Comparator.naturalOrder()).orElseThrow()));
            }
        });
        found.sort(Comparator.comparing((String s) -> newest.get(s)).reversed()
                .thenComparing(s -> s.startsWith("Encounter") ? 0 : s.startsWith("Statement") ? 1 : 2)
                .thenComparing(s -> Long.parseLong(s.substring(s.indexOf(':') + 1))));
        List<String> described = new ArrayList<>();
        for (String subject : found) {
            TreeSet<String> distinct = new TreeSet<>();
            versions.get(subject).forEach(v -> distinct.add(v.toString()));
            described.add(subject + " " + distinct);
        }
        return described;
    }

    private static List<String> listed(JsonPath body, String path) {
        List<String> described = new ArrayList<>();
        List<Map<String, Object>> nodes = body.getList(path);
        for (Map<String, Object> node : nodes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> encounter = (Map<String, Object>) node.get("encounter");
            @SuppressWarnings("unchecked")
            Map<String, Object> statement = (Map<String, Object>) node.get("statement");
            @SuppressWarnings("unchecked")
            Map<String, Object> agreement = (Map<String, Object>) node.get("agreement");
            assertEquals(1, (encounter == null ? 0 : 1) + (statement == null ? 0 : 1) + (agreement == null ? 0 : 1),
                    "one record each: " + node);
            String subject = encounter != null ? "Encounter:" + Ids.dbId((String) encounter.get("id"))
                    : statement != null ? "Statement:" + Ids.dbId((String) statement.get("id"))
                    : "Agreement:" + Ids.dbId((String) agreement.get("id"));
            TreeSet<String> distinct = new TreeSet<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> versions = (List<Map<String, Object>>) node.get("versions");
            versions.forEach(v -> distinct.add(v.get("date") + " " + v.get("precision")));
            assertEquals("DATE", node.get("fact"));
            described.add(subject + " " + distinct);
        }
        return described;
    }

    @Test
    void listsEveryRecordWhoseSourcesGiveDatesThatCannotAllBeTrueNewestFirst() {
        List<String> expected = expected();
        // the curated data holds some: the Lavrov–Kim meeting, Wednesday 30 or Thursday 31 May 2018
        assertTrue(expected.stream().anyMatch(s -> s.startsWith("Encounter:"
                + Ids.dbId(Ids.bySlug("Encounter", "lavrov-meets-kim-2018")) + " ")), expected.toString());
        JsonPath all = GraphQL.data("disagreements", "first", 100);
        assertEquals(expected, listed(all, "data.disagreements.nodes"));
        assertEquals(expected.size(), all.getInt("data.disagreements.totalCount"));

        // page by page, the same list
        List<String> paged = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            JsonPath page = GraphQL.data("disagreements", "first", 2, "after", after);
            paged.addAll(listed(page, "data.disagreements.nodes"));
            more = page.getBoolean("data.disagreements.pageInfo.hasNextPage");
            after = page.getString("data.disagreements.pageInfo.endCursor");
        }
        assertEquals(expected, paged);
    }

    @Test
    void datesThatOverlapAgreeAndDatesThatDoNotDisagree() throws Exception {
        String editor = DevTokens.mint("test-editor", 600, "editor");
        String first = Ids.bySlug("Source", "moneycontrol-2018-06-01");
        String second = Ids.bySlug("Source", "unattributed-2018-05-31");
        // "May 2097" and "30 May 2097" can both be true
        String agreeing = record(editor, "2097-05-30", List.of(attestation(first, "2097-05-01", "MONTH"),
                attestation(second, null, null)));
        // "30 May 2097" and "31 May 2097" cannot
        String disagreeing = record(editor, "2097-05-31", List.of(attestation(first, "2097-05-30", "DAY"),
                attestation(second, "2097-05-31", "DAY")));

        JsonPath top = GraphQL.data("disagreements", "first", 100);
        List<String> listed = listed(top, "data.disagreements.nodes");
        assertEquals("Encounter:" + Ids.dbId(disagreeing) + " [2097-05-30 DAY, 2097-05-31 DAY]", listed.get(0),
                "newest first");
        assertEquals("2097-05-31", top.getString("data.disagreements.nodes[0].recordedDate.date"));
        assertFalse(listed.stream().anyMatch(s -> s.startsWith("Encounter:" + Ids.dbId(agreeing) + " ")), listed.toString());
        assertEquals(expected(), listed);
    }

    /** An agreement's date is that of its first step: a source that gives another day disagrees with it. */
    @Test
    void anAgreementWhoseSourcesGiveAnotherDayOfItsSigningIsListed() throws Exception {
        String editor = DevTokens.mint("test-editor", 600, "editor");
        String first = Ids.bySlug("Source", "moneycontrol-2018-06-01");
        String second = Ids.bySlug("Source", "unattributed-2018-05-31");
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEMORANDUM");
        input.put("title", TestRows.unique("Disagreement memorandum"));
        input.put("parties", List.of(Ids.bySlug("Actor", "vladimir-putin"), Ids.bySlug("Actor", "kim-jong-un")));
        input.put("steps", List.of(Map.of("status", "SIGNED", "date", Map.of("date", "2095-03-10", "precision", "DAY")),
                Map.of("status", "IN_FORCE", "date", Map.of("date", "2095-09-01", "precision", "DAY"))));
        // the first source agrees with the signing day (it gives none of its own), the second gives the day after
        input.put("attestations", List.of(attestation(first, null, null), attestation(second, "2095-03-11", "DAY")));
        JsonPath body = GraphQL.as(editor, "createAgreement", "input", input);
        assertEquals(List.of(), body.getList("data.createAgreement.userErrors"), body.prettify());
        String agreement = body.getString("data.createAgreement.agreement.id");

        JsonPath top = GraphQL.data("disagreements", "first", 100);
        List<String> listed = listed(top, "data.disagreements.nodes");
        int at = listed.indexOf("Agreement:" + Ids.dbId(agreement) + " [2095-03-10 DAY, 2095-03-11 DAY]");
        assertTrue(at >= 0, listed.toString());
        assertEquals("2095-03-10", top.getString("data.disagreements.nodes[" + at + "].recordedDate.date"));
        // in its place, newest first by the first step's date (expected() orders by it)
        assertEquals(expected(), listed);
    }

    private static Map<String, Object> attestation(String source, String reported, String precision) {
        Map<String, Object> input = new HashMap<>();
        input.put("source", source);
        input.put("excerpt", "Zz test excerpt");
        if (reported != null) {
            input.put("reportedDate", Map.of("date", reported, "precision", precision));
        }
        return input;
    }

    private static String record(String token, String date, List<Map<String, Object>> attestations) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEETING");
        input.put("title", TestRows.unique("Disagreement"));
        input.put("status", "HELD");
        input.put("start", Map.of("date", date, "precision", "DAY"));
        input.put("participants", List.of(Map.of("actor", Ids.bySlug("Actor", "vladimir-putin"), "role", "HOST")));
        input.put("attestations", attestations);
        JsonPath body = GraphQL.as(token, "recordEncounterDated", "input", input);
        assertEquals(List.of(), body.getList("data.recordEncounter.userErrors"), body.prettify());
        return body.getString("data.recordEncounter.encounter.id");
    }
}
