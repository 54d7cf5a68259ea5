package org.parley.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.parley.testsupport.GraphQL.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Actors and places an article names (ACTOR_MENTION, PLACE_MENTION): on a seed article, their offsets, their match
 * to the curated actors and places and the merging of their mentions; the caps; and their acceptance in one
 * transaction.
 */
@QuarkusTest
class IntakeMentionTest {

    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    private static final List<Long> INTAKES = new ArrayList<>();

    @AfterAll
    static void removeWhatTheTestsCreated() {
        INTAKES.forEach(id -> Database.execute("delete from intake where id = ?", id));
        TestRows.removeAll();
    }

    private static JsonPath propose(String text, String published) throws Exception {
        Map<String, Object> input = IntakeTest.input(text, TestRows.unique("Intake"));
        input.put("published", published);
        JsonPath body = as(DevTokens.editor(), "proposeFromArticle", "input", input, "first", 0);
        String id = body.getString("data.proposeFromArticle.intake.id");
        assertTrue(id != null, body.prettify());
        INTAKES.add(Ids.dbId(id));
        return body;
    }

    /** Every proposal of the intake, 100 at a time. */
    private static List<Map<String, Object>> proposals(String intake) throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        while (true) {
            JsonPath page = as(DevTokens.editor(), "intakeProposals", "id", intake, "first", 100, "after", after);
            List<Map<String, Object>> proposals = page.getList("data.intake.proposals");
            all.addAll(proposals);
            if (proposals.size() < 100) {
                return all;
            }
            after = (String) proposals.get(proposals.size() - 1).get("id");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String... path) {
        Map<String, Object> at = parent;
        for (String field : path) {
            at = at == null ? null : (Map<String, Object>) at.get(field);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> spans(Map<String, Object> proposal) {
        return (List<Map<String, Object>>) proposal.get("mentions");
    }

    /** The ACTOR_MENTION of a recorded actor, by slug; fails when there is not exactly one. */
    private static Map<String, Object> actorMention(List<Map<String, Object>> all, String slug) {
        String id = Ids.bySlug("Actor", slug);
        List<Map<String, Object>> found = all.stream().filter(p -> p.get("kind").equals("ACTOR_MENTION")
                && map(p, "mentioned", "actor") != null && id.equals(map(p, "mentioned", "actor").get("id"))).toList();
        assertEquals(1, found.size(), "one proposal for " + slug + ": " + found);
        return found.get(0);
    }

    @Test
    void seedArticleMentionsAreMatchedMergedAndAtTheirOffsets() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "the seed articles are not beside the project");
        String text = Files.readString(SEEDS.resolve("001_a081b70c5f02a0da.txt"), StandardCharsets.UTF_8);
        String intake = propose(text, "2018-05-31T20:39:00-04:00").getString("data.proposeFromArticle.intake.id");
        List<Map<String, Object>> all = proposals(intake);
        List<Map<String, Object>> mentions = all.stream().filter(p -> ((String) p.get("kind")).endsWith("_MENTION"))
                .toList();
        assertTrue(mentions.size() >= 20, "mentions proposed: " + mentions.size());

        Set<String> entities = new HashSet<>();
        for (Map<String, Object> p : mentions) {
            List<Map<String, Object>> spans = spans(p);
            assertFalse(spans.isEmpty(), "offsets of " + p);
            // the proposal's own span is its first mention, and its text the name printed there
            assertEquals(spans.get(0).get("start"), p.get("start"));
            assertEquals(spans.get(0).get("end"), p.get("end"));
            assertEquals(text.substring((Integer) p.get("start"), (Integer) p.get("end")), p.get("text"));
            assertEquals(Math.min((Integer) p.get("mentionCount"), ArticleAnalyzer.MAX_MENTION_SPANS), spans.size());
            int previous = -1;
            for (Map<String, Object> span : spans) {
                int start = (Integer) span.get("start");
                int end = (Integer) span.get("end");
                assertTrue(start > previous, "in the order of the text: " + spans);
                previous = start;
                String printed = text.substring(start, end);
                assertTrue(Character.isUpperCase(printed.charAt(0)) && printed.equals(printed.strip()), printed);
            }
            Map<String, Object> actor = map(p, "mentioned", "actor");
            Map<String, Object> state = map(p, "place", "state");
            String entity = actor != null ? "actor " + actor.get("id")
                    : state != null && "STATE".equals(map(p, "place").get("match")) ? "actor " + state.get("id")
                            : p.get("kind") + " " + (map(p, "mentioned") != null ? map(p, "mentioned") : map(p, "place"))
                                    .get("name");
            assertTrue(entities.add(entity), "one proposal per entity, " + entity + " twice");
        }

        // matched to the curated actors, all the mentions of one actor in one proposal, each at the name's words
        Map<String, Object> pompeo = actorMention(all, "mike-pompeo");
        assertEquals("EXISTING", map(pompeo, "mentioned").get("match"));
        assertEquals(count(text, "Pompeo"), pompeo.get("mentionCount"), "every Pompeo, full name or not");
        for (Map<String, Object> span : spans(pompeo)) {
            String printed = text.substring((Integer) span.get("start"), (Integer) span.get("end"));
            assertTrue(printed.equals("Mike Pompeo") || printed.equals("Pompeo"), printed);
        }
        Map<String, Object> lavrov = actorMention(all, "sergey-lavrov");
        assertEquals("Sergey V. Lavrov", lavrov.get("text"), "printed with an alias of the curated actor");
        assertEquals("Foreign Minister", map(lavrov, "mentioned").get("title"));
        for (String slug : List.of("kim-jong-un", "donald-trump", "white-house", "kim-yong-chol", "xi-jinping",
                "evan-medeiros", "dmitry-peskov", "north-korea", "china", "japan")) {
            assertEquals("EXISTING", map(actorMention(all, slug), "mentioned").get("match"), slug);
        }
        // "North Korea", "North Korea’s", "Pyongyang" when it acts: one proposal for the state
        assertTrue((Integer) actorMention(all, "north-korea").get("mentionCount") >= count(text, "North Korea’s"));

        // places: "in New York", "in Singapore", "in Panmunjom" are the places of recorded encounters
        for (String name : List.of("New York", "Singapore", "Panmunjom")) {
            Map<String, Object> place = all.stream().filter(p -> p.get("kind").equals("PLACE_MENTION")
                    && name.equals(map(p, "place").get("name"))).findFirst().orElseThrow(() -> new AssertionError(name));
            assertEquals("RECORDED_PLACE", map(place, "place").get("match"), name);
            for (Map<String, Object> span : spans(place)) {
                assertEquals(name, text.substring((Integer) span.get("start"), (Integer) span.get("end")));
            }
        }
        assertEquals(Ids.bySlug("Actor", "united-states"), all.stream().filter(p -> p.get("kind").equals(
                "PLACE_MENTION") && "New York".equals(map(p, "place").get("name"))).map(p -> map(p, "place", "state"))
                .findFirst().orElseThrow().get("id"), "a recorded place's country");
    }

