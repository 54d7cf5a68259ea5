package org.parley.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.api.PartialDate;
import org.parley.api.PartialDateInput;
import org.parley.errors.BadUserInputException;
import org.parley.write.InputValidation;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Article intakes: reading an article into proposals and storing them (nothing else is written), accepting chosen
 * proposals in one transaction through the other packages' write paths ({@link IntakeWriter}), and discarding.
 */
@ApplicationScoped
public class IntakeService {

    /** What the intake knows of the publication: its time where given, and its date as printed. */
    record Published(OffsetDateTime at, LocalDate on) {
    }

    private final InputValidation validation;
    private final IntakeSettings settings;
    private final IntakeMatcher matcher;
    private final IntakeWriter writer;
    private final IntakeJson json;
    private final Pool pool;

    IntakeService(InputValidation validation, IntakeSettings settings, IntakeMatcher matcher, IntakeWriter writer,
            IntakeJson json, Pool pool) {
        this.validation = validation;
        this.settings = settings;
        this.matcher = matcher;
        this.writer = writer;
        this.json = json;
        this.pool = pool;
    }

    /** An intake just stored: its id, and the proposals and text stored with it. */
    record Stored(long id, List<Proposal> proposals, String text) {
    }

    /** Reads the article and stores the intake with its proposals. */
    public Uni<Stored> propose(ProposeFromArticleInput input, String subject) {
        validation.check(input);
        checkText(input.text);
        Published published = published(input.published);
        String title = input.title == null ? null : input.title.strip();
        // the reading is CPU work in proportion to the text: off the event loop
        // the database calls run back on the request's Vert.x context, as every other resolver's do
        Context requestContext = Vertx.currentContext();
        Executor onRequestContext = requestContext == null ? Runnable::run
                : task -> requestContext.runOnContext(ignored -> task.run());
        return Uni.createFrom().item(() -> ArticleAnalyzer.analyze(input.text, input.language, published.on(), title,
                settings.maxProposals()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(onRequestContext)
                .call(analysis -> matcher.match(analysis.proposals(), input.url))
                .chain(analysis -> pool.preparedQuery("insert into intake (url, title, publisher, published_at,"
                        + " published_on, language, text, text_length, proposals, truncated, unbalanced_quote_marks,"
                        + " created_by) values ($1, $2, $3, $4, $5, $6, $7, $8, cast($9::text as jsonb), $10, $11, $12) returning id")
                        .execute(Tuple.from(Arrays.<Object> asList(input.url, title, input.publisher, published.at(),
                                published.on(), input.language, input.text, input.text.length(),
                                json.write(analysis.proposals()), analysis.truncated(), analysis.unbalancedQuoteMarks(),
                                subject)))
                        .map(rows -> new Stored(rows.iterator().next().getLong("id"), analysis.proposals(),
                                input.text)));
    }

    /**
     * Writes the accepted proposals, the source with them, and closes the intake, all in this one transaction; a
     * refusal anywhere rolls all of it back. An intake no longer open is refused (CONFLICT): accepting twice writes
     * nothing the second time.
     */
    @WithTransaction
    public Uni<Long> accept(AcceptIntakeInput input, String subject) {
        validation.check(input);
        long id = intakeId(input.intake);
        if (input.accept.isEmpty()) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "accept at least one proposal;"
                    + " discardIntake closes an intake without writing anything", "input", "accept"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.accept.size(); i++) {
            if (!seen.add(input.accept.get(i).proposal)) {
                throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "accepted twice: give each proposal"
                        + " once", "input", "accept", String.valueOf(i), "proposal"));
            }
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("select status, text,"
                + " cast(proposals as text), url, title, publisher, published_at, published_on, language"
                + " from intake where id = :id for update", Object[].class)
                .setParameter("id", id)
                .getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        throw notFound();
                    }
                    Object[] row = rows.get(0);
                    requireOpen((String) row[0]);
                    Map<String, Proposal> proposals = new HashMap<>();
                    json.proposals((String) row[2]).forEach(p -> proposals.put(p.id, p));
                    IntakeWriter.Article article = new IntakeWriter.Article((String) row[1], (String) row[3],
                            (String) row[4], (String) row[5], offsetDateTime(row[6]), localDate(row[7]),
                            (String) row[8]);
                    return writer.write(article, proposals, input.accept);
                })
                .chain(written -> Panache.getSession().chain(session -> session.createNativeQuery("update intake set"
                        + " status = 'ACCEPTED', accepted = cast(cast(:accepted as text) as jsonb), source_id = :source,"
                        + " closed_by = :subject, closed_at = now(), version = version + 1"
                        + (settings.keepClosedText() ? "" : ", text = null") + " where id = :id")
                        .setParameter("accepted", json.write(written.records()))
                        .setParameter("source", written.sourceId())
                        .setParameter("subject", subject)
                        .setParameter("id", id)
                        .executeUpdate()))
                .replaceWith(id);
    }

    /** Closes an open intake without writing anything. */
    public Uni<Long> discard(DiscardIntakeInput input, String subject) {
        validation.check(input);
        long id = intakeId(input.intake);
        return pool.preparedQuery("update intake set status = 'DISCARDED', closed_by = $2, closed_at = now(),"
                + " version = version + 1" + (settings.keepClosedText() ? "" : ", text = null")
                + " where id = $1 and status = 'OPEN' returning id").execute(Tuple.of(id, subject))
                .chain(rows -> rows.iterator().hasNext() ? Uni.createFrom().item(id)
                        : pool.preparedQuery("select status from intake where id = $1").execute(Tuple.of(id))
                                .map(found -> {
                                    if (!found.iterator().hasNext()) {
                                        throw notFound();
                                    }
                                    requireOpen(found.iterator().next().getString("status"));
                                    return id;
                                }));
    }

    private static long intakeId(String id) {
        try {
            return Intake.decodeId(id, "input.intake");
        } catch (BadUserInputException e) {
            throw notFound();
        }
    }

    private static UserErrorException notFound() {
        return new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND, "no intake has this ID", "input", "intake"));
    }

    private static void requireOpen(String status) {
        if (!status.equals(IntakeStatus.OPEN.name())) {
            throw new UserErrorException(UserError.of(UserErrorCode.CONFLICT, "the intake is " + status.toLowerCase()
                    + " already: nothing was written", "input", "intake"));
        }
    }

    /** Refuses text over the size limit, and control characters (line breaks and tabs aside), naming the offset. */
    private void checkText(String text) {
        if (text.length() > settings.maxTextLength()) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "must be at most "
                    + settings.maxTextLength() + " characters, was " + text.length(), "input", "text"));
        }
        if (text.isBlank()) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "must not be blank", "input", "text"));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7f && c < 0xa0
                    || c == '\uFFFE' || c == '\uFFFF'
                    || Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (control) {
                throw new UserErrorException(UserError.of(UserErrorCode.INVALID, String.format(
                        "holds a control character (U+%04X) at offset %d: paste the text without it", (int) c, i),
                        "input", "text"));
            }
        }
    }

    /** A date (YYYY-MM-DD) or a date-time with offset; its date as printed. */
    static Published published(String published) {
        if (published == null) {
            return new Published(null, null);
        }
        try {
            if (published.length() == 10) {
                return new Published(null, LocalDate.parse(published));
            }
            OffsetDateTime at = OffsetDateTime.parse(published);
            return new Published(at, at.toLocalDate());
        } catch (DateTimeException e) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "must be a date (YYYY-MM-DD) or a"
                    + " date-time with its offset (2018-06-01T15:19:00+05:30), was " + abbreviate(published), "input",
                    "published"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static OffsetDateTime offsetDateTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return null;
    }

    /** A proposal's date as an input: its interval kept. */
    static PartialDateInput input(PartialDate date) {
        PartialDateInput input = plainInput(date);
        if (input != null) {
            input.earliest = date.earliest;
            input.latest = date.latest;
            input.resolution = date.resolution;
            input.resolutionNote = date.resolutionNote;
        }
        return input;
    }

    /** Only the date and its precision, for fields that keep no interval (an attestation's reportedDate). */
    static PartialDateInput plainInput(PartialDate date) {
        if (date == null) {
            return null;
        }
        PartialDateInput input = new PartialDateInput();
        input.date = date.date;
        input.precision = date.precision;
        return input;
    }

    static List<UserError> under(int index, List<UserError> errors) {
        List<UserError> moved = new ArrayList<>();
        for (UserError e : errors) {
            List<String> field = new ArrayList<>(List.of("input", "accept", String.valueOf(index)));
            if (!e.field.isEmpty() && e.field.get(0).equals("input")) {
                field.addAll(e.field.subList(1, e.field.size()));
            } else {
                field.addAll(e.field);
            }
            moved.add(new UserError(field, e.message, e.code));
        }
        return moved;
    }
}
