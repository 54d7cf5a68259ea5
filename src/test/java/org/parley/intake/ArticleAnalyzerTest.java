package org.parley.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.api.DatePrecision;
import org.parley.statement.StatementKind;

/** The reading rules alone, without the database: quotation marks, attribution, reported speech, dates. */
class ArticleAnalyzerTest {

    private static final LocalDate FRIDAY = LocalDate.of(2018, 6, 1);

    private static List<Proposal> read(String text) {
        return ArticleAnalyzer.analyze(text, "en", FRIDAY, null, 1000).proposals();
    }

    private static List<Proposal> of(List<Proposal> proposals, ProposalKind kind) {
        return proposals.stream().filter(p -> p.kind == kind).toList();
    }

    @Test
    void quotationsCurlyStraightMixedBrokenAndNested() {
        String text = "“The first part of it is long enough,” Anna Berg said, “and the second part goes on.”\n"
                + "Berg added: \"We said ‘never again’ and we meant it when we said it.”\n"
                + "It was called “a quick fix” by some.";
        List<Proposal> all = read(text);
        List<Proposal> quotes = of(all, ProposalKind.QUOTE);
        assertEquals(3, quotes.size(), quotes.toString());
        assertEquals("The first part of it is long enough", quotes.get(0).text);
        assertEquals("and the second part goes on.", quotes.get(1).text);
        assertEquals("We said ‘never again’ and we meant it when we said it.", quotes.get(2).text, "nested kept whole");
        for (Proposal p : quotes) {
            assertEquals(p.text, text.substring(p.start, p.end));
            assertEquals("Anna Berg", p.speaker.name);
        }
        assertEquals(1, of(all, ProposalKind.QUOTED_PHRASE).size());
    }

    @Test
    void aQuotationRunsOnIntoTheNextParagraph() {
        String text = "Officials said, “The talks went well and will go on for a while.\n“We expect more of them.”";
        List<Proposal> quotes = of(read(text), ProposalKind.QUOTE);
        assertEquals(1, quotes.size());
        assertEquals("The talks went well and will go on for a while. We expect more of them.", quotes.get(0).text);
        assertEquals(ActorMatchKind.DESCRIBED, quotes.get(0).speaker.match);
    }

    @Test
    void unbalancedMarksAreCountedNotProposed() {
        ArticleAnalyzer.Analysis analysis = ArticleAnalyzer.analyze("“Never closed at all here\nA stray ” mark.\n‘Also",
                "en", FRIDAY, null, 1000);
        assertEquals(0, of(analysis.proposals(), ProposalKind.QUOTE).size());
        assertTrue(analysis.unbalancedQuoteMarks() >= 3);
    }

    @Test
    void reportedSpeechTakesItsKindFromTheVerb() {
        List<Proposal> all = read("Moscow denied the report. Anna Berg invited her counterpart to Oslo. "
                + "The minister pledged more aid. Critics accused the government of delay.");
        List<Proposal> reported = of(all, ProposalKind.REPORTED_SPEECH);
        assertEquals(List.of(StatementKind.DENIAL, StatementKind.INVITATION, StatementKind.PLEDGE,
                StatementKind.ALLEGATION), reported.stream().map(p -> p.statementKind).toList());
        assertEquals("Moscow", reported.get(0).speaker.name);
        assertEquals(ActorMatchKind.DESCRIBED, reported.get(2).speaker.match);
    }

    @Test
    void aPassiveReportingVerbNamesNoSpeaker() {
        // the subject of a passive is what was said or who was addressed: "Nothing" and "Kim" did not speak
        List<Proposal> all = read("Nothing was said about sanctions. Kim Jong Un was invited to Moscow. "
                + "Such claims are denied. Lavrov said the talks went well.");
        List<Proposal> reported = of(all, ProposalKind.REPORTED_SPEECH);
        assertEquals(List.of("Lavrov"), reported.stream().map(p -> p.speaker.name).toList());
    }

