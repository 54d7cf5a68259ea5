package org.parley.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.parley.bulk.ImportReport.Outcome;
import org.parley.bulk.ImportSession.Stored;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lines of {@code type} attestation: a source's support for one encounter or one statement, found by the two. A
 * written attestation counts as a change of its encounter or statement (the change feed and the audit show that).
 */
final class AttestationLines extends LineKind {

    AttestationLines() {
        super("attestation", List.of("source", "encounter", "statement", "excerpt", "note", "reportedDate"), List.of(),
                "s.deleted_at is null and coalesce(e.deleted_at, st.deleted_at) is null", "a.id");
    }

    @Override
    String select() {
        return "select a.id, s.slug as source, e.slug as encounter, st.slug as statement, a.excerpt, a.note, "
                + Values.sqlPartial("a.reported_date", "a.reported_precision") + " as reported_date, false as deleted"
                + " from attestation a join source s on s.id = a.source_id"
                + " left join encounter e on e.id = a.encounter_id left join statement st on st.id = a.statement_id";
    }

    @Override
    ObjectNode record(ResultSet row) throws SQLException {
        ObjectNode record = start().put("source", row.getString("source"));
        String encounter = row.getString("encounter");
        if (encounter != null) {
            record.put("encounter", encounter);
        } else {
            record.put("statement", row.getString("statement"));
        }
        return record.put("excerpt", row.getString("excerpt"))
                .put("note", row.getString("note"))
                .put("reportedDate", row.getString("reported_date"));
    }

    @Override
    Outcome apply(ImportSession session, ObjectNode line) throws LineRejected, SQLException {
        LineFields fields = LineFields.of(line, session.references, this.fields);
        References.Ref source = fields.source("source");
        References.Ref encounter = fields.encounter("encounter");
        References.Ref statement = fields.statement("statement", false);
        fields.text("excerpt", 1, 1000);
        fields.text("note", 0, 2000);
        fields.partialDate("reportedDate");
        if (source == null) {
            throw fields.invalid("source", "is required");
        }
        if ((encounter == null) == (statement == null)) {
            throw LineRejected.invalid("give exactly one of encounter and statement");
        }
        ObjectNode given = fields.given();
        given.remove(encounter == null ? "encounter" : "statement"); // whatever null the line gave for the other
        NodeType subjectType = encounter != null ? NodeType.ENCOUNTER : NodeType.STATEMENT;
        String subjectColumn = encounter != null ? "encounter_id" : "statement_id";
        long subjectId = encounter != null ? encounter.id() : statement.id();
        Stored existing = find(session.connection, "a.source_id = ? and a." + subjectColumn + " = ?", source.id(),
                subjectId);
        ObjectNode merged = merge(existing == null ? start() : existing.record(), given);
        fields.required(merged, "excerpt");
        PartialDate reported = Values.partial(Values.text(merged, "reportedDate"));
        Object[] values = { Values.text(merged, "excerpt"), Values.text(merged, "note"), Values.date(reported),
                Values.precision(reported), source.id(), subjectId };
        Outcome outcome;
        if (existing == null) {
            session.update("insert into attestation (excerpt, note, reported_date, reported_precision, source_id, "
                    + subjectColumn + ") values (?, ?, ?, ?, ?, ?)", values);
            outcome = Outcome.CREATED;
        } else if (session.mode == Importer.Mode.ADD_MISSING || existing.record().equals(merged)) {
            return Outcome.UNCHANGED;
        } else {
            session.update("update attestation set excerpt = ?, note = ?, reported_date = ?, reported_precision = ?"
                    + " where source_id = ? and " + subjectColumn + " = ?", values);
            outcome = Outcome.UPDATED;
        }
        session.update("update " + (encounter != null ? "encounter" : "statement") + " set modified_at = now()"
                + " where id = ?", subjectId);
        session.written(subjectType, subjectId, false);
        return outcome;
    }
}
