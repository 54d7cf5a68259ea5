package org.parley.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.actor.ActorKind;

/**
 * Settles the mention proposals once their names are matched: a place printed with the name of a recorded person
 * or organisation is a mention of that actor ("at the Kremlin"); a name that reads as no actor (a nationality
 * adjective, a word that only opens sentences) is dropped unless it matched; and the proposals that name the same
 * record (a state named as a place too), or the same new name, become one, with all their mentions.
 */
final class MentionMerge {

    private MentionMerge() {
    }

    /**
     * @param placeNames for each PLACE_MENTION, its name as matched against the actors (a recorded STATE makes the
     *        place that state)
     */
    static void settle(List<Proposal> proposals, Map<Proposal, ProposedActor> placeNames) {
        Map<String, Proposal> kept = new HashMap<>();
        Iterator<Proposal> it = proposals.iterator();
        while (it.hasNext()) {
            Proposal p = it.next();
            if (p.kind == ProposalKind.PLACE_MENTION) {
                place(p, placeNames.get(p));
            }
            String key = key(p);
            if (key == null) {
                continue;
            }
            p.confidence = p.kind == ProposalKind.ACTOR_MENTION ? p.mentioned.confidence : p.place.confidence;
            boolean matched = p.kind == ProposalKind.ACTOR_MENTION ? p.mentioned.match == ActorMatchKind.EXISTING
                    : p.place.match != PlaceMatchKind.NEW;
            if (p.weak && !matched) {
                it.remove();
                continue;
            }
            Proposal first = kept.putIfAbsent(key, p);
            if (first != null) {
                absorb(first, p);
                it.remove();
            }
        }
    }

    /** A place whose name is a recorded state's is that state; a recorded person's or organisation's, that actor. */
    private static void place(Proposal p, ProposedActor asActor) {
        if (p.place.match != PlaceMatchKind.NEW || asActor == null || asActor.match != ActorMatchKind.EXISTING) {
            return;
        }
        if (asActor.recorded.kind == ActorKind.STATE) {
            p.place.match = PlaceMatchKind.STATE;
            p.place.stateId = asActor.actorId;
            p.place.state = asActor.recorded;
            p.place.confidence = 0.85;
        } else {
            p.kind = ProposalKind.ACTOR_MENTION;
            p.mentioned = asActor;
            p.place = null;
        }
        p.confidence = Math.max(p.confidence, 0.85);
    }

    /** What the proposal names: one proposal per key. Null for other kinds. */
    private static String key(Proposal p) {
        if (p.kind == ProposalKind.ACTOR_MENTION) {
            return p.mentioned.match == ActorMatchKind.EXISTING ? "actor:" + p.mentioned.actorId
                    : "new actor:" + p.mentioned.name;
        }
        if (p.kind == ProposalKind.PLACE_MENTION) {
            return switch (p.place.match) {
                case RECORDED_PLACE -> "place:" + p.place.name.toLowerCase(Locale.ROOT);
                case STATE -> "actor:" + p.place.stateId; // "in Russia" and "Russia said": one proposal for Russia
                case NEW -> "new place:" + p.place.name;
            };
        }
        return null;
    }

    /**
     * Folds {@code later} into {@code first}: the mentions of both, in order, the higher confidence. A state named as
     * a place and as an actor is proposed as the actor.
     */
    private static void absorb(Proposal first, Proposal later) {
        if (first.kind == ProposalKind.PLACE_MENTION && later.kind == ProposalKind.ACTOR_MENTION) {
            first.kind = ProposalKind.ACTOR_MENTION;
            first.mentioned = later.mentioned;
            first.place = null;
        }
        List<MentionSpan> spans = new ArrayList<>(first.mentions);
        spans.addAll(later.mentions);
        spans.sort(Comparator.comparingInt(s -> s.start));
        first.mentions = new ArrayList<>(spans.subList(0, Math.min(spans.size(), ArticleAnalyzer.MAX_MENTION_SPANS)));
        first.mentionCount += later.mentionCount;
        first.confidence = Math.max(first.confidence, later.confidence);
        if (first.mentioned != null && first.mentioned.title == null && later.mentioned != null) {
            first.mentioned.title = later.mentioned.title;
        }
    }
}
