package org.parley.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.parley.testsupport.GraphQL.as;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.WrittenRecords;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Each seed article's intake, reviewed as an editor would and accepted, against the curated records built from the
 * same article: the editor accepts the quotes, the reported speech and the encounters that the curated records rest
 * on, corrects speaker, kind and date where the proposal differs, names the recorded encounter, and leaves the rest.
 * The records written must equal the curated ones field by field where the intake's words are the record's: a quote's
 * speaker, text, kind, mode, date and source, its excerpt holding the quote and overlapping the curated excerpt;
 * for reported speech (whose curated text is the curator's paraphrase, not the article's words) speaker, kind, mode
 * and date; an encounter attested by the article, never recorded again.
 */
@QuarkusTest
class IntakeAcceptanceTest {

    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Long> INTAKES = new ArrayList<>();
    private static final List<Long> SOURCES = new ArrayList<>();

    @AfterAll
    static void removeWhatAcceptanceWrote() {
        SOURCES.forEach(WrittenRecords::removeSource);
        INTAKES.forEach(id -> Database.execute("delete from intake where id = ?", id));
    }

    static Stream<String> seedSources() throws Exception {
        Properties files = new Properties();
        try (InputStream in = IntakeAcceptanceTest.class.getClassLoader()
                .getResourceAsStream("data/seed-files.properties")) {
            files.load(in);
        }
        return files.stringPropertyNames().stream().sorted()
                .map(key -> key + "=" + files.getProperty(key));
    }

    /** A curated record the article attests, with its attestation and the excerpt's place in the text. */
    record Attested(JsonNode record, JsonNode attestation, int start, int end) {
        boolean overlaps(int s, int e) {
            return s < end && start < e;
        }

        String type() {
            return record.get("type").asText();
        }
    }

    @ParameterizedTest
    @MethodSource("seedSources")
    void acceptingTheProposalsAnEditorWouldWritesTheCuratedRecords(String seed) throws Exception {
        boolean required = "true".equals(System.getenv("PARLEY_REQUIRE_SEEDS"));
        assumeTrue(required || Files.isDirectory(SEEDS), "the seed articles are not beside the project");
        String key = seed.substring(0, seed.indexOf('='));
        String text = Files.readString(SEEDS.resolve(seed.substring(seed.indexOf('=') + 1)), StandardCharsets.UTF_8);
        List<JsonNode> lines = IntakeEvalTest.curated();
        JsonNode source = lines.stream().filter(l -> l.get("type").asText().equals("source")
                && l.get("key").asText().equals(key)).findFirst().orElseThrow();

        List<Attested> attested = new ArrayList<>();
        JsonNode record = null;
        for (JsonNode line : lines) {
            String type = line.get("type").asText();
            if (type.equals("statement") || type.equals("encounter")) {
                record = line;
            } else if (type.equals("attestation") && record != null && line.get("source").asText().equals(key)) {
                String excerpt = line.get("excerpt").asText();
                int at = text.indexOf(excerpt);
                assertTrue(at >= 0, "the curated excerpt is the article's: " + excerpt);
                attested.add(new Attested(record, line, at, at + excerpt.length()));
            }
        }

        String token = DevTokens.editor();
        JsonPath proposed = as(token, "proposeFromArticle", "input", input(source, text), "first", 100);
        String intake = proposed.getString("data.proposeFromArticle.intake.id");
        assertNotNull(intake, proposed.prettify());
        INTAKES.add(Ids.dbId(intake));
        List<Map<String, Object>> proposals = proposed.getList("data.proposeFromArticle.intake.proposals");

        // the review: for each curated record, the proposal an editor would accept, with the editor's corrections
        Map<String, Attested> chosenFor = new LinkedHashMap<>();
        List<Map<String, Object>> accept = new ArrayList<>();
        for (Attested gold : attested) {
            Map<String, Object> p = proposalFor(gold, text, proposals, chosenFor.keySet());
            if (gold.type().equals("statement") && gold.record().get("mode").asText().equals("VERBATIM")) {
                assertNotNull(p, "a quote proposal for " + gold.record().get("key"));
            }
            if (p == null) {
                continue;
            }
            chosenFor.put((String) p.get("id"), gold);
            accept.add(review(gold, p));
        }
        assumeTrue(!accept.isEmpty(), "the intake proposes nothing the curated records of " + key + " rest on");
        long encountersBefore = Database.count("select count(*) from encounter");

        JsonPath accepted = as(token, "acceptIntake", "input", Map.of("intake", intake, "accept", accept));
        assertEquals(List.of(), accepted.getList("data.acceptIntake.userErrors"), key);
        long sourceId = Ids.dbId(accepted.getString("data.acceptIntake.intake.source.id"));
        SOURCES.add(sourceId);
        assertEquals(encountersBefore, Database.count("select count(*) from encounter"),
                "every encounter accepted is attested, none recorded again");

        // the source, as the curated one
        Map<String, Object> written = Database.rows("select title, publisher, language from source where id = ?",
                sourceId).get(0);
        assertEquals(text(source, "title"), written.get("title"));
        assertEquals(text(source, "publisher"), written.get("publisher"));
        assertEquals(text(source, "language"), written.get("language"));

        List<Map<String, Object>> records = accepted.getList("data.acceptIntake.intake.accepted");
        int compared = 0;
        for (Map<String, Object> r : records) {
            Attested gold = chosenFor.get((String) r.get("proposal"));
            String id = (String) r.get("record");
            if (gold == null || !new String(java.util.Base64.getUrlDecoder().decode(id)).startsWith(
                    gold.type().equals("statement") ? "Statement:" : "Encounter:")) {
                continue;
            }
            if (gold.type().equals("statement")) {
                compareStatement(key, text, gold, Ids.dbId(id), sourceId);
            } else {
                assertEquals(Ids.bySlug("Encounter", gold.record().get("key").asText()), id, "the recorded one");
                List<String> excerpts = Database.column("select excerpt from attestation where encounter_id = ?"
                        + " and source_id = ?", Ids.dbId(id), sourceId);
                assertEquals(1, excerpts.size(), "attested once by the article");
                int at = text.indexOf(excerpts.get(0));
                assertTrue(at >= 0, "its excerpt is the article's: " + excerpts.get(0));
            }
            compared++;
        }
        assertEquals(accept.size(), compared, "every accepted proposal wrote its record: " + records);
        System.out.printf("Intake acceptance, %s: %d records accepted and compared (%d quotes, %d reported speech,"
                + " %d encounters)%n", key, compared, count(chosenFor, "VERBATIM"), count(chosenFor, "PARAPHRASE"),
                count(chosenFor, null));
    }