    /** Occurrences of {@code word} as a word. */
    private static int count(String text, String word) {
        return (int) java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(word) + "\\b")
                .matcher(text).results().count();
    }

    @Test
    void institutionsKeepTheirWholeNames() {
        String text = "Sung-Yoon Lee, a professor at the Fletcher School of Law and Diplomacy at Tufts University,"
                + " said so. The Database Center for North Korean Human Rights, a group in Seoul, agreed with Lee.";
        List<Proposal> mentions = ArticleAnalyzer.analyze(text, "en", LocalDate.of(2018, 5, 31), null, 1000)
                .proposals().stream().filter(p -> p.kind == ProposalKind.ACTOR_MENTION
                        || p.kind == ProposalKind.PLACE_MENTION).toList();
        List<String> names = mentions.stream().map(p -> text.substring(p.start, p.end)).toList();
        assertTrue(names.containsAll(List.of("Fletcher School of Law and Diplomacy", "Tufts University",
                "Database Center for North Korean Human Rights", "Sung-Yoon Lee")), names.toString());
        Proposal lee = mentions.stream().filter(p -> p.text.equals("Sung-Yoon Lee")).findFirst().orElseThrow();
        assertEquals(2, lee.mentionCount, "\"Lee\" stands for Sung-Yoon Lee");
        assertEquals("Lee", text.substring(lee.mentions.get(1).start, lee.mentions.get(1).end));
    }

    @Test
    void mentionsAreCapped() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String name = "Zq" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26) + " Yv" + (char) ('a' + i / 7 % 26);
            text.append("Reporters saw ").append(name).append(" and Varlo Quentish arrive.\n");
        }
        List<Proposal> proposals = ArticleAnalyzer.analyze(text.toString(), "en", LocalDate.of(2020, 1, 1), null, 1000)
                .proposals();
        List<Proposal> mentions = proposals.stream().filter(p -> p.kind == ProposalKind.ACTOR_MENTION).toList();
        assertEquals(ArticleAnalyzer.MAX_MENTIONED, mentions.size(), "at most this many actors and places");
        Proposal repeated = mentions.stream().filter(p -> p.text.equals("Varlo Quentish")).findFirst().orElseThrow();
        assertEquals(300, repeated.mentionCount, "every mention counted");
        assertEquals(ArticleAnalyzer.MAX_MENTION_SPANS, repeated.mentions.size(), "the first mentions' offsets kept");
        for (MentionSpan span : repeated.mentions) {
            assertEquals("Varlo Quentish", text.substring(span.start, span.end));
        }
    }

    @Test
    void acceptanceWritesOnlyNewActorsInOneTransaction() throws Exception {
        // a name no other test row resembles: removed with the test rows (TestRows names them "Zz Test ...")
        String name = "Zz Test W" + new java.util.Random().ints(9, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        String text = String.join("\n", "Envoys in Pyongyang",
                "Kim Jong Un received visitors in Pyongyang on Thursday, and " + name + " watched the talks.",
                "The delegation of Kim Jong Un left for Beijing, and " + name + " went with it.");
        JsonPath body = propose(text, "2018-06-01T10:00:00+03:00");
        String intake = body.getString("data.proposeFromArticle.intake.id");
        List<Map<String, Object>> all = proposals(intake);
        Map<String, Object> kim = actorMention(all, "kim-jong-un");
        assertEquals(2, kim.get("mentionCount"));
        Map<String, Object> envoy = all.stream().filter(p -> p.get("kind").equals("ACTOR_MENTION")
                && name.equals(map(p, "mentioned").get("name"))).findFirst().orElseThrow(() -> new AssertionError(all));
        assertEquals("NEW", map(envoy, "mentioned").get("match"));
        assertEquals(2, envoy.get("mentionCount"));
        long actors = Database.count("select count(*) from actor");

        // a refusal after the new actor: nothing written
        JsonPath refused = as(DevTokens.editor(), "acceptIntake", "input", Map.of("intake", intake, "accept", List.of(
                Map.of("proposal", envoy.get("id")),
                Map.of("proposal", kim.get("id"), "actor", Ids.of("Actor", 999_999_999L)))));
        assertEquals("NOT_FOUND", refused.getString("data.acceptIntake.userErrors[0].code"), refused.prettify());
        assertEquals(List.of("input", "accept", "1", "actor"), refused.getList("data.acceptIntake.userErrors[0].field"));
        assertEquals(actors, Database.count("select count(*) from actor"), "the new actor was rolled back");
        assertEquals(0, Database.count("select count(*) from actor where name = ?", name));

        // accepted: the new actor once, the recorded one matched and not written
        JsonPath accepted = as(DevTokens.editor(), "acceptIntake", "input", Map.of("intake", intake, "accept", List.of(
                Map.of("proposal", envoy.get("id")), Map.of("proposal", kim.get("id")))));
        assertEquals(List.of(), accepted.getList("data.acceptIntake.userErrors"), accepted.prettify());
        List<Map<String, Object>> records = accepted.getList("data.acceptIntake.intake.accepted");
        assertEquals(actors + 1, Database.count("select count(*) from actor"), "one actor created");
        assertEquals(1, Database.count("select count(*) from actor where name = ? and kind = 'PERSON'", name));
        assertTrue(records.contains(Map.of("proposal", kim.get("id"), "record", Ids.bySlug("Actor", "kim-jong-un"),
                "action", "MATCHED")), records.toString());
        assertEquals(1, records.stream().filter(r -> r.get("proposal").equals(envoy.get("id"))
                && r.get("action").equals("CREATED")).count(), records.toString());
    }
}
