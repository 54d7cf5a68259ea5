package org.parley.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.actor.ActorMatch;
import org.parley.actor.ActorRepository;
import org.parley.encounter.EncounterRepository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Matches what {@link ArticleAnalyzer} read to the records: names to actors ({@link ActorRepository#bestMatches},
 * one statement for all names: equal names and aliases, transliteration variants, trigram similarity), the URL to a
 * source by its normalised key (V9's {@code source_url_key}), and each encounter to the recorded one it most likely
 * is ({@link EncounterRepository#likelyDuplicatesOf}).
 */
@ApplicationScoped
class IntakeMatcher {

    /** The similarity from which a name is taken for a recorded actor's. */
    static final double ACTOR_MATCH = 0.75;
    /** Encounters matched per intake (one statement for all). */
    static final int MAX_ENCOUNTERS_MATCHED = 50;
    /** Distinct names matched per intake (one statement for all). */
    static final int MAX_NAMES = 2000;

    private final Pool pool;
    private final ActorRepository actors;
    private final EncounterRepository encounters;

    IntakeMatcher(Pool pool, ActorRepository actors, EncounterRepository encounters) {
        this.pool = pool;
        this.actors = actors;
        this.encounters = encounters;
    }

    Uni<Void> match(List<Proposal> proposals, String url) {
        return actors(proposals).chain(() -> source(proposals, url)).chain(() -> encounters(proposals));
    }

    private Uni<Void> actors(List<Proposal> proposals) {
        Map<String, List<ProposedActor>> byName = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            List<ProposedActor> named = new ArrayList<>();
            if (p.speaker != null) {
                named.add(p.speaker);
            }
            if (p.encounter != null) {
                named.addAll(p.encounter.participants);
            }
            for (ProposedActor a : named) {
                if (a.match == ActorMatchKind.NEW && a.name != null
                        && (byName.containsKey(a.name) || byName.size() < MAX_NAMES)) {
                    byName.computeIfAbsent(a.name, k -> new ArrayList<>()).add(a);
                }
            }
        }
        if (byName.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> names = new ArrayList<>(byName.keySet());
        return actors.bestMatches(names).invoke(matches -> {
            for (int i = 0; i < names.size(); i++) {
                ActorMatch match = matches.get(i);
                if (match == null || match.score < ACTOR_MATCH) {
                    continue;
                }
                for (ProposedActor a : byName.get(names.get(i))) {
                    a.match = ActorMatchKind.EXISTING;
                    a.actorId = match.actor.dbId;
                    a.confidence = Math.min(0.95, a.confidence * (0.5 + match.score / 2) + 0.15);
                }
            }
        }).replaceWithVoid();
    }

    private Uni<Void> source(List<Proposal> proposals, String url) {
        if (url == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("select id from source where url_key = source_url_key($1) and deleted_at is null")
                .execute(Tuple.of(url)).invoke(rows -> {
                    if (rows.iterator().hasNext()) {
                        long id = rows.iterator().next().getLong("id");
                        for (Proposal p : proposals) {
                            if (p.kind == ProposalKind.SOURCE) {
                                p.sourceId = id;
                                p.matchesRecordedSource = true;
                                p.confidence = 1.0;
                            }
                        }
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> encounters(List<Proposal> proposals) {
        List<Proposal> matched = new ArrayList<>();
        List<EncounterRepository.Described> described = new ArrayList<>();
        for (Proposal p : proposals) {
            if (p.kind != ProposalKind.ENCOUNTER || matched.size() >= MAX_ENCOUNTERS_MATCHED) {
                continue;
            }
            Long[] ids = p.encounter.participants.stream().filter(a -> a.actorId != null).map(a -> a.actorId)
                    .distinct().toArray(Long[]::new);
            if (ids.length == 0 && p.encounter.place == null) {
                continue;
            }
            matched.add(p);
            described.add(new EncounterRepository.Described(ids, p.date == null ? null : p.date.earliest,
                    p.date == null ? null : p.date.latest, p.encounter.place));
        }
        return encounters.likelyDuplicatesOf(described).invoke(found -> {
            for (int i = 0; i < matched.size(); i++) {
                matched.get(i).encounter.matchedId = found.get(i);
            }
        }).replaceWithVoid();
    }
}
