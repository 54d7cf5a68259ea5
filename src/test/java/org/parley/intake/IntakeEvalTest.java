package org.parley.intake;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.parley.testsupport.GraphQL.as;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The intake's evaluation (docs/INTAKE.md): each seed article of ../shared/seeds through proposeFromArticle, its
 * proposals scored against the curated data set built from the same articles. Prints per article and overall, and
 * writes target/intake-eval.md; bench/intake-eval.sh runs it (with IntakeTimingTest). The floors asserted are below
 * the figures reached, so that a change that makes the intake worse fails.
 */
@QuarkusTest
class IntakeEvalTest {

    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Long> INTAKES = new ArrayList<>();

    @AfterAll
    static void removeIntakes() {
        INTAKES.forEach(id -> Database.execute("delete from intake where id = ?", id));
    }

    /** The tallies of one article, or of all. */
    static final class Score {
        int quotesProposed, goldQuotes, exactPredicted, exactGold, loosePredicted, looseGold;
        int speakersRight, speakersJudged;
        int datesGold, datesRight, datesProposedInExcerpts, datesProposedRight;
        int encountersGold, encountersMatched, encountersFound;
        int paraphrasesGold, paraphrasesFound;
        int proposals, rejected;
        int mentionProposals, mentionRight, mentionGold, mentionFound;
        /** The gold entities not proposed, and the proposals that name none (or one named before). */
        final List<String> mentionMissed = new ArrayList<>(), mentionWrong = new ArrayList<>();

        void add(Score o) {
            quotesProposed += o.quotesProposed;
            goldQuotes += o.goldQuotes;
            exactPredicted += o.exactPredicted;
            exactGold += o.exactGold;
            loosePredicted += o.loosePredicted;
            looseGold += o.looseGold;
            speakersRight += o.speakersRight;
            speakersJudged += o.speakersJudged;
            datesGold += o.datesGold;
            datesRight += o.datesRight;
            datesProposedInExcerpts += o.datesProposedInExcerpts;
            datesProposedRight += o.datesProposedRight;
            encountersGold += o.encountersGold;
            encountersMatched += o.encountersMatched;
            encountersFound += o.encountersFound;
            paraphrasesGold += o.paraphrasesGold;
            paraphrasesFound += o.paraphrasesFound;
            proposals += o.proposals;
            rejected += o.rejected;
            mentionProposals += o.mentionProposals;
            mentionRight += o.mentionRight;
            mentionGold += o.mentionGold;
            mentionFound += o.mentionFound;
        }

        String row(String name) {
            return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |", name,
                    ratio(exactPredicted, quotesProposed), ratio(exactGold, goldQuotes),
                    ratio(loosePredicted, quotesProposed), ratio(looseGold, goldQuotes),
                    ratio(speakersRight, speakersJudged), ratio(datesRight, datesGold),
                    ratio(datesProposedRight, datesProposedInExcerpts), ratio(encountersFound, encountersGold)
                            + " (" + encountersMatched + " matched)",
                    ratio(paraphrasesFound, paraphrasesGold), ratio(rejected, proposals));
        }

        String mentionRow(String name) {
            return String.format(Locale.ROOT, "| %s | %s | %s |", name, ratio(mentionRight, mentionProposals),
                    ratio(mentionFound, mentionGold));
        }

