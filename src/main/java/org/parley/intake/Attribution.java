package org.parley.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who said it: the subject of a reporting verb next to a quotation ("..., Pompeo said", "said Evan S. Medeiros",
 * "Lee, a North Korea scholar, said ... that ...") or at the head of reported speech. Appositives and relative
 * clauses between subject and verb are skipped; a pronoun stands for the last speaker (else the last name), "it" for
 * the last organisation named or speaking ("the Kremlin", "the foreign ministry"); "the official" for the last
 * description with the same head word.
 */
final class Attribution {

    /** How far from a quotation (in words) a reporting verb before it may stand. */
    private static final int MAX_WORDS_VERB_TO_QUOTE = 15;
    /** Longest description taken as a speaker, in words. */
    private static final int MAX_DESCRIPTION_WORDS = 9;
    private static final Set<String> LEADING_CONJUNCTIONS = Set.of("but", "and", "so", "yet", "still", "though",
            "however", "meanwhile", "further", "furthermore", "additionally", "also", "then", "instead", "now");

    private final ArticleText article;
    private final LanguageRules rules;
    private final Mentions mentions;
    private ProposedActor lastSpeaker;
    /** The last speaker that is no organisation, for "he" and "she" after an organisation spoke. */
    private ProposedActor lastPerson;

    Attribution(ArticleText article, LanguageRules rules, Mentions mentions) {
        this.article = article;
        this.rules = rules;
        this.mentions = mentions;
    }

    /** A subject found, with the offset where its words begin. */
    record Subject(ProposedActor actor, int start) {
    }

    /** The speaker of a quotation; null when the sentence names none. */
    ProposedActor forQuote(QuoteFinder.Quote quote) {
        if (rules.quoteVerbs().isEmpty()) {
            return null;
        }
        ProposedActor found = after(quote);
        if (found == null) {
            found = before(quote);
        }
        return remember(found);
    }

    /** Remembers a speaker found otherwise (a quote's carried speaker), for later pronouns. */
    void spoke(ProposedActor speaker) {
        remember(speaker);
    }

    private ProposedActor remember(ProposedActor found) {
        if (found != null && (found.match == ActorMatchKind.NEW || found.match == ActorMatchKind.DESCRIBED)) {
            lastSpeaker = found;
            if (!organisation(found.name)) {
                lastPerson = found;
            }
        }
        return found;
    }

    /** ", Pompeo said" or ", said Evan S. Medeiros, who ..." right after the closing mark. */
    private ProposedActor after(QuoteFinder.Quote quote) {
        String words = quote.text();
        if (words.endsWith(".")) {
            return null; // the quotation ended its sentence: what follows is another
        }
        int sentence = article.sentenceAt(Math.max(0, quote.close() - 1));
        int limit = sentence >= 0 ? article.sentences.get(sentence).end() : article.text.length();
        limit = Math.min(limit, quote.close() + 300);
        List<ArticleText.Token> tokens = article.tokens(quote.close(), limit);
        int i = 0;
        while (i < tokens.size() && (tokens.get(i).text().equals(",") || tokens.get(i).text().equals("—"))) {
            i++;
        }
        if (i >= tokens.size()) {
            return null;
        }
        if (rules.quoteVerbs().contains(tokens.get(i).lower())) {
            // inverted: "said Evan S. Medeiros, who served as ..."
            int from = i + 1;
            int to = from;
            while (to < tokens.size() && !isClauseEnd(tokens.get(to))) {
                to++;
            }
            if (to == from) {
                return null;
            }
            Subject subject = classify(tokens.subList(from, to));
            return subject == null ? null : subject.actor();
        }
        for (int v = i + 1; v < Math.min(tokens.size(), i + 7); v++) {
            ArticleText.Token t = tokens.get(v);
            if (isClauseEnd(t) && !t.text().equals(",")) {
                return null;
            }
            if (rules.quoteVerbs().contains(t.lower())) {
                Subject subject = classify(withoutAuxiliaries(tokens.subList(i, v)));
                return subject == null ? null : subject.actor();
            }
        }
        return null;
    }

