package org.parley.bulk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import org.parley.bulk.ImportReport.Outcome;
import org.parley.bulk.ImportSession.Stored;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;
import org.parley.write.Slugs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lines of {@code type} source: an article or document; found by key, or by URL when the line has no key. */
final class SourceLines extends LineKind {

    static final Pattern URL = Pattern.compile("(?i)https?://[^\\s/$.?#][^\\s]*");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]+)*");
    private static final RecordColumns COLUMNS = new RecordColumns("source", List.of("title", "publisher", "author",
            "url", "published_at", "published_on", "published_precision", "updated_at", "printed_offset_seconds",
            "language", "reliability_note"));

    SourceLines() {
        super("source", List.of("key", "title", "publisher", "author", "url", "publishedAt", "publishedOn", "updatedAt",
                "language", "reliabilityNote"), List.of(), "s.deleted_at is null", "s.id");
    }

    @Override
    String select() {
        return "select s.id, s.slug, s.title, s.publisher, s.author, s.url, s.published_at, "
                + Values.sqlPartial("s.published_on", "s.published_precision") + " as published_on, s.updated_at,"
                + " s.printed_offset_seconds, s.language, s.reliability_note, s.deleted_at is not null as deleted"
                + " from source s";
    }

    @Override
    ObjectNode record(ResultSet row) throws SQLException {
        Integer offset = (Integer) row.getObject("printed_offset_seconds");
        return start()
                .put("key", row.getString("slug"))
                .put("title", row.getString("title"))
                .put("publisher", row.getString("publisher"))
                .put("author", row.getString("author"))
                .put("url", row.getString("url"))
                .put("publishedAt", Values.printed(row.getObject("published_at", OffsetDateTime.class), offset))
                .put("publishedOn", row.getString("published_on"))
                .put("updatedAt", Values.printed(row.getObject("updated_at", OffsetDateTime.class), offset))
                .put("language", row.getString("language"))
                .put("reliabilityNote", row.getString("reliability_note"));
    }

    @Override
    Outcome apply(ImportSession session, ObjectNode line) throws LineRejected, SQLException {
        LineFields fields = LineFields.of(line, session.references, this.fields);
        fields.key();
        fields.text("title", 1, 500);
        fields.text("publisher", 1, 200);
        fields.text("author", 1, 200);
        fields.matching("url", URL, "an http or https address");
        fields.dateTime("publishedAt");
        fields.partialDate("publishedOn");
        fields.dateTime("updatedAt");
        fields.matching("language", LANGUAGE, "a language code such as en or pt-BR");
        fields.text("reliabilityNote", 0, 2000);
        ObjectNode given = fields.given();
        String key = Values.text(given, "key");
        String url = Values.text(given, "url");
        Stored existing;
        if (key != null) {
            existing = find(session.connection, "s.slug = ?", key);
        } else if (url != null) {
            existing = find(session.connection, "s.url_key = source_url_key(?) and s.deleted_at is null", url);
        } else {
            throw LineRejected.invalid("key: a source needs a key, or a url to be found by");
        }
        ObjectNode merged = merged(existing, given);
        printInOneOffset(merged);
        OffsetDateTime published = Values.time(Values.text(merged, "publishedAt"));
        OffsetDateTime updated = Values.time(Values.text(merged, "updatedAt"));
        if (published != null && updated != null && updated.isBefore(published)) {
            throw fields.invalid("updatedAt", "must not be before publishedAt");
        }
        return session.upsert(NodeType.SOURCE, existing, merged, record -> insert(session, record),
                (id, record, before) -> COLUMNS.update(session, id, values(record)));
    }

    /** Both times in the offset of the first one given: a source prints its times in one offset, which is kept. */
    private static void printInOneOffset(ObjectNode record) {
        String anchor = Values.text(record, "publishedAt") != null ? Values.text(record, "publishedAt")
                : Values.text(record, "updatedAt");
        if (anchor != null) {
            ZoneOffset offset = Values.time(anchor).getOffset();
            for (String field : List.of("publishedAt", "updatedAt")) {
                OffsetDateTime time = Values.time(Values.text(record, field));
                if (time != null) {
                    record.put(field, Values.format(time.withOffsetSameInstant(offset)));
                }
            }
        }
    }

    private long insert(ImportSession session, ObjectNode record) throws SQLException {
        String key = Values.text(record, "key");
        if (key == null) {
            String url = Values.text(record, "url");
            key = session.freeKey("source", Slugs.of(url.replaceFirst("^https?://(www\\.)?", ""), "source"));
            record.put("key", key);
        }
        long id = COLUMNS.insert(session, key, values(record));
        session.references.remember(type, new References.Ref(id, key, null));
        return id;
    }

    /** The values of {@link #COLUMNS}. */
    private static Object[] values(ObjectNode record) {
        OffsetDateTime published = Values.time(Values.text(record, "publishedAt"));
        OffsetDateTime updated = Values.time(Values.text(record, "updatedAt"));
        OffsetDateTime printed = published != null ? published : updated;
        PartialDate on = Values.partial(Values.text(record, "publishedOn"));
        return new Object[] { Values.text(record, "title"), Values.text(record, "publisher"),
                Values.text(record, "author"), Values.text(record, "url"), published, Values.date(on),
                Values.precision(on), updated, printed == null ? null : printed.getOffset().getTotalSeconds(),
                Values.text(record, "language"), Values.text(record, "reliabilityNote") };
    }
}