    /** The records chosen of a statement mode, or encounters for null. */
    private static long count(Map<String, Attested> chosen, String mode) {
        return chosen.values().stream().filter(a -> mode == null ? a.type().equals("encounter")
                : a.type().equals("statement") && a.record().get("mode").asText().equals(mode)).count();
    }

    private static Map<String, Object> input(JsonNode source, String text) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", text(source, "title"));
        input.put("publisher", text(source, "publisher"));
        input.put("published", source.get("publishedAt").isNull() ? text(source, "publishedOn")
                : text(source, "publishedAt"));
        input.put("language", text(source, "language"));
        input.put("text", text);
        return input;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * The proposal an editor would accept for a curated record: the quote at the curated words, the reported speech
     * on the curated excerpt, the encounter proposed on it (or matched to it anywhere in the article).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> proposalFor(Attested gold, String text, List<Map<String, Object>> proposals,
            java.util.Set<String> taken) {
        Map<String, Object> matched = null;
        for (Map<String, Object> p : proposals) {
            if (taken.contains(p.get("id"))) {
                continue;
            }
            String kind = (String) p.get("kind");
            int s = (Integer) p.get("start");
            int e = (Integer) p.get("end");
            if (gold.type().equals("encounter")) {
                Map<String, Object> encounter = (Map<String, Object>) p.get("encounter");
                Map<String, Object> matches = encounter == null ? null : (Map<String, Object>) encounter.get("matches");
                String gid = Ids.bySlug("Encounter", gold.record().get("key").asText());
                if (kind.equals("ENCOUNTER") && gold.overlaps(s, e)) {
                    return p;
                }
                if (kind.equals("ENCOUNTER") && matches != null && gid.equals(matches.get("id")) && matched == null) {
                    matched = p; // accepted when no proposal rests on the curated words
                }
            } else if (gold.record().get("mode").asText().equals("VERBATIM")) {
                String words = gold.record().get("text").asText();
                if (kind.equals("QUOTE") && words.equals(p.get("text")) && gold.overlaps(s, e)) {
                    return p;
                }
            } else if (kind.equals("REPORTED_SPEECH") && gold.overlaps(s, e)) {
                return p;
            }
        }
        return matched;
    }

