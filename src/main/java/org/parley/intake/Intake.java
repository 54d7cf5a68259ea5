package org.parley.intake;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.errors.BadUserInputException;

import io.vertx.mutiny.sqlclient.Row;

@Type("Intake")
@Description("An article an editor pasted, with what Parley proposes to record from it and what the editor"
        + " accepted. Visible to editors only.")
public class Intake {

    static final String COLUMNS = "i.id, i.status, i.url, i.title, i.publisher, i.published_at, i.published_on,"
            + " i.language, i.text_length, i.truncated, i.unbalanced_quote_marks, i.created_by, i.created_at,"
            + " i.closed_by, i.closed_at, i.accepted::text as accepted, i.source_id, i.version";
    private static final String ID_PREFIX = "Intake:";

    @Ignore
    public long dbId;

    @Ignore
    public Long sourceId;

    /**
     * The proposals and text proposeFromArticle has just stored, for its own answer: the fields {@code proposals}
     * and {@code text} take them from here rather than read the row's JSON back and parse it again. Null otherwise.
     */
    @Ignore
    List<Proposal> justStored;

    @Ignore
    String justStoredText;

    @Id
    @NonNull
    @Description("The intake's ID.")
    public String id;

    @NonNull
    @Description("Open, accepted or discarded.")
    public IntakeStatus status;

    @Description("The article's address, as given.")
    public String url;

    @Description("The headline, as given.")
    public String title;

    @Description("Who published it, as given.")
    public String publisher;

    @Description("When it was published, where a time was given.")
    public OffsetDateTime publishedAt;

    @Description("The publication date that relative dates (\"on Thursday\") were resolved against.")
    public LocalDate publishedOn;

    @NonNull
    @Description("The article's language (BCP 47). English has rules for speakers, reported speech, dates and"
            + " encounters; other languages get quotations by their marks and ISO dates.")
    public String language;

    @Description("The article's length in UTF-16 code units, the unit of the offsets.")
    public int textLength;

    @Description("True when the article held more than `parley.intake.max-proposals` proposals: those after the"
            + " limit were left out.")
    public boolean truncated;

    @Description("Quotation marks that nothing closed or opened: their words were not proposed.")
    public int unbalancedQuoteMarks;

    @Description("The editor who pasted it (the token's subject).")
    public String createdBy;

    @NonNull
    @Description("When it was pasted.")
    public OffsetDateTime createdAt;

    @Description("The editor who accepted or discarded it.")
    public String closedBy;

    @Description("When it was accepted or discarded.")
    public OffsetDateTime closedAt;

    /** What acceptance wrote (the GraphQL field {@code accepted(first:)}). */
    @Ignore
    public List<AcceptedRecord> accepted = List.of();

    @Description("Changes with every acceptance or discard.")
    public int version;

    static String encodeId(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((ID_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The row id of an intake ID; BAD_USER_INPUT naming {@code argument} when it is not one. */
    static long decodeId(String id, String argument) {
        if (id != null && id.length() <= 64) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
                if (plain.startsWith(ID_PREFIX)) {
                    long value = Long.parseLong(plain.substring(ID_PREFIX.length()));
                    if (value > 0) {
                        return value;
                    }
                }
            } catch (IllegalArgumentException e) {
                // below
            }
        }
        throw new BadUserInputException(argument + " must be the ID of an Intake");
    }

    static Intake from(Row row, java.util.function.Function<String, List<AcceptedRecord>> accepted) {
        Intake intake = new Intake();
        intake.dbId = row.getLong("id");
        intake.id = encodeId(intake.dbId);
        intake.status = IntakeStatus.valueOf(row.getString("status"));
        intake.url = row.getString("url");
        intake.title = row.getString("title");
        intake.publisher = row.getString("publisher");
        intake.publishedAt = row.getOffsetDateTime("published_at");
        intake.publishedOn = row.getLocalDate("published_on");
        intake.language = row.getString("language");
        intake.textLength = row.getInteger("text_length");
        intake.truncated = row.getBoolean("truncated");
        intake.unbalancedQuoteMarks = row.getInteger("unbalanced_quote_marks");
        intake.createdBy = row.getString("created_by");
        intake.createdAt = row.getOffsetDateTime("created_at");
        intake.closedBy = row.getString("closed_by");
        intake.closedAt = row.getOffsetDateTime("closed_at");
        String acceptedJson = row.getString("accepted");
        intake.accepted = acceptedJson == null ? List.of() : accepted.apply(acceptedJson);
        intake.sourceId = row.getLong("source_id");
        intake.version = row.getInteger("version");
        return intake;
    }
}
