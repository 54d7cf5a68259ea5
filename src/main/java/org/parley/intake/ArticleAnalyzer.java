package org.parley.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.parley.statement.StatementKind;

/**
 * Reads an article into proposals, without the database: quotations with their speakers, reported speech, dates and
 * encounters, in the order of the text. Speakers and participants come out NEW or DESCRIBED; {@link IntakeMatcher}
 * then matches names to recorded actors. Every scan is linear in the text or bounded by a window, and the number of
 * proposals by {@code max}, so hostile text costs time in proportion to its length.
 */
final class ArticleAnalyzer {

    /** Quotations at least this long (in words) are QUOTEs; shorter ones QUOTED_PHRASEs unless a whole sentence. */
    static final int QUOTE_MIN_WORDS = 6;
    /** The longest excerpt an attestation takes (AttestationInput's limit). */
    static final int MAX_EXCERPT = 1000;
    /** Actors and places proposed per article at most (one proposal each, whatever the number of mentions). */
    static final int MAX_MENTIONED = 100;
    /** Mentions whose offsets a proposal keeps (the rest are counted in {@code mentionCount}). */
    static final int MAX_MENTION_SPANS = 20;
    /** Words from the sentence start within which a reporting verb heads reported speech. */
    private static final int MAX_SUBJECT_WORDS = 25;

    /** The proposals, and what was left out. */
    record Analysis(List<Proposal> proposals, boolean truncated, int unbalancedQuoteMarks) {
    }

    private ArticleAnalyzer() {
    }

    static Analysis analyze(String text, String language, LocalDate published, String title, int max) {
        LanguageRules rules = LanguageRules.of(language);
        ArticleText article = new ArticleText(text, rules);
        Mentions mentions = new Mentions(article, rules);
        Attribution attribution = new Attribution(article, rules, mentions);
        QuoteFinder.Found quotes = new QuoteFinder(article, rules).find(max);
        List<DateFinder.Found> dates = new DateFinder(article, rules, published).find(max);
        EncounterFinder encounters = new EncounterFinder(article, rules, mentions);

        List<Proposal> proposals = new ArrayList<>();
        proposals.add(source(text, title));
        int q = 0;
        Proposal previousQuote = null;
        for (int s = 0; s < article.sentences.size() && proposals.size() < 2 * max; s++) {
            ArticleText.Span sentence = article.sentences.get(s);
            boolean quoted = false;
            while (q < quotes.quotes().size() && quotes.quotes().get(q).open() < sentence.end()) {
                QuoteFinder.Quote quote = quotes.quotes().get(q++);
                Proposal p = quote(article, attribution, quote, previousQuote, dates);
                proposals.add(p);
                if (p.kind == ProposalKind.QUOTE) {
                    quoted = true;
                    previousQuote = p;
                }
            }
            if (!quoted) {
                Proposal reported = reported(article, rules, attribution, sentence, dates);
                if (reported != null) {
                    proposals.add(reported);
                }
            }
            EncounterFinder.Found encounter = encounters.in(s);
            if (encounter != null) {
                Proposal p = new Proposal(ProposalKind.ENCOUNTER, sentence.start(), sentence.end(),
                        text.substring(sentence.start(), sentence.end()), encounter.confidence());
                p.encounter = encounter.encounter();
                p.excerpt(sentence.start(), Math.min(sentence.end(), sentence.start() + MAX_EXCERPT));
                p.date = dateWithin(dates, sentence.start(), sentence.end());
                proposals.add(p);
            }
        }
        for (DateFinder.Found date : dates) {
            Proposal p = new Proposal(ProposalKind.DATE, date.start(), date.end(),
                    text.substring(date.start(), date.end()), date.confidence());
            p.date = date.date();
            p.relative = date.relative();
            proposals.add(p);
        }
        proposals.addAll(mentioned(mentions));
        proposals.sort(Comparator.<Proposal> comparingInt(p -> p.start).thenComparing(p -> p.kind));
        boolean truncated = quotes.truncated() || proposals.size() > max;
        List<Proposal> kept = proposals.size() > max ? new ArrayList<>(proposals.subList(0, max)) : proposals;
        number(kept);
        return new Analysis(kept, truncated, quotes.unbalanced());
    }

