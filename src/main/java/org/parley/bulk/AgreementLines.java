package org.parley.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.parley.agreement.AgreementKind;
import org.parley.agreement.AgreementStatus;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;
import org.parley.bulk.ImportReport.Outcome;
import org.parley.bulk.ImportSession.Stored;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lines of {@code type} agreement, with parties, status steps and attestations (an agreement's sources come on its
 * own line, not on attestation lines); found by key.
 */
final class AgreementLines extends LineKind {

    private static final List<String> STEP = List.of("status", "date", "source", "note");
    private static final List<String> ATTESTATION = List.of("source", "excerpt", "note", "reportedDate");
    private static final RecordColumns COLUMNS = new RecordColumns("agreement", List.of("kind", "title", "summary",
            "signed_at_id"));
    private static final ListRows PARTIES = new ListRows("parties", "agreement_party", "agreement_id",
            List.of("actor_id", "position"), (session, agreementId, actor, position) -> new Object[] {
                    session.references.actorId(actor.textValue()), position });
    private static final ListRows STEPS = new ListRows("steps", "agreement_step", "agreement_id",
            List.of("position", "status", "step_date", "step_precision", "source_id", "note"),
            (session, agreementId, step, position) -> {
                PartialDate date = Values.partial(Values.text(step, "date"));
                return new Object[] { position, Values.text(step, "status"), Values.date(date), Values.precision(date),
                        session.references.sourceId(Values.text(step, "source")), Values.text(step, "note") };
            });
    private static final ListRows ATTESTATIONS = new ListRows("attestations", "agreement_attestation",
            "agreement_id", List.of("source_id", "excerpt", "note", "reported_date", "reported_precision", "position"),
            (session, agreementId, attestation, position) -> {
                PartialDate reported = Values.partial(Values.text(attestation, "reportedDate"));
                return new Object[] { session.references.sourceId(Values.text(attestation, "source")),
                        Values.text(attestation, "excerpt"), Values.text(attestation, "note"), Values.date(reported),
                        Values.precision(reported), position };
            });

    AgreementLines() {
        super("agreement", List.of("key", "kind", "title", "summary", "parties", "signedAt", "steps", "attestations"),
                List.of("parties", "steps", "attestations"), "ag.deleted_at is null", "ag.id");
    }

    @Override
    String select() {
        return "select ag.id, ag.slug, ag.kind, ag.title, ag.summary, "
                + list(keyOf("actor", "p.actor_id"), "p.position", "from agreement_party p where p.agreement_id = ag.id")
                + " as parties, en.slug as signed_at, "
                + list("json_build_object('status', st.status, 'date', "
                        + Values.sqlPartial("st.step_date", "st.step_precision") + ", 'source', "
                        + keyOf("source", "st.source_id") + ", 'note', st.note)", "st.position",
                        "from agreement_step st where st.agreement_id = ag.id")
                + " as steps, "
                + list("json_build_object('source', " + keyOf("source", "att.source_id")
                        + ", 'excerpt', att.excerpt, 'note', att.note, 'reportedDate', "
                        + Values.sqlPartial("att.reported_date", "att.reported_precision") + ")", "att.position",
                        "from agreement_attestation att where att.agreement_id = ag.id")
                + " as attestations, ag.deleted_at is not null as deleted from agreement ag"
                + " left join encounter en on en.id = ag.signed_at_id and en.deleted_at is null";
    }

    @Override
    ObjectNode record(ResultSet row) throws SQLException {
        ObjectNode record = start()
                .put("key", row.getString("slug"))
                .put("kind", row.getString("kind"))
                .put("title", row.getString("title"))
                .put("summary", row.getString("summary"));
        record.set("parties", json(row, "parties"));
        record.put("signedAt", row.getString("signed_at"));
        record.set("steps", json(row, "steps"));
        record.set("attestations", json(row, "attestations"));
        return record;
    }

    @Override
    Outcome apply(ImportSession session, ObjectNode line) throws LineRejected, SQLException {
        LineFields fields = LineFields.of(line, session.references, this.fields);
        fields.key();
        fields.choice("kind", AgreementKind.class);
        fields.text("title", 1, 300);
        fields.text("summary", 0, 4000);
        fields.actors("parties");
        fields.encounter("signedAt");
        fields.objects("steps", STEP, step -> {
            step.choice("status", AgreementStatus.class);
            step.partialDate("date");
            step.source("source");
            step.text("note", 0, 2000);
            step.required("status");
        });
        fields.objects("attestations", ATTESTATION, attestation -> {
            attestation.source("source");
            attestation.text("excerpt", 1, 1000);
            attestation.text("note", 0, 2000);
            attestation.partialDate("reportedDate");
            attestation.required("source", "excerpt");
        });
        ObjectNode given = fields.given();
        String key = Values.text(given, "key");
        if (key == null) {
            throw LineRejected.invalid("key: an agreement needs a key");
        }
        Stored existing = find(session.connection, "ag.slug = ?", key);
        ObjectNode merged = merged(existing, given);
        fields.required(merged, "kind", "title");
        if (merged.get("parties").isEmpty()) {
            throw fields.invalid("parties", "needs at least one party");
        }
        if (merged.get("attestations").isEmpty()) {
            throw fields.invalid("attestations", "needs at least one attestation (which source says so)");
        }
        Set<String> sources = new HashSet<>();
        for (JsonNode attestation : merged.get("attestations")) {
            if (!sources.add(Values.text(attestation, "source"))) {
                throw fields.invalid("attestations", "one attestation per source: merge the excerpts of "
                        + Values.text(attestation, "source") + " into one");
            }
        }
        return session.upsert(NodeType.AGREEMENT, existing, merged, record -> insert(session, record),
                (id, record, before) -> update(session, id, record, before));
    }

    private long insert(ImportSession session, ObjectNode record) throws SQLException {
        String key = Values.text(record, "key");
        long id = COLUMNS.insert(session, key, values(session, record));
        PARTIES.insert(session, id, record);
        STEPS.insert(session, id, record);
        ATTESTATIONS.insert(session, id, record);
        session.references.remember(type, new References.Ref(id, key, null));
        return id;
    }

    private static void update(ImportSession session, long id, ObjectNode record, ObjectNode before)
            throws SQLException {
        COLUMNS.update(session, id, values(session, record));
        PARTIES.replace(session, id, record, before);
        STEPS.replace(session, id, record, before);
        ATTESTATIONS.replace(session, id, record, before);
    }

    /** The values of {@link #COLUMNS}. */
    private static Object[] values(ImportSession session, ObjectNode record) throws SQLException {
        return new Object[] { Values.text(record, "kind"), Values.text(record, "title"),
                Values.text(record, "summary"), session.references.encounterId(Values.text(record, "signedAt")) };
    }
}
