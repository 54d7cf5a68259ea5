package org.parley.live;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.parley.api.Node;
import org.parley.api.NodeLoader;
import org.parley.api.NodeType;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What subscriptions read about a change: its object (through its package's {@link NodeLoader}, the usual read path)
 * and the facts their filters test. Read once per change and replica ({@link LiveChange#once}) and, for the changes
 * the feed reads together, in one statement per kind as soon as they are read ({@link #prefetch}): each subscription
 * takes its changes one at a time, in order, so a read started only when a subscription reached its change would put a
 * database round trip (and a wait for a pooled connection, behind the writes) between any two events.
 */
@ApplicationScoped
class LiveReads {

    static final String NODE = "node";
    static final String STATEMENT_FACTS = "statement facts";
    static final String PARTICIPANTS = "participants";

    private static final String FACTS = "select s.id, s.speaker_id, s.encounter_id, s.responds_to_id,"
            + " array(select a.actor_id from statement_about a where a.statement_id = s.id) as about"
            + " from statement s where s.id = any($1)";
    private static final String PARTICIPANT_ACTORS = "select encounter_id, actor_id from participant"
            + " where encounter_id = any($1)";

    /** What the statement filters test: who spoke, where, about whom, answering what. */
    record StatementFacts(Long speaker, Long encounter, Long respondsTo, Set<Long> about) {
    }

    private final Pool pool;
    private final Map<NodeType, NodeLoader> loaders = new EnumMap<>(NodeType.class);

    LiveReads(Pool pool, Instance<NodeLoader> loaders) {
        this.pool = pool;
        loaders.forEach(loader -> this.loaders.put(loader.type(), loader));
    }

    /**
     * Starts, for changes read together, the reads their subscriptions will ask for: each kind in one statement for
     * all of them. Each change then finds its part when asked ({@link #node}, {@link #statementFacts},
     * {@link #participants}).
     */
    void prefetch(List<LiveChange> changes) {
        Map<NodeType, List<LiveChange>> byType = new EnumMap<>(NodeType.class);
        changes.forEach(change -> byType.computeIfAbsent(change.nodeType(), type -> new ArrayList<>()).add(change));
        byType.forEach((type, ofType) -> {
            NodeLoader loader = loaders.get(type);
            if (loader != null) {
                share(ofType, NODE, ids -> loader.load(ids).map(found -> found));
            }
        });
        List<LiveChange> statements = byType.getOrDefault(NodeType.STATEMENT, List.of());
        share(statements, STATEMENT_FACTS, this::readStatementFacts);
        List<LiveChange> encounters = byType.getOrDefault(NodeType.ENCOUNTER, List.of());
        share(encounters, PARTICIPANTS, this::readParticipants);
    }

    /** The changed object, live rows only: null once deleted. */
    Uni<Node> node(LiveChange change) {
        return change.once(NODE, () -> loaders.get(change.nodeType()).load(List.of(change.nodeId()))
                .map(found -> (Node) found.get(change.nodeId())));
    }

    /** A statement change's facts (null: no such statement). */
    Uni<StatementFacts> statementFacts(LiveChange change) {
        return change.once(STATEMENT_FACTS,
                () -> readStatementFacts(List.of(change.nodeId())).map(facts -> facts.get(change.nodeId())));
    }

    /** The actors taking part in an encounter change's encounter. */
    Uni<Set<Long>> participants(LiveChange change) {
        return change.<Set<Long>> once(PARTICIPANTS, () -> readParticipants(List.of(change.nodeId()))
                .map(byEncounter -> byEncounter.get(change.nodeId())))
                .map(actors -> actors == null ? Set.of() : actors);
    }

    /**
     * One read of {@code what} for all {@code changes}, started now, each change given its own entry of the result
     * (null when absent).
     */
    private <T> void share(List<LiveChange> changes, String what, Function<List<Long>, Uni<Map<Long, T>>> read) {
        if (changes.isEmpty()) {
            return;
        }
        List<Long> ids = changes.stream().map(LiveChange::nodeId).distinct().toList();
        Uni<Map<Long, T>> all = read.apply(ids).memoize().indefinitely();
        for (LiveChange change : changes) {
            change.preset(what, all.map(found -> found.get(change.nodeId())));
        }
        // in flight now; a failure reaches each subscription that asks
        all.subscribe().with(ignored -> {
        }, ignored -> {
        });
    }

    private Uni<Map<Long, StatementFacts>> readStatementFacts(List<Long> ids) {
        return pool.preparedQuery(FACTS).execute(Tuple.of(ids.toArray(Long[]::new))).map(rows -> {
            Map<Long, StatementFacts> facts = new HashMap<>();
            for (Row row : rows) {
                facts.put(row.getLong("id"), new StatementFacts(row.getLong("speaker_id"), row.getLong("encounter_id"),
                        row.getLong("responds_to_id"), Set.of(row.getArrayOfLongs("about"))));
            }
            return facts;
        });
    }

    private Uni<Map<Long, Set<Long>>> readParticipants(List<Long> ids) {
        return pool.preparedQuery(PARTICIPANT_ACTORS).execute(Tuple.of(ids.toArray(Long[]::new))).map(rows -> {
            Map<Long, Set<Long>> actors = new HashMap<>();
            for (Row row : rows) {
                actors.computeIfAbsent(row.getLong("encounter_id"), id -> new HashSet<>()).add(row.getLong("actor_id"));
            }
            return actors;
        });
    }
}