    /** Numbers the proposals in their order: "p1", "p2", ... */
    static void number(List<Proposal> proposals) {
        for (int i = 0; i < proposals.size(); i++) {
            proposals.get(i).id = "p" + (i + 1);
        }
    }

    /**
     * One proposal per name the article prints (the name a short mention stands for: "Lavrov" after "Sergey
     * Lavrov"), in the order of first mention: ACTOR_MENTION where it is printed as an actor, PLACE_MENTION where
     * it follows a locative preposition. At most {@link #MAX_MENTIONED}; {@link IntakeMatcher} matches them and
     * merges the ones that turn out to name the same record.
     */
    private static List<Proposal> mentioned(Mentions mentions) {
        java.util.Map<String, Proposal> byName = new java.util.LinkedHashMap<>();
        for (Mentions.Mention m : mentions.all) {
            if (m.canonical().length() < 2) {
                continue;
            }
            String key = (m.locative() ? "place:" : "actor:") + m.canonical();
            Proposal p = byName.get(key);
            if (p == null) {
                if (byName.size() >= MAX_MENTIONED) {
                    continue;
                }
                boolean several = m.canonical().indexOf(' ') > 0;
                if (m.locative()) {
                    p = new Proposal(ProposalKind.PLACE_MENTION, m.start(), m.end(), m.name(), 0.5);
                    p.place = new ProposedPlace(m.canonical(), 0.5);
                } else {
                    p = new Proposal(ProposalKind.ACTOR_MENTION, m.start(), m.end(), m.name(), several ? 0.6 : 0.45);
                    p.mentioned = new ProposedActor(ActorMatchKind.NEW, m.canonical(), m.start(), m.end(),
                            p.confidence);
                }
                p.weak = true;
                byName.put(key, p);
            }
            if (p.mentioned != null && p.mentioned.title == null) {
                p.mentioned.title = m.title();
            }
            // weak while every mention reads as no actor: an adjective, one word that only opens sentences, a word
            // of a headline; and one word printed once
            p.weak &= m.adjectival() || m.tokens() == 1 && m.initial() || m.headline();
            p.mentionCount++;
            if (p.mentions.size() < MAX_MENTION_SPANS) {
                p.mentions.add(new MentionSpan(m.start(), m.end()));
            }
        }
        List<Proposal> found = new ArrayList<>(byName.values());
        for (Proposal p : found) {
            p.weak |= p.mentionCount == 1 && p.text.indexOf(' ') < 0;
        }
        return found;
    }

    /** The article as a source: its span is where the headline stands in the text, if it does. */
    private static Proposal source(String text, String title) {
        int at = title == null || title.isBlank() ? -1 : text.indexOf(title.strip());
        int start = Math.max(at, 0);
        int end = at >= 0 ? at + title.strip().length() : 0;
        return new Proposal(ProposalKind.SOURCE, start, end, text.substring(start, end), 0.9);
    }

    private static Proposal quote(ArticleText article, Attribution attribution, QuoteFinder.Quote quote,
            Proposal previousQuote, List<DateFinder.Found> dates) {
        String words = quote.text();
        boolean sentenceLike = quote.words() >= 3 && Character.isUpperCase(words.codePointAt(0))
                && (words.endsWith(".") || words.endsWith("?") || words.endsWith("!"));
        ProposalKind kind = quote.words() >= QUOTE_MIN_WORDS || sentenceLike ? ProposalKind.QUOTE
                : ProposalKind.QUOTED_PHRASE;
        Proposal p = new Proposal(kind, quote.start(), quote.end(), words, kind == ProposalKind.QUOTE ? 0.85 : 0.4);
        int first = article.sentenceAt(quote.open());
        int last = article.sentenceAt(Math.max(quote.open(), quote.close() - 1));
        int from = first >= 0 ? article.sentences.get(first).start() : quote.open();
        int to = last >= 0 ? article.sentences.get(last).end() : quote.close();
        if (to - from > MAX_EXCERPT) {
            from = quote.start();
            to = Math.min(quote.end(), quote.start() + MAX_EXCERPT);
        }
        p.excerpt(from, to);
        p.date = dateWithin(dates, from, to);
        p.statementKind = StatementKind.CLAIM;
        ProposedActor speaker = attribution.forQuote(quote);
        if (speaker == null && kind == ProposalKind.QUOTE && previousQuote != null && previousQuote.speaker != null
                && previousQuote.speaker.match != ActorMatchKind.UNKNOWN
                && article.paragraphAt(quote.open()) - article.paragraphAt(previousQuote.start) <= 2) {
            // a quotation with no attribution of its own goes on from the one before
            speaker = previousQuote.speaker.copy();
            speaker.confidence = Math.min(speaker.confidence, 0.6);
            p.speakerCarried = true;
            attribution.spoke(speaker);
        }
        p.speaker = speaker != null ? speaker : new ProposedActor();
        if (speaker == null) {
            p.confidence = Math.min(p.confidence, 0.5);
        }
        return p;
    }

