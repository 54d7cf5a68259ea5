package org.parley.actor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.audit.Audit;
import org.parley.api.DatePrecision;
import org.parley.write.DateInputs;
import org.parley.write.GivenFields;
import org.parley.write.InputValidation;
import org.parley.write.LiveRows;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;
import org.parley.write.Writes;
import org.parley.provenance.Provenance;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes of roles. A role has no version of its own: it is part of its actor, so each accepted change gives the
 * actor a new version (its optimistic lock also orders concurrent role changes) and a change entry on the actor.
 */
@ApplicationScoped
public class RoleService {

    /** The actor and role a write touched. */
    public record Written(long actorId, Long roleId) {
    }

    /** A role as stored, the values an update compares with. */
    private record Stored(long actorId, String title, Long organizationId, PartialDate start, PartialDate end,
            Long sourceId) {
    }

    private final InputValidation validation;
    private final Audit audit;

    RoleService(InputValidation validation, Audit audit) {
        this.validation = validation;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Written> add(AddRoleInput input) {
        validation.check(input);
        long actorId = Provenance.id(input.actor, NodeType.ACTOR, "input", "actor");
        Long organizationId = Provenance.id(input.organization, NodeType.ACTOR, "input", "organization");
        Long sourceId = Provenance.id(input.source, NodeType.SOURCE, "input", "source");
        PartialDate start = DateInputs.plain(input.start, "input", "start");
        PartialDate end = DateInputs.plain(input.end, "input", "end");
        requireOrder(start, end);
        String title = input.title.strip();
        return LiveRows.entity(ActorEntity.class, actorId, "input", "actor")
                .call(actor -> {
                    if (input.version != null) {
                        Writes.requireVersion("actor", actor.version, input.version);
                    }
                    return requireReferences(organizationId, sourceId);
                })
                .chain(actor -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into actor_role (actor_id, title, organization_id, start_date, start_precision,"
                                + " end_date, end_precision, source_id, position)"
                                + " select :actor, :title, :organization, :startDate, :startPrecision, :endDate,"
                                + " :endPrecision, :source, coalesce(max(position) + 1, 0)"
                                + " from actor_role where actor_id = :actor returning id", Long.class)
                        .setParameter("actor", actorId)
                        .setParameter("title", title)
                        .setParameter("organization", organizationId)
                        .setParameter("startDate", start == null ? null : start.date)
                        .setParameter("startPrecision", start == null ? null : start.precision.name())
                        .setParameter("endDate", end == null ? null : end.date)
                        .setParameter("endPrecision", end == null ? null : end.precision.name())
                        .setParameter("source", sourceId)
                        .getSingleResult())
                        .call(roleId -> touch(actor, "addRole")))
                .map(roleId -> new Written(actorId, roleId));
    }

