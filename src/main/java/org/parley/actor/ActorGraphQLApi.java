package org.parley.actor;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.parley.read.ListCount;
import org.parley.errors.BadUserInputException;
import org.parley.read.Batch;
import org.parley.read.Lookahead;
import org.parley.write.GivenFields;
import org.parley.write.DeletePayload;
import org.parley.api.GlobalId;
import org.parley.write.InputSizes;
import org.parley.api.NodeType;
import org.parley.read.PageRequest;
import org.parley.write.Writes;
import org.parley.limits.Limits;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Queries and mutations of actors, and the fields that lead from an actor (or a role) to other actors. */
@GraphQLApi
public class ActorGraphQLApi {

    /** Matches are for a person to read: a short list, priced by QueryCost at its {@code first}. */
    private static final int MAX_SIMILAR = 20;
    private static final int LIKELY_NAMESAKES = 10;

    @Inject
    Context context;

    private final ActorRepository actors;
    private final ActorService service;
    private final ActorMerge merges;
    private final RoleService roles;
    private final int maxAliases;

    ActorGraphQLApi(ActorRepository actors, ActorService service, ActorMerge merges, RoleService roles,
            Limits limits) {
        this.actors = actors;
        this.roles = roles;
        this.service = service;
        this.merges = merges;
        this.maxAliases = limits.maxActorAliases();
    }

