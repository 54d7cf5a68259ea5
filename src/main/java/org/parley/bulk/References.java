package org.parley.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.parley.actor.ActorNames;
import org.parley.api.NodeType;

/**
 * Finds the live records that lines refer to: actors by key (a merged actor's key finds the actor it was merged
 * into), Wikidata ID or name, sources by key or URL, encounters and statements by key. What is found is remembered (a bounded number of each), since the same countries and sources
 * come back on many lines; actors found by Wikidata ID or name are forgotten whenever a line changes an actor, which
 * may change what those name. Sources found by URL are looked up each time.
 */
final class References {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final Pattern WIKIDATA_ID = Pattern.compile("Q[1-9][0-9]*");
    private static final int REMEMBERED = 20_000;

    /** A record found: its row id, its key, and (for actors) its kind. */
    record Ref(long id, String key, String kind) {
    }

    private final Connection connection;
    private final Map<String, Ref> actors = bounded();
    private final Map<String, Ref> actorsByName = bounded();
    private final Map<String, Ref> sources = bounded();
    /** Kinds of record found by key alone (encounters, statements, agreements), by kind. */
    private final Map<NodeType, Map<String, Ref>> keyed = new EnumMap<>(NodeType.class);

    References(Connection connection) {
        this.connection = connection;
    }

    Ref actor(String ref) throws SQLException {
        if (KEY.matcher(ref).matches()) {
            // a merged actor's key leads to the actor it was merged into
            Ref found = byKey(actors, "select coalesce(m.id, a.id), coalesce(m.slug, a.slug), coalesce(m.kind, a.kind)"
                    + " from actor a left join actor m on m.id = a.merged_into_id and m.deleted_at is null"
                    + " where a.slug = ? and (a.deleted_at is null or m.id is not null)", ref);
            if (found != null) {
                return found;
            }
        }
        Ref found = actorsByName.get(ref);
        if (found == null) {
            if (WIKIDATA_ID.matcher(ref).matches()) {
                found = one("select id, slug, kind from actor where wikidata_id = ? and deleted_at is null", ref);
            } else {
                String name = ActorNames.normalize(ref);
                found = one("select a.id, a.slug, a.kind from actor a where a.deleted_at is null and"
                        + " (a.normalized_name = ? or a.id in (select al.actor_id from actor_alias al"
                        + " where al.normalized = ?)) order by (a.normalized_name = ?) desc, a.id limit 1",
                        name, name, name);
            }
            if (found != null) {
                actorsByName.put(ref, found);
            }
        }
        return found;
    }

    Ref source(String ref) throws SQLException {
        if (KEY.matcher(ref).matches()) {
            return byKey(sources, "select id, slug, null from source where slug = ? and deleted_at is null", ref);
        }
        return one("select id, slug, null from source where url = ? and deleted_at is null", ref);
    }

    Ref encounter(String key) throws SQLException {
        return keyed(NodeType.ENCOUNTER, key);
    }

    Ref statement(String key) throws SQLException {
        return keyed(NodeType.STATEMENT, key);
    }

    /** A live record of a kind found by key alone, from the kind's table ({@link NodeType#table()}). */
    Ref keyed(NodeType type, String key) throws SQLException {
        String table = type.table();
        String query = type == NodeType.ENCOUNTER
                // a merged encounter's key leads to the encounter it was merged into
                ? "select coalesce(m.id, x.id), coalesce(m.slug, x.slug), null from " + table + " x left join "
                        + table + " m on m.id = x.merged_into_id and m.deleted_at is null"
                        + " where x.slug = ? and (x.deleted_at is null or m.id is not null)"
                : "select id, slug, null from " + table + " where slug = ? and deleted_at is null";
        return byKey(keyed.computeIfAbsent(type, t -> bounded()), query, key);
    }

    /** The row id of a record named by key, or null when there is none (yet). */
    Long actorId(String key) throws SQLException {
        return key == null ? null : id(actor(key));
    }

    Long sourceId(String key) throws SQLException {
        return key == null ? null : id(source(key));
    }

    Long encounterId(String key) throws SQLException {
        return keyedId(NodeType.ENCOUNTER, key);
    }

    Long statementId(String key) throws SQLException {
        return keyedId(NodeType.STATEMENT, key);
    }

    Long keyedId(NodeType type, String key) throws SQLException {
        return key == null ? null : id(keyed(type, key));
    }

    /** Remembers a record just written, with its kind as written. */
    void remember(String type, Ref ref) {
        switch (type) {
            case "actor" -> actors.put(ref.key(), ref);
            case "source" -> sources.put(ref.key(), ref);
            default -> keyed.computeIfAbsent(NodeType.valueOf(type.toUpperCase(Locale.ROOT)), t -> bounded())
                    .put(ref.key(), ref);
        }
    }

    /**
     * Forgets the actors found by Wikidata ID or name, after a line changed an actor. (A new actor cannot take a
     * Wikidata ID, and a name it shares with another actor rejects it at the end of the file.)
     */
    void forgetActorNames() {
        actorsByName.clear();
    }

    /** Forgets everything: after a rollback, rows created since may be gone. */
    void forget() {
        actors.clear();
        actorsByName.clear();
        sources.clear();
        keyed.clear();
    }

    private static Long id(Ref ref) {
        return ref == null ? null : ref.id();
    }

    private Ref byKey(Map<String, Ref> remembered, String sql, String key) throws SQLException {
        Ref found = remembered.get(key);
        if (found == null) {
            found = one(sql, key);
            if (found != null) {
                remembered.put(key, found);
            }
        }
        return found;
    }

    private Ref one(String sql, String... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setString(i + 1, args[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new Ref(row.getLong(1), row.getString(2), row.getString(3)) : null;
            }
        }
    }

    private static Map<String, Ref> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Ref> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
