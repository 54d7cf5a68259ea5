package org.parley.live;

import java.util.function.Function;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.parley.api.GlobalId;
import org.parley.api.Node;
import org.parley.api.NodeType;
import org.parley.encounter.Encounter;
import org.parley.statement.Statement;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Subscriptions (over WebSocket, {@code graphql-transport-ws}): committed writes from every replica, each event with
 * its object read through the usual read path ({@link LiveReads}). What the filters test and the object are read
 * once per change and replica, shared by all its subscriptions; each subscription then matches in memory, and the
 * reader's permissions apply as its event's fields are resolved.
 */
@GraphQLApi
public class LiveGraphQLApi {

    private static final String ENDS = "Null, with an error, when the stream ends early: CURSOR_EXPIRED, or"
            + " SLOW_CONSUMER when the subscriber fell too far behind (subscribe again with the last cursor).";
    private static final String AFTER = "Only the changes after this cursor (an event's `cursor`): those already"
            + " committed are replayed from the audit trail first, in order, then the live ones follow, none twice."
            + " A cursor too old to replay ends the stream with code CURSOR_EXPIRED: read afresh, then subscribe"
            + " without it.";

    private final ChangeStreams streams;
    private final LiveReads reads;

    LiveGraphQLApi(ChangeStreams streams, LiveReads reads) {
        this.streams = streams;
        this.reads = reads;
    }

    @Subscription
    @Description("Every committed write to any object, in order, for clients that keep a copy (with `after`:"
            + " sync from their last cursor). " + ENDS)
    public Multi<ChangeEvent> changes(@Name("after") @Description(AFTER) String after) {
        return streams.events(LiveCursor.decodeGiven(after),
                change -> reads.node(change).map(node -> new ChangeEvent(change, node, null)),
                ended -> new ChangeEvent(null, null, ended));
    }

    @Subscription
    @Description("Writes to encounters (status changes included) that match the filter. " + ENDS)
    public Multi<EncounterEvent> encounterChanged(
            @Name("filter") @Description("Which encounters; none: all.") EncounterChangeFilter filter,
            @Name("after") @Description(AFTER) String after) {
        Long encounter = filter == null ? null : idGiven(filter.encounter, NodeType.ENCOUNTER, "filter.encounter");
        Long participant = filter == null ? null : idGiven(filter.participant, NodeType.ACTOR, "filter.participant");
        return streams.events(LiveCursor.decodeGiven(after), change -> {
            if (change.nodeType() != NodeType.ENCOUNTER || (encounter != null && change.nodeId() != encounter)) {
                return Uni.createFrom().nullItem();
            }
            Uni<Boolean> matches = participant == null ? Uni.createFrom().item(true)
                    : reads.participants(change).map(actors -> actors.contains(participant));
            return ifMatches(matches, change, node -> new EncounterEvent(change, (Encounter) node, null));
        }, ended -> new EncounterEvent(null, null, ended));
    }

    @Subscription
    @Description("Writes to statements (recorded, updated, attested, deleted) that match the filter. " + ENDS)
    public Multi<StatementEvent> statementRecorded(
            @Name("filter") @Description("Which statements; none: all.") StatementRecordedFilter filter,
            @Name("after") @Description(AFTER) String after) {
        Long speaker = filter == null ? null : idGiven(filter.speaker, NodeType.ACTOR, "filter.speaker");
        Long about = filter == null ? null : idGiven(filter.about, NodeType.ACTOR, "filter.about");
        Long encounter = filter == null ? null : idGiven(filter.encounter, NodeType.ENCOUNTER, "filter.encounter");
        Long respondsTo = filter == null ? null : idGiven(filter.respondsTo, NodeType.STATEMENT, "filter.respondsTo");
        boolean filtered = speaker != null || about != null || encounter != null || respondsTo != null;
        return streams.events(LiveCursor.decodeGiven(after), change -> {
            if (change.nodeType() != NodeType.STATEMENT) {
                return Uni.createFrom().nullItem();
            }
            Uni<Boolean> matches = !filtered ? Uni.createFrom().item(true)
                    : reads.statementFacts(change).map(facts -> facts != null
                            && (speaker == null || speaker.equals(facts.speaker()))
                            && (encounter == null || encounter.equals(facts.encounter()))
                            && (respondsTo == null || respondsTo.equals(facts.respondsTo()))
                            && (about == null || facts.about().contains(about)));
            return ifMatches(matches, change, node -> new StatementEvent(change, (Statement) node, null));
        }, ended -> new StatementEvent(null, null, ended));
    }

    private static Long idGiven(String globalId, NodeType type, String argument) {
        return globalId == null ? null : GlobalId.decode(globalId, type, argument);
    }

    /** The change's event when it matches the filter, else null (not sent). */
    private <E> Uni<E> ifMatches(Uni<Boolean> matches, LiveChange change, Function<Node, E> event) {
        return matches.chain(match -> match ? reads.node(change).map(event) : Uni.createFrom().<E> nullItem());
    }
}