    @Test
    void datesResolveAgainstThePublicationDate() {
        List<Proposal> dates = of(read("On Thursday they met. They will meet again on Monday. It happened last week,"
                + " in September and on the 25th, and in 2000, and on June 12, 2018."), ProposalKind.DATE);
        assertEquals(LocalDate.of(2018, 5, 31), dates.get(0).date.date);
        assertEquals(FRIDAY, dates.get(0).date.latest, "the report's day stays possible");
        assertEquals(LocalDate.of(2018, 6, 4), dates.get(1).date.date, "the future looks ahead");
        assertEquals(LocalDate.of(2018, 5, 1), dates.get(2).date.date);
        assertEquals(DatePrecision.MONTH, dates.get(2).date.precision);
        assertEquals(LocalDate.of(2018, 5, 21), dates.get(2).date.earliest);
        assertEquals(LocalDate.of(2017, 9, 1), dates.get(3).date.date, "the last September before the report");
        assertEquals(LocalDate.of(2018, 5, 25), dates.get(4).date.date);
        assertEquals(DatePrecision.YEAR, dates.get(5).date.precision);
        assertEquals(LocalDate.of(2018, 6, 12), dates.get(6).date.date);
    }

    private static List<String> participants(Proposal encounter) {
        return encounter.encounter.participants.stream().map(p -> p.name).toList();
    }

    @Test
    void encountersNamedAsNounPhrasesSignedTextsAndAcrossSentences() {
        String text = "Prime Minister Anna Berg spoke with Chancellor Otto Lind on Monday.\n"
                + "The Berg-Lind meeting had been postponed twice.\n"
                + "The two leaders praised an accord signed by Oslo and Bern.\n"
                + "Foreign Minister Per Holm of Norway toured the port. After long discussions with"
                + " Mayor Eva Stone, the plans were dropped.\n"
                + "It was quiet at the Geneva summit for Tom Ray.\n"
                + "The meeting was short.";
        List<Proposal> encounters = of(read(text), ProposalKind.ENCOUNTER);
        assertEquals(4, encounters.size(), encounters.toString());

        Proposal pair = encounters.get(0);
        assertEquals(List.of("Anna Berg", "Otto Lind"), participants(pair), "each part as named in full before");
        assertEquals("Berg", text.substring(pair.encounter.participants.get(0).start,
                pair.encounter.participants.get(0).end));
        assertEquals(org.parley.encounter.EncounterStatus.CANCELLED, pair.encounter.status, "postponed");

        Proposal signed = encounters.get(1);
        assertEquals(List.of("Oslo", "Bern"), participants(signed), "the parties after \"signed by\", not the praise");

        Proposal across = encounters.get(2);
        assertEquals(List.of("Eva Stone", "Per Holm"), participants(across), "the subject of the sentence before");
        assertTrue(text.substring(across.start, across.end).startsWith("After long"), "the proposal is the sentence");

        Proposal named = encounters.get(3);
        assertEquals("Geneva", named.encounter.place, "a name between a determiner and the noun is the place");
        assertEquals(List.of("Tom Ray"), participants(named));
    }

    @Test
    void itStandsForTheLastOrganisationAndHeForThePersonBefore() {
        String text = "The Kremlin welcomed the plan on Monday.\n"
                + "Dmitry Peskov said the date was still open.\n"
                + "“It will be agreed soon enough, and in good faith,” it said.\n"
                + "“We will see about the details when they are ready,” he said.";
        List<Proposal> quotes = of(read(text), ProposalKind.QUOTE);
        assertEquals(2, quotes.size(), quotes.toString());
        assertEquals("Kremlin", quotes.get(0).speaker.name, "it: the organisation, not the last speaker");
        assertEquals("Dmitry Peskov", quotes.get(1).speaker.name, "he: the person, not the organisation");
    }

    @Test
    void otherLanguagesGetQuotationsByTheirMarksAndNoEnglishRules() {
        String text = "Der Minister sagte: „Wir werden weiter verhandeln, so lange es nötig ist.“ Am 2018-05-31.";
        List<Proposal> all = ArticleAnalyzer.analyze(text, "de", FRIDAY, null, 1000).proposals();
        List<Proposal> quotes = of(all, ProposalKind.QUOTE);
        assertEquals(1, quotes.size());
        assertEquals("Wir werden weiter verhandeln, so lange es nötig ist.", quotes.get(0).text);
        assertEquals(ActorMatchKind.UNKNOWN, quotes.get(0).speaker.match);
        assertEquals(LocalDate.of(2018, 5, 31), of(all, ProposalKind.DATE).get(0).date.date);
        assertEquals(0, of(all, ProposalKind.REPORTED_SPEECH).size());
    }

    @Test
    void proposalsAreBounded() {
        ArticleAnalyzer.Analysis analysis = ArticleAnalyzer.analyze("“a” ".repeat(5000), "en", FRIDAY, null, 100);
        assertEquals(100, analysis.proposals().size());
        assertTrue(analysis.truncated());
        assertNull(ArticleAnalyzer.analyze("plain", "en", null, null, 10).proposals().get(0).speaker);
    }
}
