package org.parley.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.parley.encounter.EncounterKind;
import org.parley.encounter.EncounterStatus;

/**
 * Encounters a sentence reports: an encounter word ("met", "held talks", "received", "summit", "arrived in ... for"),
 * the names of the sentence as participants, the place a preposition after the word introduces ("in Pyongyang"),
 * and the status its other words give (future: PLANNED, "cancelled": CANCELLED, "invited": PROPOSED). One per
 * sentence at most, and only where two actors are named, or one and a place. A noun such as "meeting" or
 * "discussions" counts with its other party after it ("with", "between") or names printed before it: a hyphenated
 * pair gives both participants ("the Kim-Trump meeting"), one name after a determiner the place ("the Singapore
 * summit"). Where only the other party is named ("He met Putin"), the subject of the sentence before in the paragraph
 * is the first participant. Without an encounter word, a text signed by two parties ("a declaration signed by Seoul
 * and Pyongyang") attests the encounter it was signed at.
 */
final class EncounterFinder {

    /** An encounter read from a sentence. */
    record Found(ArticleText.Span sentence, ProposedEncounter encounter, double confidence) {
    }

    /** Words after the encounter word within which its place may be named. */
    private static final int PLACE_WINDOW = 14;

    private final ArticleText article;
    private final LanguageRules rules;
    private final Mentions mentions;

    EncounterFinder(ArticleText article, LanguageRules rules, Mentions mentions) {
        this.article = article;
        this.rules = rules;
        this.mentions = mentions;
    }

