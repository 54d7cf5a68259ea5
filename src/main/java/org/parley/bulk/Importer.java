package org.parley.bulk;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Imports a file of JSON Lines (docs/IMPORT.md) in the caller's transaction, reading it as a stream: lines are
 * applied in chunks, each under a savepoint, so that a line the database refuses is found and reported without
 * losing the rest of the work; what the end of the file must check is kept in temporary tables. The caller commits
 * when the report has no rejected line, and rolls back otherwise: an import is all or nothing.
 */
public final class Importer {

    /** How lines about records already stored are applied. */
    public enum Mode {
        /** Records are created or updated to what the lines state. */
        UPSERT,
        /** Only records not yet stored are created; stored ones are left as they are (the curated data at start). */
        ADD_MISSING
    }

    /**
     * The advisory lock that imports (and the data set loader) hold for their transaction: in {@code pg_locks}, a row
     * of locktype advisory with {@code classid::bigint << 32 | objid::bigint} equal to it.
     */
    public static final long LOCK_ID = 0x7061726c6579L;
    /**
     * The {@code application_name} of an import's connection for the length of its transaction, so that
     * {@code pg_stat_activity} shows which backend runs it (to watch it, or to end it with
     * {@code pg_terminate_backend}: the import then fails and leaves nothing).
     */
    public static final String APPLICATION_NAME = "parley-import";
    /** The longest line read; longer ones are rejected without being held in memory. */
    static final int MAX_LINE_LENGTH = 1_000_000;
    private static final int CHUNK_LINES = 500;
    private static final int CHUNK_CHARACTERS = 4_000_000;

    /** The types of lines, in the order an export writes them. */
    static final List<LineKind> KINDS = List.of(new SourceLines(), new ActorLines(), new EncounterLines(),
            new AgreementLines(), new StatementLines(), new AttestationLines());
    private static final Map<String, LineKind> BY_TYPE = new LinkedHashMap<>();
    static {
        KINDS.forEach(kind -> BY_TYPE.put(kind.type, kind));
    }

    private static final ObjectMapper PARSER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A line parsed, waiting in its chunk. */
    private record Parsed(int number, LineKind kind, ObjectNode line) {
    }

    private final ImportSession session;
    private final ImportReport report = new ImportReport();

    private Importer(Connection connection, Mode mode) {
        this.session = new ImportSession(connection, mode);
    }

    /**
     * Applies the lines of {@code in} in the transaction of {@code connection} (which must not be in auto-commit
     * mode) and records the changes in the change log under {@code subject}; returns the report. The caller commits
     * if {@link ImportReport#accepted()}, else rolls back.
     */
    public static ImportReport run(Connection connection, Reader in, String subject, Mode mode)
            throws SQLException, IOException {
        Importer importer = new Importer(connection, mode);
        importer.session.begin(APPLICATION_NAME, LOCK_ID);
        importer.read(new LineReader(in, MAX_LINE_LENGTH));
        importer.finish();
        if (importer.report.accepted()) {
            importer.audit(subject);
        }
        importer.report.sortRejections();
        return importer.report;
    }

    private void read(LineReader lines) throws IOException, SQLException {
        List<Parsed> chunk = new ArrayList<>();
        int characters = 0;
        for (LineReader.Line line; (line = lines.next()) != null;) {
            if (!line.tooLong() && line.text().isBlank()) {
                continue;
            }
            report.lines++;
            Parsed parsed = parse(line);
            if (parsed != null) {
                chunk.add(parsed);
                characters += line.text().length();
            }
            if (chunk.size() == CHUNK_LINES || characters >= CHUNK_CHARACTERS) {
                apply(chunk);
                chunk.clear();
                characters = 0;
            }
        }
        apply(chunk);
    }

