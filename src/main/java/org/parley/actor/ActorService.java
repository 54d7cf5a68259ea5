package org.parley.actor;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.audit.Audit;
import org.parley.errors.BadUserInputException;
import org.parley.write.DeleteInput;
import org.parley.write.GivenFields;
import org.parley.api.GlobalId;
import org.parley.write.InputValidation;
import org.parley.write.LiveRows;
import org.parley.api.NodeType;
import org.parley.write.Slugs;
import org.parley.write.SoftDeletes;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;
import org.parley.write.Writes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Writes of actors. Each public method is one transaction: its checks, its change and its audit entry commit
 * together, or (on a user error or a conflict) nothing does.
 */
@ApplicationScoped
public class ActorService {

    /** What keeps an actor from being deleted: live rows that refer to it. */
    private static final List<SoftDeletes.Blocker> DELETE_BLOCKERS = List.of(
            inUse("participations in encounters", "select count(*) from participant p join encounter e"
                    + " on e.id = p.encounter_id where p.actor_id = :id and e.deleted_at is null"),
            inUse("statements it made", "select count(*) from statement s where s.speaker_id = :id"
                    + " and s.deleted_at is null"),
            inUse("statements about it", "select count(*) from statement_about sa join statement s"
                    + " on s.id = sa.statement_id where sa.actor_id = :id and s.deleted_at is null"),
            inUse("actors of its country", "select count(*) from actor a where a.country_id = :id"
                    + " and a.deleted_at is null"),
            inUse("roles held in it", "select count(*) from actor_role r join actor a on a.id = r.actor_id"
                    + " where r.organization_id = :id and a.deleted_at is null"),
            inUse("encounters placed in it", "select count(*) from encounter e where e.place_country_id = :id"
                    + " and e.deleted_at is null"));

    private final InputValidation validation;
    private final Audit audit;

    ActorService(InputValidation validation, Audit audit) {
        this.validation = validation;
        this.audit = audit;
    }

    /** Creates an actor; returns its id. */
    @WithTransaction
    public Uni<Long> create(CreateActorInput input) {
        validation.check(input);
        List<String> aliases = input.aliases == null ? List.of() : input.aliases;
        Long countryId = id(input.country, "country");
        ActorEntity actor = new ActorEntity();
        actor.kind = input.kind.name();
        actor.name = input.name.strip();
        actor.normalizedName = ActorNames.normalize(actor.name);
        actor.description = input.description;
        actor.wikidataId = input.wikidataId;
        actor.countryId = countryId;
        actor.modifiedAt = OffsetDateTime.now();
        return requireState(countryId, "country")
                .chain(() -> requireFreeWikidataId(actor.wikidataId, null))
                .chain(() -> requireFreeName(actor.normalizedName, null, "name"))
                .chain(() -> Slugs.free("actor", Slugs.of(actor.name, "actor")))
                .chain(slug -> {
                    actor.slug = slug;
                    return actor.<ActorEntity> persist();
                })
                .chain(() -> addAliases(actor.id, aliases, "aliases", true))
                .chain(() -> audit.record("createActor", NodeType.ACTOR, actor.id))
                .replaceWith(() -> actor.id);
    }