    /** "an official said, “...", "Pompeo ... said afterward that he was “..." before the opening mark. */
    private ProposedActor before(QuoteFinder.Quote quote) {
        int sentence = article.sentenceAt(quote.open());
        if (sentence < 0) {
            return null;
        }
        int start = Math.max(article.sentences.get(sentence).start(), quote.open() - 400);
        List<ArticleText.Token> tokens = article.tokens(start, quote.open());
        int words = 0;
        for (int v = tokens.size() - 1; v >= 0 && words <= MAX_WORDS_VERB_TO_QUOTE; v--) {
            ArticleText.Token t = tokens.get(v);
            if (isQuoteMark(t)) {
                return null; // another quotation's words in between
            }
            if (t.word()) {
                words++;
            }
            if (rules.quoteVerbs().contains(t.lower()) || rules.reportingVerbs().containsKey(t.lower())) {
                Subject subject = subject(tokens.subList(0, v));
                return subject == null ? null : subject.actor();
            }
        }
        return null;
    }

    /** The subject of a verb whose clause is {@code tokens} (sentence start to verb), or null. */
    Subject subject(List<ArticleText.Token> tokens) {
        List<ArticleText.Token> clause = withoutAuxiliaries(tokens);
        List<List<ArticleText.Token>> segments = new ArrayList<>();
        List<ArticleText.Token> current = new ArrayList<>();
        for (ArticleText.Token t : clause) {
            if (t.text().equals(",")) {
                segments.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        segments.add(current);
        for (int s = segments.size() - 1; s >= 0; s--) {
            List<ArticleText.Token> segment = segments.get(s);
            if (segment.isEmpty()) {
                continue;
            }
            String first = segment.get(0).lower();
            if (rules.relatives().contains(first) && s > 0) {
                continue; // ", who met over two days with ...,"
            }
            if (rules.determiners().contains(first) && s > 0 && endsWithName(segments.get(s - 1))) {
                continue; // an appositive: "Lee, a North Korea scholar, said"
            }
            return classify(segment);
        }
        return null;
    }

    /** The actor a subject's words name or describe; null for words that are no subject. */
    Subject classify(List<ArticleText.Token> words) {
        List<ArticleText.Token> segment = new ArrayList<>(words);
        while (!segment.isEmpty() && (LEADING_CONJUNCTIONS.contains(segment.get(0).lower()) || !segment.get(0).word())) {
            segment.remove(0);
        }
        while (!segment.isEmpty() && !segment.get(segment.size() - 1).word()) {
            segment.remove(segment.size() - 1);
        }
        if (segment.isEmpty() || segment.size() > MAX_DESCRIPTION_WORDS + 4) {
            return null;
        }
        ArticleText.Token head = segment.get(0);
        String first = head.lower();
        if (segment.size() == 1 && rules.pronouns().contains(first)) {
            ProposedActor carried = rules.neuterPronouns().contains(first) ? lastOrganisation(head.start()) : null;
            if (carried == null) {
                ProposedActor last = lastPerson != null && lastSpeaker != null && organisation(lastSpeaker.name)
                        && !rules.neuterPronouns().contains(first) ? lastPerson : lastSpeaker;
                carried = last != null ? last.copy() : fromMention(mentions.before(head.start()));
            }
            if (carried == null) {
                return null;
            }
            carried.start = head.start();
            carried.end = head.end();
            carried.confidence = Math.min(carried.confidence, 0.7);
            return new Subject(carried, head.start());
        }
        if (rules.relatives().contains(first) || rules.notNames().contains(first) && !rules.determiners().contains(first)
                && !Character.isUpperCase(head.text().charAt(0))) {
            return null;
        }
        int start = head.start();
        int end = segment.get(segment.size() - 1).end();
        ArticleText.Token last = segment.get(segment.size() - 1);
        boolean described = rules.determiners().contains(first) || !last.capitalised() || !head.capitalised()
                || segment.size() == 1 && rules.notNames().contains(first) && first.endsWith("s"); // "Analysts"
        if (described) {
            if (segment.size() > MAX_DESCRIPTION_WORDS) {
                return null;
            }
            String label = article.text.substring(start, end);
            ProposedActor actor = new ProposedActor(ActorMatchKind.DESCRIBED, label, start, end, 0.7);
            if (first.equals("the") && lastSpeaker != null && lastSpeaker.match == ActorMatchKind.DESCRIBED
                    && Mentions.lower(lastSpeaker.name).endsWith(" " + last.lower())) {
                actor.name = lastSpeaker.name; // "The official" after "A senior State Department official"
                actor.confidence = 0.6;
            }
            return new Subject(actor, start);
        }
        List<Mentions.Mention> named = mentions.within(start, end);
        if (named.isEmpty()) {
            return null;
        }
        Mentions.Mention mention = named.get(named.size() - 1);
        ProposedActor actor = fromMention(mention);
        return new Subject(actor, start);
    }

    /**
     * What "it" stands for before {@code offset}: the later of the last speaker that is an organisation ("the foreign
     * ministry said ...") and the last organisation named, in this sentence or the two before; null when neither is
     * one.
     */
    private ProposedActor lastOrganisation(int offset) {
        ProposedActor found = null;
        int sentence = article.sentenceAt(offset);
        int from = sentence < 0 ? offset : article.sentences.get(Math.max(0, sentence - 2)).start();
        int at = from - 1;
        if (lastSpeaker != null && lastSpeaker.start != null && lastSpeaker.start >= from
                && organisation(lastSpeaker.name)) {
            found = lastSpeaker.copy();
            at = lastSpeaker.start;
        }
        Mentions.Mention m = mentions.before(offset);
        for (int k = 0; m != null && k < ORGANISATION_LOOK_BACK && m.start() > at; k++) { // bounded on hostile text
            if (organisation(article.text.substring(m.start(), m.end()))
                    || m.title() != null && organisation(m.title())) {
                return fromMention(m);
            }
            m = mentions.before(m.start());
        }
        return found;
    }

    private static final int ORGANISATION_LOOK_BACK = 50;

    private boolean organisation(String words) {
        for (String word : words.split("[\\s’']+")) {
            if (rules.organisationWords().contains(Mentions.lower(word))) {
                return true;
            }
        }
        return false;
    }

    private static ProposedActor fromMention(Mentions.Mention mention) {
        if (mention == null) {
            return null;
        }
        ProposedActor actor = new ProposedActor(ActorMatchKind.NEW, mention.canonical(), mention.start(),
                mention.end(), mention.canonical().equals(mention.name()) ? 0.8 : 0.75);
        actor.title = mention.title();
        return actor;
    }

    private boolean endsWithName(List<ArticleText.Token> segment) {
        return !segment.isEmpty() && segment.get(segment.size() - 1).word()
                && segment.get(segment.size() - 1).capitalised();
    }

    private List<ArticleText.Token> withoutAuxiliaries(List<ArticleText.Token> tokens) {
        int end = tokens.size();
        while (end > 0 && rules.auxiliaries().contains(tokens.get(end - 1).lower())) {
            end--;
        }
        return tokens.subList(0, end);
    }

    private boolean isClauseEnd(ArticleText.Token t) {
        String s = t.text();
        return s.equals(",") || s.equals(".") || s.equals(";") || s.equals(":") || s.equals("—") || isQuoteMark(t);
    }

    private boolean isQuoteMark(ArticleText.Token t) {
        String s = t.text();
        return s.length() == 1 && (s.equals("\"") || rules.doubleOpen().contains(s) || rules.doubleClose().contains(s));
    }
}
