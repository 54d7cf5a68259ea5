package org.parley.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.parley.bulk.ImportReport.Outcome;
import org.parley.bulk.ImportSession.Stored;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;
import org.parley.statement.StatementKind;
import org.parley.statement.StatementMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lines of {@code type} statement; found by key. {@code respondsTo} and {@code aboutStatements} may name a statement
 * of a later line. New
 * statements keep the order of the file (their position among statements said on the same date).
 */
final class StatementLines extends LineKind {

    /** New statements also get their position, which updates keep. */
    private static final RecordColumns COLUMNS = new RecordColumns("statement", List.of("text", "mode", "kind",
            "speaker_id", "speaker_label", "said_date", "said_precision", "said_earliest", "said_latest",
            "said_resolution", "said_note", "encounter_id", "responds_to_id"),
            List.of("position"));
    private static final ListRows ABOUT = new ListRows("about", "statement_about", "statement_id",
            List.of("actor_id", "position"), (session, statementId, actor, position) -> new Object[] {
                    session.references.actorId(actor.textValue()), position });

    private static final ListRows ABOUT_ENCOUNTERS = new ListRows("aboutEncounters", "statement_about_encounter",
            "statement_id", List.of("encounter_id", "position"), (session, statementId, encounter, position) ->
                    new Object[] { session.references.encounterId(encounter.textValue()), position });

    private static final ListRows ABOUT_AGREEMENTS = new ListRows("aboutAgreements", "statement_about_agreement",
            "statement_id", List.of("agreement_id", "position"), (session, statementId, agreement, position) ->
                    new Object[] { session.references.keyedId(NodeType.AGREEMENT, agreement.textValue()), position });

    private static final ListRows ABOUT_SOURCES = new ListRows("aboutSources", "statement_about_source",
            "statement_id", List.of("source_id", "position"), (session, statementId, source, position) ->
                    new Object[] { session.references.sourceId(source.textValue()), position });

    /** A statement commented on that comes on a later line is linked at the end of the file. */
    private static final ListRows ABOUT_STATEMENTS = new ListRows("aboutStatements", "statement_about_statement",
            "statement_id", List.of("about_statement_id", "position"), (session, statementId, statement, position) -> {
                Long found = session.references.statementId(statement.textValue());
                session.laterUnlessFound("aboutStatements", statementId, position, statement.textValue(), found);
                return found == null ? null : new Object[] { found, position };
            });

    StatementLines() {
        super("statement", List.of("key", "text", "mode", "kind", "speaker", "speakerLabel", "saidOn", "encounter",
                "about", "respondsTo", "aboutEncounters", "aboutAgreements", "aboutSources", "aboutStatements"),
                List.of("about", "aboutEncounters", "aboutAgreements", "aboutSources", "aboutStatements"),
                "st.deleted_at is null",
                "st.position, st.id");
    }

    @Override
    String select() {
        return "select st.id, st.slug, st.text, st.mode, st.kind, sp.slug as speaker, st.speaker_label, "
                + PartialDate.columns("st", "said") + ", en.slug as encounter, "
                + list(keyOf("actor", "sa.actor_id"), "sa.position",
                        "from statement_about sa where sa.statement_id = st.id")
                + " as about, "
                + list(keyOf("encounter", "se.encounter_id"), "se.position",
                        "from statement_about_encounter se where se.statement_id = st.id")
                + " as about_encounters, "
                + list(keyOf("agreement", "sg.agreement_id"), "sg.position",
                        "from statement_about_agreement sg where sg.statement_id = st.id")
                + " as about_agreements, "
                + list(keyOf("source", "ss.source_id"), "ss.position",
                        "from statement_about_source ss where ss.statement_id = st.id")
                + " as about_sources, "
                + list(keyOf("statement", "sx.about_statement_id"), "sx.position",
                        "from statement_about_statement sx where sx.statement_id = st.id")
                + " as about_statements, rt.slug as responds_to, st.deleted_at is not null as deleted from statement st"
                + " left join actor sp on sp.id = st.speaker_id and sp.deleted_at is null"
                + " left join encounter en on en.id = st.encounter_id and en.deleted_at is null"
                + " left join statement rt on rt.id = st.responds_to_id and rt.deleted_at is null";
    }

