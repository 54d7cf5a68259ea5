package org.parley.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.parley.bulk.ImportReport.Outcome;
import org.parley.bulk.ImportSession.Stored;
import org.parley.encounter.EncounterKind;
import org.parley.encounter.EncounterStatus;
import org.parley.encounter.ParticipantRole;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lines of {@code type} encounter, with place, participants and status history; found by key. An encounter's
 * sources come on attestation lines. A new encounter without a status history starts one from its status and first
 * source, as {@code recordEncounter} does; a status changed without a history adds a step.
 */
final class EncounterLines extends LineKind {

    private static final List<String> PLACE = List.of("name", "locality", "country", "latitude", "longitude");
    private static final List<String> PARTICIPANT = List.of("actor", "role", "note");
    private static final List<String> STATUS_CHANGE = List.of("status", "effective", "source", "note");
    private static final RecordColumns COLUMNS = new RecordColumns("encounter", List.of("kind", "title", "summary",
            "status", "start_date", "start_precision", "start_until", "start_earliest", "start_latest",
            "start_resolution", "start_note", "end_date", "end_precision", "end_until", "end_earliest", "end_latest",
            "end_resolution", "end_note",
            "place_name", "place_locality", "place_country_id", "latitude", "longitude", "part_of_id"));
    private static final ListRows PARTICIPANTS = new ListRows("participants", "participant", "encounter_id",
            List.of("actor_id", "role", "note", "position"), EncounterLines::participant);
    /** In the order of the list: the rows' ids keep it. */
    private static final ListRows HISTORY = new ListRows("statusHistory", "encounter_status_change", "encounter_id",
            List.of("status", "effective_date", "effective_precision", "source_id", "note"),
            EncounterLines::statusChange);

    /** How many encounters contain this one: the export writes a parent before its parts, as `partOf` needs. */
    private static final String DEPTH = "(with recursive up(id) as (select e.part_of_id union select x.part_of_id"
            + " from encounter x join up on x.id = up.id) select count(id) from up)";

    EncounterLines() {
        super("encounter", List.of("key", "kind", "title", "summary", "status", "start", "end", "place",
                "participants", "statusHistory", "partOf"), List.of("participants", "statusHistory"),
                "e.deleted_at is null", DEPTH + ", e.id");
    }

    @Override
    String select() {
        return "select e.id, e.slug, e.kind, e.title, e.summary, e.status, "
                + PartialDate.columns("e", "start") + ", " + PartialDate.columns("e", "end") + ","
                + " e.place_name, e.place_locality, pc.slug as place_country, e.latitude, e.longitude, "
                + list("json_build_object('actor', " + keyOf("actor", "p.actor_id")
                        + ", 'role', p.role, 'note', p.note)", "p.position",
                        "from participant p where p.encounter_id = e.id")
                + " as participants, "
                + list("json_build_object('status', h.status, 'effective', "
                        + Values.sqlPartial("h.effective_date", "h.effective_precision") + ", 'source', "
                        + keyOf("source", "h.source_id") + ", 'note', h.note)", "h.id",
                        "from encounter_status_change h where h.encounter_id = e.id")
                + " as status_history, po.slug as part_of, e.deleted_at is not null as deleted"
                + " from encounter e left join actor pc on pc.id = e.place_country_id and pc.deleted_at is null"
                + " left join encounter po on po.id = e.part_of_id and po.deleted_at is null";
    }

    @Override
    ObjectNode record(ResultSet row) throws SQLException {
        ObjectNode record = start()
                .put("key", row.getString("slug"))
                .put("kind", row.getString("kind"))
                .put("title", row.getString("title"))
                .put("summary", row.getString("summary"))
                .put("status", row.getString("status"));
        record.set("start", Values.node(Values.partial(row, "start")));
        record.set("end", Values.node(Values.partial(row, "end")));
        ObjectNode place = record.putObject("place")
                .put("name", row.getString("place_name"))
                .put("locality", row.getString("place_locality"))
                .put("country", row.getString("place_country"))
                .put("latitude", number(row, "latitude"))
                .put("longitude", number(row, "longitude"));
        boolean noPlace = true;
        for (JsonNode value : place) {
            noPlace &= value.isNull();
        }
        if (noPlace) {
            record.putNull("place");
        }
        record.set("participants", json(row, "participants"));
        record.set("statusHistory", json(row, "status_history"));
        record.put("partOf", row.getString("part_of"));
        return record;
    }