    /** Applies the given fields; a field left out keeps its value, null clears it, equal values are no change. */
    @WithTransaction
    public Uni<Written> update(UpdateRoleInput input, GivenFields given) {
        validation.check(input);
        long roleId = Provenance.id(input.id, NodeType.ROLE, "input", "id");
        boolean titleGiven = given.set("title", input.title);
        Long organizationId = Provenance.id(input.organization, NodeType.ACTOR, "input", "organization");
        Long sourceId = Provenance.id(input.source, NodeType.SOURCE, "input", "source");
        return stored(roleId).chain(role -> LiveRows.entity(ActorEntity.class, role.actorId(), "input", "id")
                .call(actor -> {
                    if (input.version != null) {
                        Writes.requireVersion("actor", actor.version, input.version);
                    }
                    String title = titleGiven ? input.title.strip() : role.title();
                    Long organization = given.has("organization") ? organizationId : role.organizationId();
                    PartialDate start = given.has("start") ? DateInputs.plain(input.start, "input", "start") : role.start();
                    PartialDate end = given.has("end") ? DateInputs.plain(input.end, "input", "end") : role.end();
                    Long source = given.has("source") ? sourceId : role.sourceId();
                    requireOrder(start, end);
                    if (title.equals(role.title()) && Objects.equals(organization, role.organizationId())
                            && same(start, role.start()) && same(end, role.end())
                            && Objects.equals(source, role.sourceId())) {
                        return Uni.createFrom().voidItem();
                    }
                    return requireReferences(Objects.equals(organization, role.organizationId()) ? null : organization,
                            Objects.equals(source, role.sourceId()) ? null : source)
                            .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                                    "update actor_role set title = :title, organization_id = :organization,"
                                            + " start_date = :startDate, start_precision = :startPrecision,"
                                            + " end_date = :endDate, end_precision = :endPrecision,"
                                            + " source_id = :source where id = :id")
                                    .setParameter("id", roleId)
                                    .setParameter("title", title)
                                    .setParameter("organization", organization)
                                    .setParameter("startDate", start == null ? null : start.date)
                                    .setParameter("startPrecision", start == null ? null : start.precision.name())
                                    .setParameter("endDate", end == null ? null : end.date)
                                    .setParameter("endPrecision", end == null ? null : end.precision.name())
                                    .setParameter("source", source)
                                    .executeUpdate())
                            .chain(() -> touch(actor, "updateRole"));
                })
                .map(actor -> new Written(role.actorId(), roleId)));
    }

    /** Removes a role recorded by mistake (a role that ended keeps its history: give it an end instead). */
    @WithTransaction
    public Uni<Written> delete(DeleteRoleInput input) {
        long roleId = Provenance.id(input.id, NodeType.ROLE, "input", "id");
        return stored(roleId).chain(role -> LiveRows.entity(ActorEntity.class, role.actorId(), "input", "id")
                .call(actor -> {
                    if (input.version != null) {
                        Writes.requireVersion("actor", actor.version, input.version);
                    }
                    return Panache.getSession().chain(session -> session.createNativeQuery(
                            "delete from actor_role where id = :id").setParameter("id", roleId).executeUpdate())
                            .chain(() -> touch(actor, "deleteRole"));
                })
                .map(actor -> new Written(role.actorId(), null)));
    }

    /** A new version of the actor (the flush surfaces a concurrent change as CONFLICT) and its change entry. */
    private Uni<Void> touch(ActorEntity actor, String operation) {
        actor.modifiedAt = OffsetDateTime.now();
        return Panache.flush().chain(() -> audit.record(operation, NodeType.ACTOR, actor.id));
    }

    private static Uni<Stored> stored(long roleId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select r.actor_id, r.title, r.organization_id, r.start_date::text, r.start_precision,"
                        + " r.end_date::text, r.end_precision, r.source_id from actor_role r join actor a"
                        + " on a.id = r.actor_id where r.id = :id and a.deleted_at is null", Object[].class)
                .setParameter("id", roleId)
                .getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> new UserErrorException(LiveRows.notFound("role", "input", "id")))
                .map(row -> new Stored(((Number) row[0]).longValue(), (String) row[1], longOrNull(row[2]),
                        date(row[3], row[4]), date(row[5], row[6]), longOrNull(row[7])));
    }

    private static Uni<Void> requireReferences(Long organizationId, Long sourceId) {
        return LiveRows.require("actor", organizationId, LiveRows.Lock.SHARE, "input", "organization")
                .chain(() -> LiveRows.require("source", sourceId, LiveRows.Lock.SHARE, "input", "source"));
    }

    /** The database wants the end's first day on or after the start's. */
    private static void requireOrder(PartialDate start, PartialDate end) {
        if (start != null && end != null && end.date.isBefore(start.date)) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "must not be before start", "input",
                    "end"));
        }
    }

    private static boolean same(PartialDate a, PartialDate b) {
        return a == null ? b == null : b != null && a.date.equals(b.date) && a.precision == b.precision;
    }

    private static PartialDate date(Object date, Object precision) {
        return date == null ? null
                : new PartialDate(LocalDate.parse((String) date), DatePrecision.valueOf((String) precision));
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
