package org.parley.source;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.audit.Audit;
import org.parley.api.DatePrecision;
import org.parley.write.DateInputs;
import org.parley.write.DeleteInput;
import org.parley.write.GivenFields;
import org.parley.api.GlobalId;
import org.parley.write.InputValidation;
import org.parley.write.LiveRows;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;
import org.parley.write.Slugs;
import org.parley.write.SoftDeletes;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;
import org.parley.write.Writes;
import org.parley.provenance.Provenance;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Writes of sources, one transaction each, audit entry included. */
@ApplicationScoped
public class SourceService {

    /**
     * What keeps a source from being deleted: live encounters and statements that no other source attests, which
     * would be left unsourced; live statements about it.
     */
    private static final List<SoftDeletes.Blocker> DELETE_BLOCKERS = List.of(new SoftDeletes.Blocker(
            UserErrorCode.LAST_ATTESTATION, "encounters or statements that no other source attests",
            "select count(*) from attestation att left join encounter e on e.id = att.encounter_id"
                    + " left join statement s on s.id = att.statement_id"
                    + " where att.source_id = :id and coalesce(e.deleted_at, s.deleted_at) is null"
                    + " and not exists (select 1 from attestation other where other.source_id <> :id"
                    + " and (other.encounter_id = att.encounter_id or other.statement_id = att.statement_id))"),
            // statements about a source would point at a tombstone
            new SoftDeletes.Blocker(UserErrorCode.IN_USE, "statements about it", "select count(*) from"
                    + " statement_about_source sa join statement s on s.id = sa.statement_id where sa.source_id = :id"
                    + " and s.deleted_at is null"));

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
        Published published = published(input.publishedAt, DateInputs.plain(input.publishedOn, "input", "publishedOn"), input.updatedAt);
        source.publishedOn = published.on();
        source.publishedPrecision = published.precision();
        source.printedOffsetSeconds = published.offsetSeconds();
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
     * Corrects a source: a field left out keeps its value, null clears it. Nothing is written (no new version, no
     * change entry) when the values given are the ones it has.
     */
    @WithTransaction
    public Uni<Long> update(UpdateSourceInput input, GivenFields given) {
        validation.check(input);
        long id = Provenance.id(input.id, NodeType.SOURCE, "input", "id");
        return LiveRows.entity(SourceEntity.class, id, "input", "id")
                .call(source -> {
                    if (input.version != null) {
                        Writes.requireVersion("source", source.version, input.version);
                    }
                    return given.has("url") && !Objects.equals(input.url, source.url) ? requireUrlFree(input.url, id)
                            : Uni.createFrom().voidItem();
                })
                .call(source -> {
                    if (!apply(source, input, given)) {
                        return Uni.createFrom().voidItem();
                    }
                    source.modifiedAt = OffsetDateTime.now();
                    return Panache.flush().chain(() -> audit.record("updateSource", NodeType.SOURCE, id));
                })
                .map(source -> source.id);
    }

    /**
     * Sets the fields the input gives where they differ from the stored ones; true when one did. Fields are
     * assigned only on a difference (times compared as instants), so that Hibernate finds an unchanged entity
     * clean and neither writes it nor bumps its version.
     */
    private static boolean apply(SourceEntity source, UpdateSourceInput input, GivenFields given) {
        ZoneOffset printed = source.printedOffsetSeconds == null ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds(source.printedOffsetSeconds);
        OffsetDateTime publishedAt = given.has("publishedAt") ? input.publishedAt : inZone(source.publishedAt, printed);
        OffsetDateTime updatedAt = given.has("updatedAt") ? input.updatedAt : inZone(source.updatedAt, printed);
        PartialDate on;
        if (given.has("publishedOn")) {
            on = DateInputs.plain(input.publishedOn, "input", "publishedOn");
            if (on == null && publishedAt != null) {
                throw invalid("cannot be cleared while publishedAt is set: clear both", "publishedOn");
            }
        } else if (given.has("publishedAt") && publishedAt != null) {
            on = null; // follows the new time
        } else {
            on = source.publishedOn == null ? null
                    : new PartialDate(source.publishedOn, DatePrecision.valueOf(source.publishedPrecision));
        }
        Published published = published(publishedAt, on, updatedAt);

        boolean changed = false;
        String title = input.title == null ? null : input.title.strip();
        if (given.has("title") && !Objects.equals(title, source.title)) {
            source.title = title;
            changed = true;
        }
        if (given.has("publisher") && !Objects.equals(input.publisher, source.publisher)) {
            source.publisher = input.publisher;
            changed = true;
        }
        if (given.has("author") && !Objects.equals(input.author, source.author)) {
            source.author = input.author;
            changed = true;
        }
        if (given.has("url") && !Objects.equals(input.url, source.url)) {
            source.url = input.url;
            changed = true;
        }
        if (given.has("language") && !Objects.equals(input.language, source.language)) {
            source.language = input.language;
            changed = true;
        }
        if (given.has("reliabilityNote") && !Objects.equals(input.reliabilityNote, source.reliabilityNote)) {
            source.reliabilityNote = input.reliabilityNote;
            changed = true;
        }
        if (!sameInstant(publishedAt, source.publishedAt)) {
            source.publishedAt = publishedAt;
            changed = true;
        }
        if (!sameInstant(updatedAt, source.updatedAt)) {
            source.updatedAt = updatedAt;
            changed = true;
        }
        if (!Objects.equals(published.on(), source.publishedOn)
                || !Objects.equals(published.precision(), source.publishedPrecision)) {
            source.publishedOn = published.on();
            source.publishedPrecision = published.precision();
            changed = true;
        }
        if (!Objects.equals(published.offsetSeconds(), source.printedOffsetSeconds)) {
            source.printedOffsetSeconds = published.offsetSeconds();
            changed = true;
        }
        return changed;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }

    private static OffsetDateTime inZone(OffsetDateTime time, ZoneOffset zone) {
        return time == null ? null : time.withOffsetSameInstant(zone);
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

    /** The stored publication date, its precision, and the UTC offset the article prints its times in. */
    record Published(LocalDate on, String precision, Integer offsetSeconds) {
    }

    /**
     * The publication date: the one given, else (with a time) the time's date where the article prints it, at DAY;
     * a date given beside a time must contain the time's date, and an update comes after the publication.
     */
    static Published published(OffsetDateTime at, PartialDate on, OffsetDateTime updatedAt) {
        LocalDate printedDay = at == null ? null : at.toLocalDate();
        if (on != null && printedDay != null && (printedDay.isBefore(on.date) || printedDay.isAfter(on.until()))) {
            throw invalid("must contain the date of publishedAt (" + printedDay + ")", "publishedOn");
        }
        if (on == null && printedDay != null) {
            on = new PartialDate(printedDay, DatePrecision.DAY);
        }
        if (updatedAt != null && (at != null ? updatedAt.isBefore(at)
                : on != null && updatedAt.toLocalDate().isBefore(on.date))) {
            throw invalid("must not be before the publication", "updatedAt");
        }
        OffsetDateTime printed = at != null ? at : updatedAt;
        return new Published(on == null ? null : on.date, on == null ? null : on.precision.name(),
                printed == null ? null : printed.getOffset().getTotalSeconds());
    }

    private static UserErrorException invalid(String message, String field) {
        return new UserErrorException(UserError.of(UserErrorCode.INVALID, message, "input", field));
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
