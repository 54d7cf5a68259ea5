package org.parley.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.parley.actor.ActorKind;
import org.parley.actor.ActorNames;
import org.parley.bulk.ImportReport.Outcome;
import org.parley.bulk.ImportSession.Stored;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;
import org.parley.write.Slugs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lines of {@code type} actor, with the actor's aliases and roles; found by key, else by Wikidata ID, else by name.
 * The country and the organization of a role may be actors of later lines.
 */
final class ActorLines extends LineKind {

    private static final List<String> ROLE = List.of("title", "organization", "start", "end", "source");
    private static final RecordColumns COLUMNS = new RecordColumns("actor",
            List.of("kind", "name", "normalized_name", "description", "wikidata_id", "country_id"));
    private static final ListRows ALIASES = new ListRows("aliases", "actor_alias", "actor_id",
            List.of("alias", "normalized", "position"), (session, actorId, alias, position) -> new Object[] {
                    alias.textValue(), ActorNames.normalize(alias.textValue()), position });
    private static final ListRows ROLES = new ListRows("roles", "actor_role", "actor_id", List.of("title",
            "organization_id", "start_date", "start_precision", "end_date", "end_precision", "source_id", "position"),
            ActorLines::role);

    ActorLines() {
        super("actor", List.of("key", "kind", "name", "aliases", "description", "wikidataId", "country", "roles"),
                List.of("aliases", "roles"), "a.deleted_at is null", "a.id");
    }

    @Override
    String select() {
        return "select a.id, a.slug, a.kind, a.name, "
                + list("al.alias", "al.position", "from actor_alias al where al.actor_id = a.id") + " as aliases,"
                + " a.description, a.wikidata_id, c.slug as country, "
                + list("json_build_object('title', r.title, 'organization', " + keyOf("actor", "r.organization_id")
                        + ", 'start', " + Values.sqlPartial("r.start_date", "r.start_precision") + ", 'end', "
                        + Values.sqlPartial("r.end_date", "r.end_precision") + ", 'source', "
                        + keyOf("source", "r.source_id") + ")", "r.position",
                        "from actor_role r where r.actor_id = a.id")
                + " as roles, a.deleted_at is not null as deleted"
                + " from actor a left join actor c on c.id = a.country_id and c.deleted_at is null";
    }

    @Override
    ObjectNode record(ResultSet row) throws SQLException {
        ObjectNode record = start()
                .put("key", row.getString("slug"))
                .put("kind", row.getString("kind"))
                .put("name", row.getString("name"));
        record.set("aliases", json(row, "aliases"));
        record.put("description", row.getString("description"))
                .put("wikidataId", row.getString("wikidata_id"))
                .put("country", row.getString("country"));
        record.set("roles", json(row, "roles"));
        return record;
    }

    @Override
    Outcome apply(ImportSession session, ObjectNode line) throws LineRejected, SQLException {
        LineFields fields = LineFields.of(line, session.references, this.fields);
        fields.key();
        fields.choice("kind", ActorKind.class);
        fields.text("name", 1, 300);
        fields.texts("aliases", 300);
        fields.text("description", 0, 2000);
        fields.matching("wikidataId", References.WIKIDATA_ID, "a Wikidata item ID such as Q7747");
        References.Ref country = fields.actor("country", true);
        if (country != null && !ActorKind.STATE.name().equals(country.kind())) {
            throw fields.invalid("country", "must be an actor of kind STATE, not " + country.kind());
        }
        fields.objects("roles", ROLE, role -> {
            role.text("title", 1, 300);
            role.actor("organization", true);
            role.partialDate("start");
            role.partialDate("end");
            role.source("source");
            role.required("title");
            PartialDate start = Values.partial(Values.text(role.given(), "start"));
            PartialDate end = Values.partial(Values.text(role.given(), "end"));
            if (start != null && end != null && end.date.isBefore(start.date)) {
                throw role.invalid("end", "must not be before start");
            }
        });
        ObjectNode given = fields.given();
        Stored existing = find(session, given);
        ObjectNode merged = merged(existing, given);
        fields.required(merged, "kind", "name");
        if (ActorNames.normalize(Values.text(merged, "name")).isEmpty()) {
            throw fields.invalid("name", "must contain at least one letter or digit");
        }
        for (JsonNode alias : merged.get("aliases")) {
            if (ActorNames.normalize(alias.textValue()).isEmpty()) {
                throw fields.invalid("aliases", "\"" + alias.textValue() + "\" must contain a letter or digit");
            }
        }
        return session.upsert(NodeType.ACTOR, existing, merged, record -> insert(session, record),
                (id, record, before) -> update(session, id, record, before));
    }