    /**
     * Applies the given changes if the actor is still at the given version; returns its id. A field left out keeps
     * its value, null clears it (kind and name cannot be cleared); values equal to the stored ones are no change:
     * no new version, no change entry.
     */
    @WithTransaction
    public Uni<Long> update(UpdateActorInput input, GivenFields given) {
        validation.check(input);
        long id = id(input.id, "id");
        boolean kindGiven = given.set("kind", input.kind);
        boolean nameGiven = given.set("name", input.name);
        Long countryId = id(input.country, "country");
        return LiveRows.entity(ActorEntity.class, id, "input", "id")
                .call(actor -> {
                    Writes.requireVersion("actor", actor.version, input.version);
                    return requireState(countryId, "country")
                            .chain(() -> requireFreeWikidataId(input.wikidataId, id))
                            .chain(() -> nameGiven ? requireFreeName(ActorNames.normalize(input.name), id, "name")
                                    : Uni.createFrom().voidItem());
                })
                .call(actor -> {
                    boolean changed = false;
                    if (kindGiven && !input.kind.name().equals(actor.kind)) {
                        actor.kind = input.kind.name();
                        changed = true;
                    }
                    if (nameGiven && !input.name.strip().equals(actor.name)) {
                        actor.name = input.name.strip();
                        actor.normalizedName = ActorNames.normalize(actor.name);
                        changed = true;
                    }
                    if (given.has("description") && !Objects.equals(input.description, actor.description)) {
                        actor.description = input.description;
                        changed = true;
                    }
                    if (given.has("wikidataId") && !Objects.equals(input.wikidataId, actor.wikidataId)) {
                        actor.wikidataId = input.wikidataId;
                        changed = true;
                    }
                    if (given.has("country") && !Objects.equals(countryId, actor.countryId)) {
                        actor.countryId = countryId;
                        changed = true;
                    }
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    actor.modifiedAt = OffsetDateTime.now();
                    // flush now, so that a concurrent change surfaces as a version conflict inside this transaction
                    return Panache.flush().chain(() -> audit.record("updateActor", NodeType.ACTOR, id));
                })
                .map(actor -> actor.id);
    }

    /** Adds an alias to an actor; returns the actor's id. */
    @WithTransaction
    public Uni<Long> addAlias(AddAliasInput input) {
        validation.check(input);
        long id = id(input.actor, "actor");
        return LiveRows.entity(ActorEntity.class, id, "input", "actor")
                .call(actor -> {
                    actor.version++; // an alias changes the actor
                    actor.modifiedAt = OffsetDateTime.now();
                    return addAliases(id, List.of(input.alias), "alias", false);
                })
                .call(actor -> audit.record("addAlias", NodeType.ACTOR, id))
                .map(actor -> actor.id);
    }

    /** Deletes an actor no live row refers to, leaving a tombstone. */
    @WithTransaction
    public Uni<Void> delete(DeleteInput input) {
        long id = SoftDeletes.id(input, NodeType.ACTOR);
        return SoftDeletes.delete("actor", id, input.version, DELETE_BLOCKERS)
                .chain(() -> audit.record("deleteActor", NodeType.ACTOR, id));
    }

    private static SoftDeletes.Blocker inUse(String what, String countSql) {
        return new SoftDeletes.Blocker(UserErrorCode.IN_USE, what, countSql);
    }

