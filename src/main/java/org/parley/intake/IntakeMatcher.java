package org.parley.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

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

    /**
     * Matches the proposals in place, then merges the mention proposals that name the same record and numbers the
     * proposals again. The names, the URL and the places are matched at the same time (three statements on the
     * pool), the encounters after the names.
     */
    Uni<Void> match(List<Proposal> proposals, String url) {
        Map<Proposal, ProposedActor> placeNames = new HashMap<>();
        for (Proposal p : proposals) {
            if (p.kind == ProposalKind.PLACE_MENTION) {
                placeNames.put(p, new ProposedActor(ActorMatchKind.NEW, p.place.name, p.start, p.end, 0));
            }
        }
        return Uni.combine().all().unis(actors(proposals, placeNames.values()), source(proposals, url),
                places(proposals)).discardItems()
                .chain(() -> encounters(proposals))
                .invoke(() -> {
                    MentionMerge.settle(proposals, placeNames);
                    ArticleAnalyzer.number(proposals);
                });
    }

    /**
     * Names to recorded actors, one statement for all: speakers and participants by name, alias, transliteration key
     * or trigram similarity; names only mentioned, and places, by name, alias or key (the trigram search, the costly
     * part of the statement, was half the time of a proposal for a 1,000-word article once mentions were matched).
     */
    private Uni<Void> actors(List<Proposal> proposals, java.util.Collection<ProposedActor> placeNames) {
        Map<String, List<ProposedActor>> byName = new LinkedHashMap<>();
        Set<String> fuzzy = new HashSet<>();
        for (Proposal p : proposals) {
            List<ProposedActor> named = new ArrayList<>();
            if (p.speaker != null) {
                named.add(p.speaker);
            }
            if (p.encounter != null) {
                named.addAll(p.encounter.participants);
            }
            add(byName, named);
            named.forEach(a -> fuzzy.add(a.name));
            if (p.mentioned != null) {
                add(byName, List.of(p.mentioned));
            }
        }
        add(byName, placeNames); // a place printed as a name of a recorded state or person
        if (byName.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> names = new ArrayList<>(byName.keySet());
        boolean[] trigram = new boolean[names.size()];
        for (int i = 0; i < trigram.length; i++) {
            trigram[i] = fuzzy.contains(names.get(i));
        }
        return actors.bestMatches(names, trigram).invoke(matches -> {
            for (int i = 0; i < names.size(); i++) {
                ActorMatch match = matches.get(i);
                if (match == null || match.score < ACTOR_MATCH) {
                    continue;
                }
                for (ProposedActor a : byName.get(names.get(i))) {
                    a.match = ActorMatchKind.EXISTING;
                    a.actorId = match.actor.dbId;
                    a.recorded = match.actor;
                    a.confidence = Math.min(0.95, a.confidence * (0.5 + match.score / 2) + 0.15);
                }
            }
        }).replaceWithVoid();
    }

    /** NEW actors with a name, by name, up to {@link #MAX_NAMES} names. */
    private static void add(Map<String, List<ProposedActor>> byName, java.util.Collection<ProposedActor> named) {
        for (ProposedActor a : named) {
            if (a.match == ActorMatchKind.NEW && a.name != null
                    && (byName.containsKey(a.name) || byName.size() < MAX_NAMES)) {
                byName.computeIfAbsent(a.name, k -> new ArrayList<>()).add(a);
            }
        }
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

    /**
     * Place mentions to the places of recorded encounters, by name (case aside): one statement for all, each name
     * found through V27's index on the lower-cased place name.
     */
    private Uni<Void> places(List<Proposal> proposals) {
        List<Proposal> places = new ArrayList<>();
        for (Proposal p : proposals) {
            if (p.kind == ProposalKind.PLACE_MENTION) {
                places.add(p);
            }
        }
        if (places.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] names = places.stream().map(p -> p.place.name).toArray(String[]::new);
        return pool.preparedQuery("select q.ord, e.place_name, e.place_country_id from unnest($1::text[]) with"
                + " ordinality q(n, ord) cross join lateral (select place_name, place_country_id from encounter"
                + " where deleted_at is null and lower(place_name) = lower(q.n) order by id limit 1) e")
                .execute(Tuple.of(names)).invoke(rows -> {
                    for (io.vertx.mutiny.sqlclient.Row row : rows) {
                        ProposedPlace place = places.get(row.getLong("ord").intValue() - 1).place;
                        place.match = PlaceMatchKind.RECORDED_PLACE;
                        place.name = row.getString("place_name");
                        place.stateId = row.getLong("place_country_id");
                        place.confidence = 0.9;
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