    /** The line as a JSON object of a known type; null (and the line rejected) otherwise. */
    private Parsed parse(LineReader.Line line) {
        if (line.tooLong()) {
            report.reject(line.number(), ImportRejectionReason.BAD_JSON,
                    "the line is longer than " + MAX_LINE_LENGTH + " characters");
            return null;
        }
        JsonNode node;
        try {
            node = PARSER.readTree(line.text());
        } catch (JsonProcessingException e) {
            report.reject(line.number(), ImportRejectionReason.BAD_JSON, "not JSON: " + e.getOriginalMessage());
            return null;
        }
        if (!node.isObject()) {
            report.reject(line.number(), ImportRejectionReason.BAD_JSON, "not a JSON object");
            return null;
        }
        JsonNode type = node.get("type");
        LineKind kind = type == null || !type.isTextual() ? null : BY_TYPE.get(type.textValue());
        if (kind == null) {
            report.reject(line.number(), ImportRejectionReason.UNKNOWN_TYPE, "type: "
                    + (type == null ? "missing" : type + " is not one of " + BY_TYPE.keySet()));
            return null;
        }
        return new Parsed(line.number(), kind, (ObjectNode) node);
    }

    /**
     * Applies a chunk under a savepoint. When the database refuses a line, the chunk is rolled back and applied
     * again line by line, each under its own savepoint, to find which lines it refuses.
     */
    private void apply(List<Parsed> chunk) throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        Connection connection = session.connection;
        int position = session.statementPosition();
        ImportReport tally = new ImportReport();
        Savepoint savepoint = connection.setSavepoint();
        try {
            for (Parsed line : chunk) {
                apply(line, tally);
            }
            session.flush();
            connection.releaseSavepoint(savepoint);
            add(tally);
            return;
        } catch (SQLException e) {
            if (!refusal(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            session.reset(position);
        }
        for (Parsed line : chunk) {
            int before = session.statementPosition();
            ImportReport one = new ImportReport();
            Savepoint single = connection.setSavepoint();
            try {
                apply(line, one);
                session.flush();
                connection.releaseSavepoint(single);
                add(one);
            } catch (SQLException e) {
                if (!refusal(e)) {
                    throw e;
                }
                connection.rollback(single);
                session.reset(before);
                report.reject(line.number(), ImportRejectionReason.INVALID, message(e));
            }
        }
    }

    private void apply(Parsed line, ImportReport tally) throws SQLException {
        session.line = line.number();
        try {
            tally.count(line.kind().apply(session, line.line()));
        } catch (LineRejected e) {
            tally.reject(line.number(), e.reason, e.getMessage());
        }
    }

    private void add(ImportReport tally) {
        report.created += tally.created;
        report.updated += tally.updated;
        report.unchanged += tally.unchanged;
        tally.rejections.forEach(r -> report.reject(r.line, r.reason, r.message));
    }

    /**
     * What the whole file decides: references to records of later lines, encounters and statements created without
     * an attestation, names shared by two actors, and the status histories to start. A line found wrong here was
     * counted as created or updated: it is counted as rejected instead (once, with its first problem).
     */
    private void finish() throws SQLException {
        session.update("analyze import_written, import_later, import_history"); // temporary tables have no statistics
        session.update("update actor x set country_id = t.id from import_later l join actor t"
                + " on " + LATER_ACTOR + " where l.kind = 'country' and x.id = l.owner_id");
        session.update("update actor_role x set organization_id = t.id from import_later l join actor t"
                + " on " + LATER_ACTOR
                + " where l.kind = 'organization' and x.actor_id = l.owner_id and x.position = l.position");
        session.update("update statement x set responds_to_id = t.id from import_later l join statement t"
                + " on t.slug = l.ref and t.deleted_at is null where l.kind = 'respondsTo' and x.id = l.owner_id");
        session.update("insert into statement_about_statement (statement_id, about_statement_id, position)"
                + " select l.owner_id, t.id, l.position from import_later l join statement t on t.slug = l.ref"
                + " and t.deleted_at is null where l.kind = 'aboutStatements' and t.id <> l.owner_id"
                + " on conflict do nothing");
        try (PreparedStatement statement = session.connection.prepareStatement(PROBLEMS);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                report.reject(rows.getInt("line"), ImportRejectionReason.valueOf(rows.getString("reason")),
                        rows.getString("message"));
                if (rows.getBoolean("created")) {
                    report.created--;
                } else {
                    report.updated--;
                }
            }
        }
        // set-based: a subquery "order by a.id limit 1" per encounter may walk the whole attestation index by id
        session.update("insert into encounter_status_change (encounter_id, status, source_id)"
                + " select first.id, first.status, first.source_id from (select distinct on (h.line) h.line, e.id,"
                + " e.status, a.source_id from import_history h join encounter e on e.id = h.encounter_id"
                + " left join attestation a on a.encounter_id = e.id order by h.line, a.id) first order by first.line");
    }