    /** The encounter sentence {@code index} reports; null when none. */
    Found in(int index) {
        if (rules.encounterWords().isEmpty()) {
            return null;
        }
        ArticleText.Span sentence = article.sentences.get(index);
        List<ArticleText.Token> tokens = article.tokens(sentence.start(), sentence.end());
        List<Mentions.Mention> named = mentions.within(sentence.start(), sentence.end());
        int trigger = -1;
        EncounterKind kind = null;
        for (int i = 0; i < tokens.size() && trigger < 0; i++) {
            String word = tokens.get(i).lower();
            EncounterKind k = rules.encounterWords().get(word);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).lower() : "";
            if (k == null || rules.counterpartNouns().contains(word) && !rules.counterpartWords().contains(next)
                    && nameBefore(named, tokens, i) == null
                    || word.equals("arrived") && !rules.placePrepositions().contains(next)
                    || word.equals("call") && !next.equals("with")
                    || word.equals("received") && !(i + 1 < tokens.size() && tokens.get(i + 1).capitalised())) {
                continue;
            }
            trigger = i;
            kind = k;
        }
        if (trigger < 0) {
            return signed(sentence, tokens);
        }
        ProposedEncounter encounter = new ProposedEncounter();
        encounter.kind = kind;
        Mentions.Mention before = nameBefore(named, tokens, trigger);
        Mentions.Mention place = place(tokens, trigger);
        if (place == null && before != null && pair(before) == null && determinerBefore(tokens, before)) {
            place = before; // "the Singapore summit"
        }
        if (place != null) {
            encounter.place = place.name();
        }
        Map<String, ProposedActor> participants = new LinkedHashMap<>();
        for (Mentions.Mention m : named) {
            if (place != null && m.start() == place.start()) {
                continue;
            }
            String[] pair = m == before ? pair(m) : null;
            if (pair != null) { // "the Kim-Trump meeting": each a participant, each as earlier named in full
                int at = m.start();
                for (String part : pair) {
                    add(participants, mentions.resolve(part, m.start()), at, at + part.length(), null, 0.6);
                    at += part.length() + 1;
                }
            } else {
                add(participants, m.canonical(), m.start(), m.end(), m.title(), 0.6);
            }
        }
        double confidence = participants.size() >= 2 ? 0.6 : 0.4;
        if (participants.size() == 1 && place == null && named.get(named.size() - 1).start() > tokens.get(trigger).start()) {
            // only the other party is named ("He met Putin", "discussions with Lavrov"): the one who met them is the
            // subject of the sentence before, in the same paragraph
            Mentions.Mention subject = subjectBefore(index);
            if (subject != null) {
                add(participants, subject.canonical(), subject.start(), subject.end(), subject.title(), 0.4);
                confidence = 0.4;
            }
        }
        if (participants.size() < 2 && (participants.isEmpty() || place == null)) {
            return null;
        }
        encounter.participants = new ArrayList<>(participants.values());
        encounter.status = status(tokens);
        encounter.title = title(encounter);
        return new Found(sentence, encounter, confidence);
    }

    private static void add(Map<String, ProposedActor> participants, String name, int start, int end, String title,
            double confidence) {
        ProposedActor actor = new ProposedActor(ActorMatchKind.NEW, name, start, end, confidence);
        actor.title = title;
        participants.putIfAbsent(name, actor);
    }

    /** The name printed just before token {@code i} ("the Kim-Trump meeting", "the Singapore summit"); null if none. */
    private static Mentions.Mention nameBefore(List<Mentions.Mention> named, List<ArticleText.Token> tokens, int i) {
        if (i == 0) {
            return null;
        }
        int end = tokens.get(i - 1).end();
        for (Mentions.Mention m : named) {
            if (m.end() == end) {
                return m;
            }
        }
        return null;
    }

    private boolean determinerBefore(List<ArticleText.Token> tokens, Mentions.Mention m) {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).start() == m.start()) {
                return rules.determiners().contains(tokens.get(i - 1).lower());
            }
        }
        return false;
    }

    /** The two or more names of a one-word mention joined by hyphens ("Kim-Trump"); null for any other mention. */
    private static String[] pair(Mentions.Mention m) {
        return m.tokens() == 1 && PAIR.matcher(m.name()).matches() ? m.name().split("-") : null;
    }

    private static final Pattern PAIR = Pattern.compile("\\p{Lu}\\p{L}+(?:-\\p{Lu}\\p{L}+)+");

    /**
     * The subject of the nearest earlier sentence of the paragraph that names anyone (within two sentences): its first
     * name that is not a possessive modifier ("North Korea’s top diplomat, Choe Son Hui": Choe Son Hui).
     */
    private Mentions.Mention subjectBefore(int index) {
        int paragraph = article.sentenceParagraph.get(index);
        for (int s = index - 1; s >= Math.max(0, index - 2) && article.sentenceParagraph.get(s) == paragraph; s--) {
            ArticleText.Span earlier = article.sentences.get(s);
            List<Mentions.Mention> named = mentions.within(earlier.start(), earlier.end());
            for (Mentions.Mention m : named) {
                if (!possessive(m)) {
                    return m;
                }
            }
            if (!named.isEmpty()) {
                return named.get(0);
            }
        }
        return null;
    }

    private boolean possessive(Mentions.Mention m) {
        return article.text.startsWith("’s", m.end()) || article.text.startsWith("'s", m.end());
    }

    /**
     * A text signed by two parties or more, named after the agent word ("a declaration signed by Seoul and Pyongyang")
     * or before the verb ("Putin and Kim signed a treaty"): the encounter it was signed at. Null when none.
     */
    private Found signed(ArticleText.Span sentence, List<ArticleText.Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!rules.agreementWords().contains(tokens.get(i).lower())) {
                continue;
            }
            List<Mentions.Mention> parties = List.of();
            for (int j = i + 1; j < Math.min(tokens.size() - 1, i + 4) && parties.isEmpty(); j++) {
                if (rules.signingWords().contains(tokens.get(j).lower())
                        && rules.agentWords().contains(tokens.get(j + 1).lower())) {
                    int end = j + 2;
                    while (end < tokens.size() && tokens.get(end).word()) {
                        end++;
                    }
                    int to = end < tokens.size() ? tokens.get(end).start() : tokens.get(tokens.size() - 1).end();
                    parties = mentions.within(tokens.get(j + 1).end(), to);
                }
            }
            for (int j = i - 1; j >= Math.max(1, i - 3) && parties.isEmpty(); j--) {
                if (rules.signingWords().contains(tokens.get(j).lower())) {
                    int from = j - 1;
                    while (from > 0 && tokens.get(from - 1).word()) {
                        from--;
                    }
                    parties = mentions.within(tokens.get(from).start(), tokens.get(j).start());
                }
            }
            Map<String, ProposedActor> participants = new LinkedHashMap<>();
            for (Mentions.Mention m : parties) {
                add(participants, m.canonical(), m.start(), m.end(), m.title(), 0.4);
            }
            if (participants.size() >= 2) {
                ProposedEncounter encounter = new ProposedEncounter();
                encounter.kind = EncounterKind.MEETING;
                encounter.participants = new ArrayList<>(participants.values());
                encounter.status = status(tokens);
                encounter.title = title(encounter);
                return new Found(sentence, encounter, 0.4);
            }
        }
        return null;
    }

    private Mentions.Mention place(List<ArticleText.Token> tokens, int trigger) {
        for (int i = trigger + 1; i < Math.min(tokens.size() - 1, trigger + PLACE_WINDOW); i++) {
            if (rules.placePrepositions().contains(tokens.get(i).lower()) && tokens.get(i + 1).capitalised()) {
                List<Mentions.Mention> at = mentions.within(tokens.get(i + 1).start(), tokens.get(tokens.size() - 1).end());
                if (!at.isEmpty() && at.get(0).start() == tokens.get(i + 1).start()) {
                    return at.get(0);
                }
            }
        }
        return null;
    }

    private EncounterStatus status(List<ArticleText.Token> tokens) {
        boolean future = false;
        boolean proposed = false;
        for (ArticleText.Token t : tokens) {
            String w = t.lower();
            if (rules.cancelMarkers().contains(w)) {
                return EncounterStatus.CANCELLED;
            }
            proposed |= rules.proposalMarkers().contains(w);
            future |= rules.futureMarkers().contains(w);
        }
        return proposed ? EncounterStatus.PROPOSED : future ? EncounterStatus.PLANNED : EncounterStatus.HELD;
    }

    private static String title(ProposedEncounter encounter) {
        StringBuilder title = new StringBuilder();
        for (ProposedActor p : encounter.participants) {
            if (title.length() > 0) {
                title.append(" – ");
            }
            title.append(p.name);
        }
        title.append(' ').append(encounter.kind.name().toLowerCase(Locale.ROOT));
        if (encounter.place != null) {
            title.append(", ").append(encounter.place);
        }
        return title.length() > 300 ? title.substring(0, 300) : title.toString();
    }
}