    /** The acceptance of a proposal with the corrections an editor makes to reach the curated record. */
    private static Map<String, Object> review(Attested gold, Map<String, Object> proposal) {
        Map<String, Object> edit = new HashMap<>();
        edit.put("proposal", proposal.get("id"));
        JsonNode record = gold.record();
        if (gold.type().equals("encounter")) {
            edit.put("encounter", Ids.bySlug("Encounter", record.get("key").asText()));
            return edit;
        }
        if (record.get("speaker").isNull()) {
            edit.put("speakerLabel", record.get("speakerLabel").asText());
        } else {
            edit.put("speaker", Ids.bySlug("Actor", record.get("speaker").asText()));
        }
        edit.put("kind", record.get("kind").asText());
        JsonNode said = record.get("saidOn");
        if (said != null && !said.isNull()) {
            edit.put("date", dateInput(said));
        }
        return edit;
    }

    /** A curated date (a string of 4, 7 or 10 characters, or an object with its interval) as a PartialDateInput. */
    private static Map<String, Object> dateInput(JsonNode said) {
        String value = said.isTextual() ? said.asText() : said.get("date").asText();
        Map<String, Object> date = new HashMap<>();
        date.put("date", value.length() == 4 ? value + "-01-01" : value.length() == 7 ? value + "-01" : value);
        date.put("precision", value.length() == 4 ? "YEAR" : value.length() == 7 ? "MONTH" : "DAY");
        if (said.isObject()) {
            date.put("earliest", text(said, "earliest"));
            date.put("latest", text(said, "latest"));
            date.put("resolution", text(said, "resolution"));
            date.put("resolutionNote", text(said, "note"));
        }
        return date;
    }

    private static void compareStatement(String key, String text, Attested gold, long statement, long source) {
        JsonNode record = gold.record();
        String what = key + " / " + record.get("key").asText();
        Map<String, Object> row = Database.rows("select s.text, s.mode, s.kind, a.slug, s.speaker_label,"
                + " to_char(s.said_date, 'YYYY-MM-DD') as said_date, s.said_precision,"
                + " to_char(s.said_earliest, 'YYYY-MM-DD') as said_earliest,"
                + " to_char(s.said_latest, 'YYYY-MM-DD') as said_latest, s.said_resolution"
                + " from statement s left join actor a on a.id = s.speaker_id where s.id = ?", statement).get(0);
        assertEquals(text(record, "speaker"), row.get("slug"), "speaker of " + what);
        assertEquals(text(record, "speakerLabel"), row.get("speaker_label"), "speaker label of " + what);
        assertEquals(record.get("kind").asText(), row.get("kind"), "kind of " + what);
        assertEquals(record.get("mode").asText(), row.get("mode"), "mode of " + what);
        if (record.get("mode").asText().equals("VERBATIM")) {
            assertEquals(record.get("text").asText(), row.get("text"), "text of " + what);
        } else {
            // the curated text is the curator's paraphrase; the intake keeps the article's sentence
            assertTrue(gold.overlaps(text.indexOf((String) row.get("text")),
                    text.indexOf((String) row.get("text")) + ((String) row.get("text")).length()), what);
        }
        JsonNode said = record.get("saidOn");
        if (said != null && !said.isNull()) {
            Map<String, Object> expected = dateInput(said);
            String precision = (String) expected.get("precision");
            assertEquals(precision, row.get("said_precision"), "date precision of " + what);
            String day = (String) row.get("said_date");
            String stored = precision.equals("YEAR") ? day.substring(0, 4)
                    : precision.equals("MONTH") ? day.substring(0, 7) : day;
            String value = said.isTextual() ? said.asText() : said.get("date").asText();
            assertEquals(value, stored, "date of " + what);
            if (said.isObject()) {
                assertEquals(text(said, "earliest"), row.get("said_earliest"), "earliest of " + what);
                assertEquals(text(said, "latest"), row.get("said_latest"), "latest of " + what);
                assertEquals(text(said, "resolution"), row.get("said_resolution"), "resolution of " + what);
            }
        }
        List<Map<String, Object>> attestations = Database.rows("select excerpt, source_id from attestation where"
                + " statement_id = ?", statement);
        assertEquals(1, attestations.size(), what);
        assertEquals(source, ((Number) attestations.get(0).get("source_id")).longValue(), "source of " + what);
        String excerpt = (String) attestations.get(0).get("excerpt");
        int at = text.indexOf(excerpt);
        assertTrue(at >= 0, "the excerpt is the article's: " + excerpt);
        assertTrue(gold.overlaps(at, at + excerpt.length()), "the excerpt is where the curated one is: " + what);
        if (record.get("mode").asText().equals("VERBATIM")) {
            assertTrue(excerpt.contains(record.get("text").asText()), "the excerpt holds the quote: " + what);
        }
    }
}