    @Override
    Outcome apply(ImportSession session, ObjectNode line) throws LineRejected, SQLException {
        LineFields fields = LineFields.of(line, session.references, this.fields);
        fields.key();
        fields.choice("kind", EncounterKind.class);
        fields.text("title", 1, 300);
        fields.text("summary", 0, 4000);
        fields.choice("status", EncounterStatus.class);
        fields.uncertainDate("start");
        fields.uncertainDate("end");
        fields.object("place", PLACE, place -> {
            place.text("name", 1, 300);
            place.text("locality", 1, 300);
            place.actor("country", false);
            place.number("latitude", -90, 90);
            place.number("longitude", -180, 180);
            ObjectNode given = place.given();
            if (given.get("latitude").isNull() != given.get("longitude").isNull()) {
                throw place.invalid("latitude", "give latitude and longitude together, or neither");
            }
            if (!given.get("latitude").isNull() && given.get("name").isNull()) {
                throw place.invalid("name", "is required with coordinates");
            }
        });
        fields.objects("participants", PARTICIPANT, participant -> {
            participant.actor("actor", false);
            participant.choice("role", ParticipantRole.class);
            participant.text("note", 0, 1000);
            participant.required("actor", "role");
        });
        fields.objects("statusHistory", STATUS_CHANGE, change -> {
            change.choice("status", EncounterStatus.class);
            change.partialDate("effective");
            change.source("source");
            change.text("note", 0, 2000);
            change.required("status");
        });
        fields.encounter("partOf"); // an earlier line or a stored encounter, as a statement's encounter
        ObjectNode given = fields.given();
        String key = Values.text(given, "key");
        if (key == null) {
            throw LineRejected.invalid("key: an encounter needs a key");
        }
        Stored existing = find(session.connection, "e.slug = ?", key);
        ObjectNode merged = merged(existing, given);
        fields.required(merged, "kind", "title", "status");
        checkParticipants(fields, merged);
        PartialDate start = Values.partial(merged.get("start"));
        PartialDate end = Values.partial(merged.get("end"));
        if (end != null && (start == null || end.until().isBefore(start.date) || end.latest.isBefore(start.earliest))) {
            throw fields.invalid("end", "must not be before start (and needs a start)");
        }
        boolean historyGiven = given.has("statusHistory");
        return session.upsert(NodeType.ENCOUNTER, existing, merged, record -> insert(session, record, historyGiven),
                (id, record, before) -> update(session, id, record, before, historyGiven));
    }

    private static void checkParticipants(LineFields fields, ObjectNode record) throws LineRejected {
        JsonNode participants = record.get("participants");
        if (participants.isEmpty()) {
            throw fields.invalid("participants", "needs at least one participant");
        }
        Set<String> actors = new HashSet<>();
        for (JsonNode participant : participants) {
            if (!actors.add(Values.text(participant, "actor"))) {
                throw fields.invalid("participants", Values.text(participant, "actor")
                        + " takes part more than once: give one role per actor");
            }
        }
    }

    private long insert(ImportSession session, ObjectNode record, boolean historyGiven) throws SQLException {
        String key = Values.text(record, "key");
        long id = COLUMNS.insert(session, key, values(session, record));
        PARTICIPANTS.insert(session, id, record);
        if (historyGiven) {
            HISTORY.insert(session, id, record);
        } else {
            session.deriveHistory(id);
        }
        session.references.remember(type, new References.Ref(id, key, null));
        return id;
    }

    private void update(ImportSession session, long id, ObjectNode record, ObjectNode before, boolean historyGiven)
            throws SQLException, LineRejected {
        Long partOf = session.references.encounterId(Values.text(record, "partOf"));
        // only an update can close a cycle (a new encounter has no parts yet)
        if (partOf != null && session.query("with recursive up(id) as (select ?::bigint union select e.part_of_id"
                + " from encounter e join up on e.id = up.id where e.part_of_id is not null)"
                + " select count(*) from up where id = ?", partOf, id) > 0) {
            throw LineRejected.invalid("partOf: cannot be the encounter itself or one of its parts");
        }
        COLUMNS.update(session, id, values(session, record));
        PARTICIPANTS.replace(session, id, record, before);
        if (historyGiven) {
            HISTORY.replace(session, id, record, before);
        } else if (!Objects.equals(Values.text(record, "status"), Values.text(before, "status"))) {
            // a status changed without a history given is one more step of the history
            session.update("insert into encounter_status_change (encounter_id, status) values (?, ?)", id,
                    Values.text(record, "status"));
        }
    }

    /** The values of {@link #COLUMNS}. */
    private static Object[] values(ImportSession session, ObjectNode record) throws SQLException {
        PartialDate start = Values.partial(record.get("start"));
        PartialDate end = Values.partial(record.get("end"));
        Object[] startInterval = Values.interval(start);
        Object[] endInterval = Values.interval(end);
        JsonNode place = record.get("place");
        boolean hasPlace = !place.isNull();
        return new Object[] { Values.text(record, "kind"), Values.text(record, "title"),
                Values.text(record, "summary"), Values.text(record, "status"), Values.date(start),
                Values.precision(start), Values.until(start), startInterval[0], startInterval[1], startInterval[2],
                startInterval[3], Values.date(end), Values.precision(end), Values.until(end), endInterval[0],
                endInterval[1], endInterval[2], endInterval[3], hasPlace ? Values.text(place, "name") : null,
                hasPlace ? Values.text(place, "locality") : null,
                hasPlace ? session.references.actorId(Values.text(place, "country")) : null,
                hasPlace ? Values.number(place, "latitude") : null,
                hasPlace ? Values.number(place, "longitude") : null,
                session.references.encounterId(Values.text(record, "partOf")) };
    }

    private static Object[] participant(ImportSession session, long encounterId, JsonNode participant, int position)
            throws SQLException {
        return new Object[] { session.references.actorId(Values.text(participant, "actor")),
                Values.text(participant, "role"), Values.text(participant, "note"), position };
    }

    private static Object[] statusChange(ImportSession session, long encounterId, JsonNode change, int position)
            throws SQLException {
        PartialDate effective = Values.partial(Values.text(change, "effective"));
        return new Object[] { Values.text(change, "status"), Values.date(effective), Values.precision(effective),
                session.references.sourceId(Values.text(change, "source")), Values.text(change, "note") };
    }
}