    /** "Lavrov said that ...", "Moscow denied ...": reported speech headed by a reporting verb; null when none. */
    private static Proposal reported(ArticleText article, LanguageRules rules, Attribution attribution,
            ArticleText.Span sentence, List<DateFinder.Found> dates) {
        if (rules.reportingVerbs().isEmpty() || sentence.end() - sentence.start() > MAX_EXCERPT) {
            return null;
        }
        List<ArticleText.Token> tokens = article.tokens(sentence.start(), sentence.end());
        int words = 0;
        for (int v = 0; v < tokens.size() && words <= MAX_SUBJECT_WORDS; v++) {
            ArticleText.Token t = tokens.get(v);
            if (t.word()) {
                words++;
            }
            StatementKind kind = rules.reportingVerbs().get(t.lower());
            if (kind == null || v == 0 || tokens.get(v - 1).lower().equals("to")
                    || rules.passiveMarkers().contains(tokens.get(v - 1).lower())) {
                continue; // "to deny", or passive: "Nothing was said", "Kim was invited" name no speaker
            }
            String next = v + 1 < tokens.size() ? tokens.get(v + 1).lower() : "";
            if (t.lower().equals("called") && !next.equals("for") || t.lower().equals("declined") && !next.equals("to")) {
                continue;
            }
            if (t.lower().equals("expressed")) {
                kind = expressed(tokens, v);
            }
            Attribution.Subject subject = attribution.subject(tokens.subList(0, v));
            if (subject == null) {
                continue;
            }
            // the whole sentence: what was said may stand before its subject ("..., the ministry said")
            int start = sentence.start();
            Proposal p = new Proposal(ProposalKind.REPORTED_SPEECH, start, sentence.end(),
                    article.text.substring(start, sentence.end()), subject.actor().match == ActorMatchKind.DESCRIBED
                            ? 0.55 : 0.65);
            p.excerpt(start, sentence.end());
            p.speaker = subject.actor();
            attribution.spoke(subject.actor());
            p.statementKind = kind;
            p.date = dateWithin(dates, sentence.start(), sentence.end());
            return p;
        }
        return null;
    }

    /** "expressed a desire": INTENTION; "expressed support": ENDORSEMENT; else an ASSESSMENT. */
    private static StatementKind expressed(List<ArticleText.Token> tokens, int v) {
        for (int k = v + 1; k < Math.min(tokens.size(), v + 4); k++) {
            String w = tokens.get(k).lower();
            if (w.equals("desire") || w.equals("hope") || w.equals("wish") || w.equals("intention")) {
                return StatementKind.INTENTION;
            }
            if (w.equals("support")) {
                return StatementKind.ENDORSEMENT;
            }
        }
        return StatementKind.ASSESSMENT;
    }

    private static org.parley.api.PartialDate dateWithin(List<DateFinder.Found> dates, int from, int to) {
        for (DateFinder.Found d : dates) {
            if (d.start() >= from && d.end() <= to) {
                return d.date();
            }
            if (d.start() >= to) {
                break;
            }
        }
        return null;
    }
}
