package org.parley.live;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.parley.api.NodeType;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * One committed change_log entry as the live feed carries it; {@code seq}, its place in commit order (migration V26),
 * is the subscriptions' cursor. The feed hands
 * the same instance to every subscription of the replica, so what they all read about the change (its object, the
 * facts their filters test) is read once and shared: {@link #once}.
 */
final class LiveChange {

    static final String COLUMNS = "commit_seq, at, operation, node_type, node_id";

    private final long seq;
    private final OffsetDateTime at;
    private final String operation;
    private final NodeType nodeType;
    private final long nodeId;
    private final Map<String, Uni<?>> shared = new ConcurrentHashMap<>(4);

    LiveChange(long seq, OffsetDateTime at, String operation, NodeType nodeType, long nodeId) {
        this.seq = seq;
        this.at = at;
        this.operation = operation;
        this.nodeType = nodeType;
        this.nodeId = nodeId;
    }

    static LiveChange from(Row row) {
        return new LiveChange(row.getLong("commit_seq"), row.getOffsetDateTime("at"), row.getString("operation"),
                NodeType.valueOf(row.getString("node_type").toUpperCase(Locale.ROOT)), row.getLong("node_id"));
    }

    /** The entry's number in commit order: entries become visible in this order, and the feed reads by it. */
    long seq() {
        return seq;
    }

    OffsetDateTime at() {
        return at;
    }

    String operation() {
        return operation;
    }

    NodeType nodeType() {
        return nodeType;
    }

    long nodeId() {
        return nodeId;
    }

    /**
     * The result of {@code read} for this change, read at the first call and shared by every later one (a failure
     * too): what does not depend on the reader, such as the object's row, is read once per change and replica
     * rather than once per subscription.
     */
    /** Gives {@code what} for this change ahead of the first {@link #once}, unless it was read already. */
    <T> void preset(String what, Uni<T> read) {
        shared.putIfAbsent(what, read.memoize().indefinitely());
    }

    @SuppressWarnings("unchecked")
    <T> Uni<T> once(String what, Supplier<Uni<T>> read) {
        return (Uni<T>) shared.computeIfAbsent(what, key -> read.get().memoize().indefinitely());
    }
}
