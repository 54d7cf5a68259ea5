package org.parley.source;

import java.util.List;
import org.parley.read.Related;
import org.parley.read.ToOne;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.GlobalId;
import org.parley.api.Node;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;

import io.vertx.mutiny.sqlclient.Row;

@Type("Source")
@Description("An article or document that reports encounters and statements.")
public class Source extends Related implements Node {

    @Ignore
    public long dbId;

    @Description("The headline as printed; null when the copy prints none.")
    public String title;

    @Description("Who published it, e.g. \"Moneycontrol\"; null when the copy does not say.")
    public String publisher;

    @Description("The byline as printed.")
    public String author;

    @Description("Address of the article; null when unknown.")
    public String url;

    @Description("When it was first published, in the time zone the article prints; null when it prints no time.")
    public OffsetDateTime publishedAt;

    @Description("The publication date as precisely as the article gives it.")
    public PartialDate publishedOn;

    @Description("When it was last updated, in the time zone the article prints.")
    public OffsetDateTime updatedAt;

    @Description("Language of the article (BCP 47 code, e.g. \"en\").")
    public String language;

    @Description("Why and how far to trust this source: machine-generated text, missing metadata, contradictions.")
    public String reliabilityNote;

    @Description("Incremented by every accepted change; an update names the version it is based on.")
    public int version;

    @NonNull
    @Description("When this record last changed in Parley (filter lists with `updatedSince` to sync).")
    public OffsetDateTime changedAt;

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID; `node(id:)` resolves it.")
    public String getId() {
        return GlobalId.encode(NodeType.SOURCE, dbId);
    }

    /** Columns {@link #from(Row)} reads; the table is aliased {@code src}. */
    public static final String COLUMNS = "src.id, src.title, src.publisher, src.author, src.url, src.published_at,"
            + " src.published_on, src.published_precision, src.updated_at, src.printed_offset_seconds, src.language,"
            + " src.reliability_note, src.version, src.modified_at";

    /** By publication date (undated last). */
    public static final String ORDER = "src.published_on nulls last, src.published_at nulls last, src.id";

    /** The source as a related row (table {@code source} aliased {@code src}), as {@code byIds} reads it. */
    static ToOne relation(String field, String foreignKey) {
        return new ToOne(field, foreignKey, "source", "src", COLUMNS, "src.deleted_at is null", Source::from, List::of);
    }

    public static Source from(Row row) {
        Source source = new Source();
        source.dbId = row.getLong("id");
        source.title = row.getString("title");
        source.publisher = row.getString("publisher");
        source.author = row.getString("author");
        source.url = row.getString("url");
        Integer offset = row.getInteger("printed_offset_seconds");
        ZoneOffset zone = offset == null ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offset);
        source.publishedAt = inZone(row.getOffsetDateTime("published_at"), zone);
        source.publishedOn = PartialDate.from(row, "published_on", "published_precision");
        source.updatedAt = inZone(row.getOffsetDateTime("updated_at"), zone);
        source.language = row.getString("language");
        source.reliabilityNote = row.getString("reliability_note");
        source.version = row.getInteger("version");
        source.changedAt = row.getOffsetDateTime("modified_at");
        return source;
    }

    private static OffsetDateTime inZone(OffsetDateTime time, ZoneOffset zone) {
        return time == null ? null : time.withOffsetSameInstant(zone);
    }
}