    private Stored find(ImportSession session, ObjectNode given) throws SQLException, LineRejected {
        String key = Values.text(given, "key");
        String wikidataId = Values.text(given, "wikidataId");
        String name = Values.text(given, "name");
        if (key != null) {
            return find(session.connection, "a.slug = ?", key);
        }
        if (wikidataId != null) {
            return find(session.connection, "a.wikidata_id = ? and a.deleted_at is null", wikidataId);
        }
        if (name != null) {
            String normalized = ActorNames.normalize(name);
            return find(session.connection, "a.deleted_at is null and (a.normalized_name = ? or a.id in (select"
                    + " al.actor_id from actor_alias al where al.normalized = ?)) order by (a.normalized_name = ?) desc,"
                    + " a.id limit 1",
                    normalized, normalized, normalized);
        }
        throw LineRejected.invalid("key: an actor needs a key, a wikidataId or a name to be found by");
    }

    private long insert(ImportSession session, ObjectNode record) throws SQLException {
        String key = Values.text(record, "key");
        if (key == null) {
            key = session.freeKey("actor", Slugs.of(Values.text(record, "name"), "actor"));
            record.put("key", key);
        }
        Long countryId = session.references.actorId(Values.text(record, "country"));
        long id = COLUMNS.insert(session, key, values(record, countryId));
        session.laterUnlessFound("country", id, null, Values.text(record, "country"), countryId);
        ALIASES.insert(session, id, record);
        ROLES.insert(session, id, record);
        session.references.remember(type, new References.Ref(id, key, Values.text(record, "kind")));
        return id;
    }

    private void update(ImportSession session, long id, ObjectNode record, ObjectNode before) throws SQLException {
        Long countryId = session.references.actorId(Values.text(record, "country"));
        COLUMNS.update(session, id, values(record, countryId));
        session.laterUnlessFound("country", id, null, Values.text(record, "country"), countryId);
        ALIASES.replace(session, id, record, before);
        ROLES.replace(session, id, record, before);
        session.references.forgetActorNames();
        session.references.remember(type, new References.Ref(id, Values.text(record, "key"),
                Values.text(record, "kind")));
    }

    /** The values of {@link #COLUMNS}; a country of a later line is set at the end of the file. */
    private static Object[] values(ObjectNode record, Long countryId) {
        String name = Values.text(record, "name");
        return new Object[] { Values.text(record, "kind"), name, ActorNames.normalize(name),
                Values.text(record, "description"), Values.text(record, "wikidataId"), countryId };
    }

    private static Object[] role(ImportSession session, long actorId, JsonNode role, int position)
            throws SQLException {
        String organization = Values.text(role, "organization");
        Long organizationId = session.references.actorId(organization);
        session.laterUnlessFound("organization", actorId, position, organization, organizationId);
        PartialDate start = Values.partial(Values.text(role, "start"));
        PartialDate end = Values.partial(Values.text(role, "end"));
        return new Object[] { Values.text(role, "title"), organizationId, Values.date(start), Values.precision(start),
                Values.date(end), Values.precision(end), session.references.sourceId(Values.text(role, "source")),
                position };
    }
}
