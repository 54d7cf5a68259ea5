package org.parley.live;

import java.time.OffsetDateTime;
import java.util.Locale;

import org.parley.api.NodeType;

import io.vertx.mutiny.sqlclient.Row;

/** One committed change_log entry as the live feed carries it; {@code id} is the subscriptions' cursor. */
record LiveChange(long id, OffsetDateTime at, String operation, NodeType nodeType, long nodeId) {

    static final String COLUMNS = "id, at, operation, node_type, node_id";

    static LiveChange from(Row row) {
        return new LiveChange(row.getLong("id"), row.getOffsetDateTime("at"), row.getString("operation"),
                NodeType.valueOf(row.getString("node_type").toUpperCase(Locale.ROOT)), row.getLong("node_id"));
    }
}