        private static String ratio(int a, int b) {
            return b == 0 ? "–" : String.format(Locale.ROOT, "%.2f (%d/%d)", (double) a / b, a, b);
        }
    }

    private record Span(int start, int end) {
        boolean overlaps(int s, int e) {
            return s < end && e > start;
        }
    }

    @Test
    void seedArticlesAgainstTheCuratedDataSet() throws Exception {
        if (Boolean.parseBoolean(System.getenv("PARLEY_REQUIRE_SEEDS"))) {
            assertTrue(Files.isDirectory(SEEDS), "PARLEY_REQUIRE_SEEDS is set but " + SEEDS.toAbsolutePath() + " is missing");
        }
        assumeTrue(Files.isDirectory(SEEDS), "the seed articles are not beside the project");
        Properties files = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("data/seed-files.properties")) {
            files.load(in);
        }
        List<JsonNode> lines = curated();
        StringBuilder report = new StringBuilder();
        report.append("| article | quote P exact | quote R exact | quote P ±2 | quote R ±2 | speaker (found verbatim quotes)"
                + " | dates: reported dates resolved | dates: proposals in those excerpts right | encounters proposed"
                + " or matched | reported speech recall | proposals an editor would reject |\n");
        report.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        Score total = new Score();
        StringBuilder mentionReport = new StringBuilder("| article | mentions P (proposals naming an entity of the"
                + " gold set, the first per entity) | mentions R (entities of the gold set proposed) |\n|---|---|---|\n");
        Map<String, List<String>> gold = mentionGold();
        StringBuilder mentionErrors = new StringBuilder("\nMentions missed and proposed wrongly:\n\n");
        List<String> keys = new ArrayList<>(files.stringPropertyNames());
        keys.sort(null);
        for (String key : keys.stream().sorted((a, b) -> files.getProperty(a).compareTo(files.getProperty(b))).toList()) {
            String text = Files.readString(SEEDS.resolve(files.getProperty(key)), StandardCharsets.UTF_8);
            Score score = score(key, text, lines, gold.getOrDefault(key, List.of()));
            total.add(score);
            report.append(score.row(files.getProperty(key).substring(0, 3) + " " + key)).append('\n');
            mentionReport.append(score.mentionRow(files.getProperty(key).substring(0, 3) + " " + key)).append('\n');
            mentionErrors.append("- ").append(files.getProperty(key), 0, 3).append(": missed ")
                    .append(score.mentionMissed).append("; wrong ").append(score.mentionWrong).append('\n');
        }
        report.append(total.row("**all**")).append('\n');
        mentionReport.append(total.mentionRow("**all**")).append('\n');
        report.append('\n').append(mentionReport).append(mentionErrors);
        System.out.println("\nIntake evaluation (IntakeEvalTest)\n" + report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "intake-eval.md"), report.toString());

        // floors: below what the rules reach on these articles (docs/INTAKE.md), so that a regression fails
        assertTrue(total.looseGold >= total.goldQuotes * 0.9, "quote recall ±2");
        assertTrue(total.loosePredicted >= total.quotesProposed * 0.8, "quote precision ±2");
        assertTrue(total.speakersRight >= total.speakersJudged * 0.8, "speakers");
        assertTrue(total.mentionFound >= total.mentionGold * 0.8, "mention recall");
        assertTrue(total.mentionRight >= total.mentionProposals * 0.7, "mention precision");
    }

    /** The lines of the curated data set, parsed. */
    static List<JsonNode> curated() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = IntakeEvalTest.class.getClassLoader().getResourceAsStream("data/curated.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    /** src/test/resources/intake/mention-gold.tsv: per curated source key, the entities the article names. */
    static Map<String, List<String>> mentionGold() throws IOException {
        Map<String, List<String>> gold = new HashMap<>();
        try (InputStream in = IntakeEvalTest.class.getClassLoader().getResourceAsStream("intake/mention-gold.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split("\t");
                    gold.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(entity(fields[1]));
                }
            }
        }
        return gold;
    }

    /** A recorded actor by its slug ("actor:russia"), anything else by its name, case aside. */
    private static String entity(String name) {
        return name.startsWith("actor:") ? name : name.toLowerCase(Locale.ROOT);
    }

    /** The entity an ACTOR_MENTION or PLACE_MENTION proposal names, in the gold set's terms. */
    @SuppressWarnings("unchecked")
    private static String entityOf(Map<String, Object> proposal) {
        Map<String, Object> actor = (Map<String, Object>) proposal.get("mentioned");
        Map<String, Object> place = (Map<String, Object>) proposal.get("place");
        Map<String, Object> recorded = actor != null ? (Map<String, Object>) actor.get("actor")
                : (Map<String, Object>) place.get("state");
        if (recorded != null && (actor != null || "STATE".equals(place.get("match")))) {
            return "actor:" + Database.column("select slug from actor where id = ?", Ids.dbId((String) recorded.get("id")))
                    .get(0);
        }
        return entity((String) (actor != null ? actor : place).get("name"));
    }

    private Score score(String sourceKey, String text, List<JsonNode> lines, List<String> mentionGold)
            throws Exception {
        JsonNode source = lines.stream().filter(l -> l.get("type").asText().equals("source")
                && l.get("key").asText().equals(sourceKey)).findFirst().orElseThrow();
        List<Map<String, Object>> proposals = propose(text, source);
        Score score = new Score();

        // the curated records this article attests, each with its attestation (attestations follow their record)
        List<JsonNode[]> attested = new ArrayList<>();
        JsonNode record = null;
        for (JsonNode line : lines) {
            String type = line.get("type").asText();
            if (type.equals("statement") || type.equals("encounter")) {
                record = line;
            } else if (type.equals("attestation") && record != null && line.get("source").asText().equals(sourceKey)) {
                attested.add(new JsonNode[] { record, line });
            }
        }
        List<Map<String, Object>> quotes = proposals.stream().filter(p -> p.get("kind").equals("QUOTE")).toList();
        score.quotesProposed = quotes.size();
        boolean[] quoteExact = new boolean[quotes.size()];
        boolean[] quoteLoose = new boolean[quotes.size()];
        List<Span> goldStatements = new ArrayList<>();
        List<Span> goldEncounters = new ArrayList<>();
        for (JsonNode[] pair : attested) {
            JsonNode gold = pair[0];
            JsonNode attestation = pair[1];
            String excerpt = attestation.get("excerpt").asText();
            int at = text.indexOf(excerpt);
            Span excerptSpan = at < 0 ? null : new Span(at, at + excerpt.length());
            boolean statement = gold.get("type").asText().equals("statement");
            if (excerptSpan != null) {
                (statement ? goldStatements : goldEncounters).add(excerptSpan);
            }
            if (statement && gold.get("mode").asText().equals("VERBATIM")) {
                score.goldQuotes++;
                String words = gold.get("text").asText();
                int start = excerptSpan != null && excerpt.contains(words) ? at + excerpt.indexOf(words)
                        : text.indexOf(words);
                Span span = new Span(start, start + words.length());
                boolean exact = false;
                Map<String, Object> loose = null;
                for (int i = 0; i < quotes.size(); i++) {
                    int s = (Integer) quotes.get(i).get("start");
                    int e = (Integer) quotes.get(i).get("end");
                    if (s == span.start() && e == span.end()) {
                        exact = true;
                        quoteExact[i] = true;
                    }
                    if (Math.abs(s - span.start()) <= 2 && Math.abs(e - span.end()) <= 2) {
                        quoteLoose[i] = true;
                        loose = quotes.get(i);
                    }
                }
                score.exactGold += exact ? 1 : 0;
                if (loose != null) {
                    score.looseGold++;
                    score.speakersJudged++;
                    score.speakersRight += rightSpeaker(gold, loose) ? 1 : 0;
                }
            }
            if (statement && gold.get("mode").asText().equals("PARAPHRASE") && excerptSpan != null) {
                score.paraphrasesGold++;
                score.paraphrasesFound += proposals.stream().anyMatch(p -> p.get("kind").equals("REPORTED_SPEECH")
                        && excerptSpan.overlaps((Integer) p.get("start"), (Integer) p.get("end"))) ? 1 : 0;
            }
            if (!statement) {
                score.encountersGold++;
                String gid = Ids.bySlug("Encounter", gold.get("key").asText());
                boolean matched = proposals.stream().anyMatch(p -> p.get("kind").equals("ENCOUNTER")
                        && gid.equals(matchId(p)));
                boolean overlapping = excerptSpan != null && proposals.stream().anyMatch(p -> p.get("kind")
                        .equals("ENCOUNTER") && excerptSpan.overlaps((Integer) p.get("start"), (Integer) p.get("end")));
                score.encountersMatched += matched ? 1 : 0;
                score.encountersFound += matched || overlapping ? 1 : 0;
            }
            JsonNode reported = attestation.get("reportedDate");
            if (reported != null && !reported.isNull() && excerptSpan != null) {
                score.datesGold++;
                String expected = reported.asText();
                boolean right = false;
                for (Map<String, Object> p : proposals) {
                    if (p.get("kind").equals("DATE") && excerptSpan.overlaps((Integer) p.get("start"), (Integer) p.get("end"))) {
                        score.datesProposedInExcerpts++;
                        boolean ok = expected.equals(asPartial(p));
                        score.datesProposedRight += ok ? 1 : 0;
                        right |= ok;
                    }
                }
                score.datesRight += right ? 1 : 0;
            }
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Map<String, Object> p : proposals) {
            if (p.get("kind").equals("ACTOR_MENTION") || p.get("kind").equals("PLACE_MENTION")) {
                score.mentionProposals++;
                String entity = entityOf(p);
                // a second proposal of one entity counts against precision: merging is part of the task
                boolean right = mentionGold.contains(entity) && named.add(entity);
                score.mentionRight += right ? 1 : 0;
                if (!right) {
                    score.mentionWrong.add(entity);
                }
            }
        }
        score.mentionGold = mentionGold.size();
        score.mentionFound = (int) mentionGold.stream().filter(named::contains).count();
        mentionGold.stream().filter(g -> !named.contains(g)).forEach(score.mentionMissed::add);
        for (int i = 0; i < quotes.size(); i++) {
            score.exactPredicted += quoteExact[i] ? 1 : 0;
            score.loosePredicted += quoteLoose[i] ? 1 : 0;
        }
        // what an editor would reject: a quote that is no curated verbatim statement, reported speech or an
        // encounter on words no curated record rests on, and every short quoted phrase that is no statement
        for (Map<String, Object> p : proposals) {
            String kind = (String) p.get("kind");
            int s = (Integer) p.get("start");
            int e = (Integer) p.get("end");
            boolean rejected = switch (kind) {
                case "QUOTE" -> !quoteLoose[quotes.indexOf(p)];
                case "QUOTED_PHRASE" -> true;
                case "REPORTED_SPEECH" -> goldStatements.stream().noneMatch(g -> g.overlaps(s, e));
                case "ENCOUNTER" -> matchId(p) == null && goldEncounters.stream().noneMatch(g -> g.overlaps(s, e));
                default -> false;
            };
            if (!kind.equals("DATE") && !kind.equals("SOURCE") && !kind.endsWith("_MENTION")) {
                score.proposals++;
                score.rejected += rejected ? 1 : 0;
            }
        }
        return score;
    }

    @SuppressWarnings("unchecked")
    private static String matchId(Map<String, Object> proposal) {
        Map<String, Object> encounter = (Map<String, Object>) proposal.get("encounter");
        Map<String, Object> matches = encounter == null ? null : (Map<String, Object>) encounter.get("matches");
        return matches == null ? null : (String) matches.get("id");
    }

    @SuppressWarnings("unchecked")
    private static String asPartial(Map<String, Object> proposal) {
        Map<String, Object> date = (Map<String, Object>) proposal.get("date");
        String day = (String) date.get("date");
        return switch ((String) date.get("precision")) {
            case "YEAR" -> day.substring(0, 4);
            case "MONTH" -> day.substring(0, 7);
            default -> day;
        };
    }

    @SuppressWarnings("unchecked")
    private static boolean rightSpeaker(JsonNode gold, Map<String, Object> proposal) {
        Map<String, Object> speaker = (Map<String, Object>) proposal.get("speaker");
        JsonNode actor = gold.get("speaker");
        if (actor != null && !actor.isNull()) {
            Map<String, Object> found = (Map<String, Object>) speaker.get("actor");
            return found != null && Database.column("select slug from actor where id = ?",
                    Ids.dbId((String) found.get("id"))).get(0).equals(actor.asText());
        }
        String label = gold.get("speakerLabel").asText();
        return "DESCRIBED".equals(speaker.get("match")) && label.equalsIgnoreCase((String) speaker.get("name"));
    }

    /** Proposes the article as its curated source describes it, and reads every proposal, 100 at a time. */
    private List<Map<String, Object>> propose(String text, JsonNode source) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("title", source.get("title").isNull() ? null : source.get("title").asText());
        input.put("publisher", source.get("publisher").isNull() ? null : source.get("publisher").asText());
        String published = !source.get("publishedAt").isNull() ? source.get("publishedAt").asText()
                : source.get("publishedOn").isNull() ? null : source.get("publishedOn").asText();
        input.put("published", published);
        input.put("language", source.get("language").asText());
        input.put("text", text);
        String token = DevTokens.editor();
        JsonPath body = as(token, "proposeFromArticle", "input", input, "first", 0);
        String id = body.getString("data.proposeFromArticle.intake.id");
        assertTrue(id != null, body.prettify());
        String plain = new String(java.util.Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
        INTAKES.add(Long.parseLong(plain.substring(plain.indexOf(':') + 1)));
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        while (true) {
            JsonPath page = as(token, "intakeProposals", "id", id, "first", 100, "after", after);
            List<Map<String, Object>> proposals = page.getList("data.intake.proposals");
            all.addAll(proposals);
            if (proposals.size() < 100) {
                return all;
            }
            after = (String) proposals.get(proposals.size() - 1).get("id");
        }
    }
}