    @Mutation
    @RolesAllowed("admin")
    @NonNull
    @Description("Deletes an actor, leaving a tombstone that `tombstones` lists. Refused with IN_USE while encounters, statements, roles or actors still refer to it: merge it into another actor instead."
            + " Needs the role admin.")
    public Uni<DeleteActorPayload> deleteActor(@Name("input") @NonNull DeleteActorInput input) {
        return DeletePayload.answer(service.delete(input), input.id, new DeleteActorPayload());
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Records a new actor, and answers the likely namesakes already recorded (`likelyNamesakes`)."
            + " Needs the role editor.")
    public Uni<ActorPayload.Create> createActor(@Name("input") @NonNull CreateActorInput input) {
        InputSizes.atMost(input.aliases, maxAliases, "input.aliases", "aliases");
        return answer(service.create(input), new ActorPayload.Create()).call(payload -> payload.actor == null
                ? Uni.createFrom().voidItem()
                // one more than shown: the new actor matches its own name
                : actors.similar(payload.actor.name, LIKELY_NAMESAKES + 1).invoke(found -> payload.likelyNamesakes =
                        found.stream().filter(match -> match.actor.dbId != payload.actor.dbId)
                                .limit(LIKELY_NAMESAKES).toList()));
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Changes an actor, if it is still at the given version. Needs the role editor.")
    public Uni<ActorPayload.Update> updateActor(@Name("input") @NonNull UpdateActorInput input) {
        return answer(service.update(input, GivenFields.of(context, "input")), new ActorPayload.Update());
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Adds another name or spelling to an actor. Needs the role editor.")
    public Uni<ActorPayload.AddAlias> addAlias(@Name("input") @NonNull AddAliasInput input) {
        return answer(service.addAlias(input), new ActorPayload.AddAlias());
    }

    @Mutation
    @RolesAllowed("admin")
    @NonNull
    @Description("Folds a duplicate actor (`merge`) into another (`keep`): its name and aliases become aliases of"
            + " `keep`, its roles, participations and statements move over, and its ID resolves to `keep` through"
            + " `node` and `actor(id:)`. It is listed by `tombstones` with `mergedIntoId`. Needs the role admin.")
    public Uni<ActorPayload.Merge> mergeActors(@Name("input") @NonNull MergeActorsInput input) {
        return answer(merges.merge(input), new ActorPayload.Merge());
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Records a position an actor holds or held. The actor gets a new version and a change entry. Needs"
            + " the role editor.")
    public Uni<RolePayload.Add> addRole(@Name("input") @NonNull AddRoleInput input) {
        return answer(roles.add(input), new RolePayload.Add());
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Corrects a role, or ends it (`end`). A field left out keeps its value, null clears it; a change"
            + " that changes nothing is no change. Needs the role editor.")
    public Uni<RolePayload.Update> updateRole(@Name("input") @NonNull UpdateRoleInput input) {
        return answer(roles.update(input, GivenFields.of(context, "input")), new RolePayload.Update());
    }

    @Mutation
    @RolesAllowed("admin")
    @NonNull
    @Description("Removes a role recorded by mistake; the actor gets a new version and a change entry. A role that"
            + " ended is ended with `updateRole`, not deleted. Needs the role admin.")
    public Uni<RolePayload.Delete> deleteRole(@Name("input") @NonNull DeleteRoleInput input) {
        return answer(roles.delete(input), new RolePayload.Delete());
    }

    private <P extends RolePayload> Uni<P> answer(Uni<RoleService.Written> write, P payload) {
        return Writes.outcome(write.chain(written -> actors.byIds(new Long[] { written.actorId() })
                .map(found -> found.get(written.actorId()))
                .chain(actor -> written.roleId() == null ? Uni.createFrom().item(new Object[] { actor, null })
                        : actors.rolesByIds(new Long[] { written.roleId() })
                                .map(found -> new Object[] { actor, found.get(written.roleId()) }))))
                .map(outcome -> {
                    if (outcome.value() != null) {
                        payload.actor = (Actor) outcome.value()[0];
                        payload.role = (Role) outcome.value()[1];
                    }
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    /** After the write's transaction: the actor as reads see it, or the user errors. */
    private <P extends ActorPayload> Uni<P> answer(Uni<Long> write, P payload) {
        return Writes.outcome(write.chain(id -> actors.byIds(new Long[] { id }).map(found -> found.get(id))))
                .map(outcome -> {
                    payload.actor = outcome.value();
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    @Query
    @Description("One actor, by `id` or by `name`. A name matches the actor's name or any alias, ignoring case,"
            + " accents, spaces and hyphens (\"kim jong-un\" finds Kim Jong Un). Give exactly one of the two.")
    public Uni<Actor> actor(@Name("id") @Id String id, @Name("name") String name) {
        if ((id == null) == (name == null)) {
            throw new BadUserInputException("Give exactly one of id and name");
        }
        if (id != null) {
            long dbId = GlobalId.decode(id, NodeType.ACTOR, "id");
            return actors.resolve(new Long[] { dbId }, Lookahead.ofOne(context, Actor.TO_ONE)).map(found -> found.get(dbId));
        }
        return actors.byName(name, Lookahead.ofOne(context, Actor.TO_ONE));
    }

    @Query
    @NonNull
    @Description("Actors whose name or an alias resembles `name`, best match first: accents, case, spacing and the"
            + " usual transliteration variants (Sergey/Sergei, Shoygu/Shoigu, kh/h) count as the same, other"
            + " differences lower the score (trigram similarity, at least 0.3). Use it before `createActor` to find a"
            + " namesake. `first` defaults to 20, at most " + MAX_SIMILAR + ".")
    public Uni<List<ActorMatch>> similarActors(@Name("name") @NonNull String name, @Name("first") Integer first) {
        int size = first == null ? MAX_SIMILAR : first;
        if (size < 0 || size > MAX_SIMILAR) {
            throw new BadUserInputException("first must be between 0 and " + MAX_SIMILAR + ", was " + size);
        }
        return actors.similar(name, size);
    }

    @Query
    @NonNull
    @Description("Actors ordered by name. `first` defaults to 20, at most 100.")
    public Uni<ActorConnection> actors(@Name("filter") ActorFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        return actors.list(filter, PageRequest.of(first, after), Lookahead.of(context, Actor.TO_ONE, "nodes", "edges.node"))
                .map(ActorConnection::new);
    }

    @Description("The state this actor belongs to; null for states themselves.")
    public Uni<List<Actor>> country(@Source List<Actor> parents) {
        return Batch.follow(parents, a -> a.countryId, actors::byIds);
    }

    @NonNull
    @Description("Other names and spellings as printed in the sources, e.g. \"Kim Jong-un\". Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull String>>> aliases(@Source List<Actor> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return actors.aliases(parents, PageRequest.firstItems(first));
    }

    @NonNull
    @Description("Positions this actor holds or held, as the sources give them. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Role>>> roles(@Source List<Actor> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return actors.roles(parents, PageRequest.firstItems(first), Lookahead.of(context, Role.TO_ONE));
    }

    @Description("The state, government or organisation in which the role is held.")
    public Uni<List<Actor>> organization(@Source List<Role> roles) {
        return Batch.follow(roles, r -> r.organizationId, actors::byIds);
    }

    @NonNull
    @Description("How many actors the whole list holds.")
    public Uni<List<Integer>> totalCount(@Source List<ActorConnection> connections) {
        return ListCount.of(connections, ActorConnection::page);
    }
}
