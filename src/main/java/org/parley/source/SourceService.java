package org.parley.source;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.audit.Audit;
import org.parley.graphql.DatePrecision;
import org.parley.graphql.DeleteInput;
import org.parley.graphql.GlobalId;
import org.parley.graphql.InputValidation;
import org.parley.graphql.NodeType;
import org.parley.graphql.PartialDate;
import org.parley.graphql.PartialDateInput;
import org.parley.graphql.Slugs;
import org.parley.graphql.SoftDeletes;
import org.parley.graphql.UserError;
import org.parley.graphql.UserErrorCode;
import org.parley.graphql.UserErrorException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Writes of sources, one transaction each, audit entry included. */
@ApplicationScoped
public class SourceService {

    /**
     * What keeps a source from being deleted: live encounters and statements that no other source attests, which
     * would be left unsourced.
     */
    private static final List<SoftDeletes.Blocker> DELETE_BLOCKERS = List.of(new SoftDeletes.Blocker(
            UserErrorCode.LAST_ATTESTATION, "encounters or statements that no other source attests",
            "select count(*) from attestation att left join encounter e on e.id = att.encounter_id"
                    + " left join statement s on s.id = att.statement_id"
                    + " where att.source_id = :id and coalesce(e.deleted_at, s.deleted_at) is null"
                    + " and not exists (select 1 from attestation other where other.source_id <> :id"
                    + " and (other.encounter_id = att.encounter_id or other.statement_id = att.statement_id))"));

    private final InputValidation validation;
    private final Audit audit;

    SourceService(InputValidation validation, Audit audit) {
        this.validation = validation;
        this.audit = audit;
    }

    /** Adds a source; returns its id. */
    @WithTransaction
    public Uni<Long> add(AddSourceInput input) {
        validation.check(input);
        SourceEntity source = new SourceEntity();
        source.title = input.title == null ? null : input.title.strip();
        source.publisher = input.publisher;
        source.author = input.author;
        source.url = input.url;
        source.publishedAt = input.publishedAt;
        source.updatedAt = input.updatedAt;
        source.language = input.language;
        source.reliabilityNote = input.reliabilityNote;
        setPublishedOn(source, PartialDateInput.of(input.publishedOn));
        checkDates(source);
        source.modifiedAt = OffsetDateTime.now();
        return requireUrlFree(input.url, null)
                .chain(() -> Slugs.free("source", Slugs.of(slugText(source), "source")))
                .chain(slug -> {
                    source.slug = slug;
                    return source.<SourceEntity> persist();
                })
                .chain(() -> audit.record("addSource", NodeType.SOURCE, source.id))
                .replaceWith(() -> source.id);
    }

    /**
     * Deletes a source, leaving a tombstone, and its attestations with it. Refused while it is the only source of a
     * live encounter or statement. Roles and status changes that cite it keep the reference but no longer show it.
     */
    @WithTransaction
    public Uni<Void> delete(DeleteInput input) {
        long id = SoftDeletes.id(input, NodeType.SOURCE);
        // Mark what the source attests as changed first: that locks those rows, as removeAttestation does, so that
        // two deletions cannot each take away the other's last attestation of the same subject.
        return touchSubjects("encounter", "encounter_id", id)
                .chain(() -> touchSubjects("statement", "statement_id", id))
                .chain(() -> SoftDeletes.delete("source", id, input.version, DELETE_BLOCKERS))
                .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                        "delete from attestation where source_id = :id").setParameter("id", id).executeUpdate())
                .chain(() -> audit.record("deleteSource", NodeType.SOURCE, id));
    }

    /** Publisher and title, or the address without its scheme when the source prints no headline. */
    private static String slugText(SourceEntity source) {
        String text = source.title != null ? source.title
                : source.url != null ? source.url.replaceFirst("(?i)^https?://(www\\.)?", "") : "";
        return (source.publisher == null ? "" : source.publisher + " ") + text;
    }

    /**
     * Sets the publication date: the one given, else (with a time) the time's date where the article prints it,
     * at DAY; a date given beside a time must contain the time's date. Sets the printed offset from the times.
     */
    static void setPublishedOn(SourceEntity source, PartialDate on) {
        LocalDate printedDay = source.publishedAt == null ? null : source.publishedAt.toLocalDate();
        if (on != null && printedDay != null && (printedDay.isBefore(on.date) || printedDay.isAfter(on.until()))) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "must contain the date of publishedAt ("
                    + printedDay + ")", "input", "publishedOn"));
        }
        if (on == null && printedDay != null) {
            on = new PartialDate(printedDay, DatePrecision.DAY);
        }
        source.publishedOn = on == null ? null : on.date;
        source.publishedPrecision = on == null ? null : on.precision.name();
        OffsetDateTime printed = source.publishedAt != null ? source.publishedAt : source.updatedAt;
        source.printedOffsetSeconds = printed == null ? null : printed.getOffset().getTotalSeconds();
    }

    /** An update comes after the publication: its time not before publishedAt, its day not before publishedOn. */
    static void checkDates(SourceEntity source) {
        if (source.updatedAt == null) {
            return;
        }
        if (source.publishedAt != null ? source.updatedAt.isBefore(source.publishedAt)
                : source.publishedOn != null && source.updatedAt.toLocalDate().isBefore(source.publishedOn)) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
                    "must not be before the publication", "input", "updatedAt"));
        }
    }

    /**
     * Refuses (TAKEN, naming the source) an address that another live source already has, compared by the key
     * the database computes ({@code source_url_key}, V9): scheme and host in lower case, http as https, no
     * trailing slash, fragment or utm_* parameters, the other parameters sorted.
     */
    static Uni<Void> requireUrlFree(String url, Long except) {
        if (url == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select s.id, s.url from source s where s.url_key = source_url_key(:url) and s.deleted_at is null"
                        + " and s.id <> :except order by s.id limit 1", Object[].class)
                .setParameter("url", url)
                .setParameter("except", except == null ? 0L : except)
                .getResultList())
                .invoke(rows -> {
                    if (!rows.isEmpty()) {
                        Object[] row = rows.get(0);
                        throw new UserErrorException(UserError.of(UserErrorCode.TAKEN, "source "
                                + GlobalId.encode(NodeType.SOURCE, ((Number) row[0]).longValue())
                                + " already has this address (as " + row[1] + ")", "input", "url"));
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Integer> touchSubjects(String table, String column, long sourceId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("update " + table
                + " set modified_at = now() where deleted_at is null and id in (select " + column
                + " from attestation where source_id = :id)").setParameter("id", sourceId).executeUpdate());
    }
}