    @Override
    ObjectNode record(ResultSet row) throws SQLException {
        ObjectNode record = start()
                .put("key", row.getString("slug"))
                .put("text", row.getString("text"))
                .put("mode", row.getString("mode"))
                .put("kind", row.getString("kind"))
                .put("speaker", row.getString("speaker"))
                .put("speakerLabel", row.getString("speaker_label"));
        record.set("saidOn", Values.node(Values.partial(row, "said")));
        record.put("encounter", row.getString("encounter"));
        record.set("about", json(row, "about"));
        record.put("respondsTo", row.getString("responds_to"));
        record.set("aboutEncounters", json(row, "about_encounters"));
        record.set("aboutAgreements", json(row, "about_agreements"));
        record.set("aboutSources", json(row, "about_sources"));
        record.set("aboutStatements", json(row, "about_statements"));
        return record;
    }

    @Override
    Outcome apply(ImportSession session, ObjectNode line) throws LineRejected, SQLException {
        LineFields fields = LineFields.of(line, session.references, this.fields);
        fields.key();
        fields.text("text", 1, 4000);
        fields.choice("mode", StatementMode.class);
        fields.choice("kind", StatementKind.class);
        fields.actor("speaker", false);
        fields.text("speakerLabel", 1, 300);
        fields.uncertainDate("saidOn");
        fields.encounter("encounter");
        fields.actors("about");
        fields.encounters("aboutEncounters");
        fields.keys("aboutAgreements", NodeType.AGREEMENT);
        fields.keys("aboutSources", NodeType.SOURCE);
        fields.keys("aboutStatements", NodeType.STATEMENT, true);
        fields.statement("respondsTo", true);
        ObjectNode given = fields.given();
        String key = Values.text(given, "key");
        if (key == null) {
            throw LineRejected.invalid("key: a statement needs a key");
        }
        if (key.equals(Values.text(given, "respondsTo"))) {
            throw fields.invalid("respondsTo", "a statement cannot respond to itself");
        }
        JsonNode aboutStatements = given.get("aboutStatements");
        for (int i = 0; aboutStatements != null && i < aboutStatements.size(); i++) {
            if (key.equals(aboutStatements.get(i).textValue())) {
                throw fields.invalid("aboutStatements[" + i + "]", "a statement cannot be about itself");
            }
        }
        Stored existing = find(session.connection, "st.slug = ?", key);
        ObjectNode merged = merged(existing, given);
        fields.required(merged, "text", "mode", "kind");
        if (Values.text(merged, "speaker") == null && Values.text(merged, "speakerLabel") == null) {
            throw fields.invalid("speaker", "give a speaker, a speakerLabel or both");
        }
        return session.upsert(NodeType.STATEMENT, existing, merged, record -> insert(session, record),
                (id, record, before) -> update(session, id, record, before));
    }

    private long insert(ImportSession session, ObjectNode record) throws SQLException {
        String key = Values.text(record, "key");
        String respondsTo = Values.text(record, "respondsTo");
        Long respondsToId = session.references.statementId(respondsTo);
        long id = COLUMNS.insert(session, key, values(session, record, respondsToId), session.takeStatementPosition());
        session.laterUnlessFound("respondsTo", id, null, respondsTo, respondsToId);
        ABOUT.insert(session, id, record);
        ABOUT_ENCOUNTERS.insert(session, id, record);
        ABOUT_AGREEMENTS.insert(session, id, record);
        ABOUT_SOURCES.insert(session, id, record);
        ABOUT_STATEMENTS.insert(session, id, record);
        session.references.remember(type, new References.Ref(id, key, null));
        return id;
    }

    private static void update(ImportSession session, long id, ObjectNode record, ObjectNode before)
            throws SQLException {
        String respondsTo = Values.text(record, "respondsTo");
        Long respondsToId = session.references.statementId(respondsTo);
        COLUMNS.update(session, id, values(session, record, respondsToId));
        session.laterUnlessFound("respondsTo", id, null, respondsTo, respondsToId);
        ABOUT.replace(session, id, record, before);
        ABOUT_ENCOUNTERS.replace(session, id, record, before);
        ABOUT_AGREEMENTS.replace(session, id, record, before);
        ABOUT_SOURCES.replace(session, id, record, before);
        ABOUT_STATEMENTS.replace(session, id, record, before);
    }

    /** The values of {@link #COLUMNS}; a statement responded to that comes on a later line is set at the end. */
    private static Object[] values(ImportSession session, ObjectNode record, Long respondsToId) throws SQLException {
        PartialDate said = Values.partial(record.get("saidOn"));
        Object[] interval = Values.interval(said);
        return new Object[] { Values.text(record, "text"), Values.text(record, "mode"), Values.text(record, "kind"),
                session.references.actorId(Values.text(record, "speaker")), Values.text(record, "speakerLabel"),
                Values.date(said), Values.precision(said), interval[0], interval[1], interval[2], interval[3],
                session.references.encounterId(Values.text(record, "encounter")), respondsToId };
    }
}
