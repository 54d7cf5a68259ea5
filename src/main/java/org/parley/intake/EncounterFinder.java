package org.parley.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.encounter.EncounterKind;
import org.parley.encounter.EncounterStatus;

/**
 * Encounters a sentence reports: an encounter word ("met", "held talks", "received", "summit", "arrived in ... for"),
 * the names of the sentence as participants, the place a preposition after the word introduces ("in Pyongyang"),
 * and the status its other words give (future: PLANNED, "cancelled": CANCELLED, "invited": PROPOSED). One per
 * sentence at most, and only where two actors are named, or one and a place.
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
        int trigger = -1;
        EncounterKind kind = null;
        for (int i = 0; i < tokens.size() && trigger < 0; i++) {
            String word = tokens.get(i).lower();
            EncounterKind k = rules.encounterWords().get(word);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).lower() : "";
            if (k == null || word.equals("meeting") && !next.equals("with") && !next.equals("between")
                    || word.equals("arrived") && !rules.placePrepositions().contains(next)
                    || word.equals("call") && !next.equals("with")
                    || word.equals("received") && !(i + 1 < tokens.size() && tokens.get(i + 1).capitalised())) {
                continue;
            }
            trigger = i;
            kind = k;
        }
        if (trigger < 0) {
            return null;
        }
        ProposedEncounter encounter = new ProposedEncounter();
        encounter.kind = kind;
        Mentions.Mention place = place(tokens, trigger);
        if (place != null) {
            encounter.place = place.name();
        }
        Map<String, ProposedActor> participants = new LinkedHashMap<>();
        for (Mentions.Mention m : mentions.within(sentence.start(), sentence.end())) {
            if (place != null && m.start() == place.start()) {
                continue;
            }
            ProposedActor actor = new ProposedActor(ActorMatchKind.NEW, m.canonical(), m.start(), m.end(), 0.6);
            actor.title = m.title();
            participants.putIfAbsent(m.canonical(), actor);
        }
        if (participants.size() < 2 && (participants.isEmpty() || place == null)) {
            return null;
        }
        encounter.participants = new ArrayList<>(participants.values());
        encounter.status = status(tokens);
        encounter.title = title(encounter);
        return new Found(sentence, encounter, participants.size() >= 2 ? 0.6 : 0.4);
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