    /**
     * Adds aliases after the actor's own, in two statements whatever their number (one check, one insert): a
     * statement per alias made a write of 1,000 aliases outlast the request's deadline. Empty names and names given
     * twice are found in memory first.
     */
    private static Uni<Void> addAliases(long actorId, List<String> aliases, String field, boolean ownNameAllowed) {
        if (aliases.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] texts = new String[aliases.size()];
        String[] normalized = new String[aliases.size()];
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < texts.length; i++) {
            texts[i] = aliases.get(i).strip();
            normalized[i] = ActorNames.normalize(texts[i]);
            if (normalized[i].isEmpty()) {
                return Uni.createFrom().failure(new UserErrorException(UserError.of(UserErrorCode.INVALID,
                        "must contain at least one letter or digit", "input", field)));
            }
            String earlier = given.putIfAbsent(normalized[i], texts[i]);
            if (earlier != null) {
                return Uni.createFrom().failure(new UserErrorException(UserError.of(UserErrorCode.TAKEN,
                        "given twice: " + earlier + ", " + texts[i], "input", field)));
            }
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                // no other actor's name (nor, for addAlias, the actor's own), and no alias already there (the
                // actor's own included)
                "select a.name from actor a where a.normalized_name = any(cast(:n as text[])) and a.id <> :self"
                        + " and a.deleted_at is null"
                        + " union all select a.name from actor_alias al join actor a on a.id = al.actor_id"
                        + " where al.normalized = any(cast(:n as text[])) and a.deleted_at is null limit 1",
                String.class)
                .setParameter("n", normalized)
                .setParameter("self", ownNameAllowed ? actorId : -1L)
                .getResultList())
                .invoke(names -> {
                    if (!names.isEmpty()) {
                        throw new UserErrorException(UserError.of(UserErrorCode.TAKEN,
                                "already names an actor: " + names.get(0), "input", "aliases"));
                    }
                })
                .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                        "insert into actor_alias (actor_id, alias, normalized, position)"
                                + " select :actor, t.alias, t.normalized, b.next + t.ord - 1"
                                + " from unnest(cast(:texts as text[]), cast(:n as text[])) with ordinality"
                                + " t(alias, normalized, ord), (select coalesce(max(position) + 1, 0) as next"
                                + " from actor_alias where actor_id = :actor) b")
                        .setParameter("actor", actorId)
                        .setParameter("texts", texts)
                        .setParameter("n", normalized)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** A name or alias may name one actor only, or `actor(name:)` could not tell them apart. */
    private static Uni<Void> requireFreeName(String normalized, Long self, String field) {
        if (normalized.isEmpty()) {
            return Uni.createFrom().failure(new UserErrorException(UserError.of(UserErrorCode.INVALID,
                    "must contain at least one letter or digit", "input", field)));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select a.name from actor a where a.normalized_name = :n and a.id <> :self and a.deleted_at is null"
                        + " union all select a.name from actor_alias al join actor a on a.id = al.actor_id"
                        + " where al.normalized = :n and (al.actor_id <> :self or :alias) and a.deleted_at is null", String.class)
                .setParameter("n", normalized)
                .setParameter("self", self == null ? -1L : self)
                .setParameter("alias", "aliases".equals(field) || "alias".equals(field))
                .getResultList())
                .invoke(names -> {
                    if (!names.isEmpty()) {
                        throw new UserErrorException(UserError.of(UserErrorCode.TAKEN,
                                "already names an actor: " + names.get(0), "input", field));
                    }
                }).replaceWithVoid();
    }

    private static Uni<Void> requireFreeWikidataId(String wikidataId, Long self) {
        if (wikidataId == null) {
            return Uni.createFrom().voidItem();
        }
        return ActorEntity.count("wikidataId = ?1 and id <> ?2 and deletedAt is null", wikidataId, self == null ? -1L : self)
                .invoke(count -> {
                    if (count > 0) {
                        throw new UserErrorException(UserError.of(UserErrorCode.TAKEN,
                                "another actor has this Wikidata ID", "input", "wikidataId"));
                    }
                }).replaceWithVoid();
    }

    private static Uni<Void> requireState(Long countryId, String field) {
        if (countryId == null) {
            return Uni.createFrom().voidItem();
        }
        // locked for share: a concurrent deleteActor of the country waits, then counts this actor as a reference
        return LiveRows.rows("actor", List.of(countryId), LiveRows.Lock.SHARE, "kind").invoke(rows -> {
            if (rows.isEmpty()) {
                throw new UserErrorException(LiveRows.notFound("actor", "input", field));
            }
            Object kind = rows.get(0)[1];
            if (!ActorKind.STATE.name().equals(kind)) {
                throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
                        "must be an actor of kind STATE, not " + kind, "input", field));
            }
        }).replaceWithVoid();
    }

    /** Decodes an actor ID of the input; a malformed one or one of another type is a user error. */
    private static Long id(String globalId, String field) {
        if (globalId == null) {
            return null;
        }
        try {
            return GlobalId.decode(globalId, NodeType.ACTOR, field);
        } catch (BadUserInputException e) {
            throw notFound(field, e.getMessage());
        }
    }

    private static UserErrorException notFound(String field, String message) {
        return new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND, message, "input", field));
    }

}