    /** The live actor a reference to a later line names, by key or Wikidata ID. */
    private static final String LATER_ACTOR = "(t.slug = l.ref or t.wikidata_id = l.ref) and t.deleted_at is null";

    /** The lines found wrong at the end of the file, with the first problem of each. */
    private static final String PROBLEMS = """
            select distinct on (p.line) p.line, p.reason, p.message,
                (select w.created from import_written w where w.line = p.line limit 1) as created
            from (
                select l.line, 'UNKNOWN_REFERENCE' as reason, l.kind || ': no '
                    || case when l.kind in ('respondsTo', 'aboutStatements') then 'statement' else 'actor' end
                    || ' "' || l.ref
                    || '" in the database or in the file' as message
                from import_later l
                where not exists (select 1 from actor t where l.kind in ('country', 'organization')
                        and (t.slug = l.ref or t.wikidata_id = l.ref) and t.deleted_at is null)
                    and not exists (select 1 from statement t where l.kind in ('respondsTo', 'aboutStatements')
                        and t.slug = l.ref
                        and t.deleted_at is null)
                union all
                select l.line, 'INVALID', 'country: must be an actor of kind STATE, not ' || t.kind
                from import_later l join actor t on (t.slug = l.ref or t.wikidata_id = l.ref) and t.deleted_at is null
                where l.kind = 'country' and t.kind <> 'STATE'
                union all
                select w.line, 'INVALID', 'a new ' || lower(w.node_type)
                    || ' needs at least one attestation line (which source says so)'
                from import_written w
                where w.created and (w.node_type = 'Encounter'
                        and not exists (select 1 from attestation a where a.encounter_id = w.node_id)
                    or w.node_type = 'Statement'
                        and not exists (select 1 from attestation a where a.statement_id = w.node_id))
                union all
                select w.line, 'INVALID',
                    'the name or alias "' || mine.name || '" already names the actor ' || other.slug
                from import_written w
                join (select id, name, normalized_name as normalized from actor
                    union all select actor_id, alias, normalized from actor_alias) mine on mine.id = w.node_id
                join (select id, normalized_name as normalized from actor
                    union all select actor_id, normalized from actor_alias) theirs
                    on theirs.normalized = mine.normalized and theirs.id <> mine.id
                join actor other on other.id = theirs.id and other.deleted_at is null
                where w.node_type = 'Actor'
            ) p
            order by p.line
            """;

    /** One change-log entry per record written, in the order of the file. */
    private void audit(String subject) throws SQLException {
        session.update("insert into change_log (subject, operation, node_type, node_id) select ?, 'import',"
                + " node_type, node_id from import_written group by node_type, node_id order by min(line)", subject);
    }

    /** A refusal of the data by the database (a constraint, a value out of range), as opposed to a failure. */
    private static boolean refusal(SQLException e) {
        String state = cause(e).getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("22"));
    }

    private static String message(SQLException e) {
        SQLException cause = cause(e);
        if (cause instanceof PSQLException refused && refused.getServerErrorMessage() != null) {
            ServerErrorMessage server = refused.getServerErrorMessage();
            return "refused by the database: " + server.getMessage()
                    + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
        }
        return "refused by the database: " + cause.getMessage();
    }

    /** A batch's failure carries the statement's failure as its next exception. */
    private static SQLException cause(SQLException e) {
        return e.getNextException() != null ? e.getNextException() : e;
    }
}
