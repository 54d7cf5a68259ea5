package org.parley.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.parley.actor.Actor;
import org.parley.actor.ActorRepository;
import org.parley.encounter.Encounter;
import org.parley.encounter.EncounterRepository;
import org.parley.errors.BadUserInputException;
import org.parley.read.Batch;
import org.parley.read.PageRequest;
import org.parley.source.SourceRepository;
import org.parley.write.Writes;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Article intake (issue 16): an editor pastes an article, Parley proposes quotes with speakers, reported speech,
 * dates and encounters, each by its offsets in the text, and writes the ones the editor accepts in one transaction.
 * Editors only, queries included: the text is the publisher's, kept only while the intake is open.
 */
@GraphQLApi
public class IntakeGraphQLApi {

    private final IntakeService service;
    private final IntakeRepository intakes;
    private final SourceRepository sources;
    private final ActorRepository actors;
    private final EncounterRepository encounters;
    private final CurrentIdentityAssociation identity;

    IntakeGraphQLApi(IntakeService service, IntakeRepository intakes, SourceRepository sources, ActorRepository actors,
            EncounterRepository encounters, CurrentIdentityAssociation identity) {
        this.service = service;
        this.intakes = intakes;
        this.sources = sources;
        this.actors = actors;
        this.encounters = encounters;
        this.identity = identity;
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Reads an article and stores it as an open intake with its proposals: the source (matched by"
            + " normalised URL), direct quotes with their speakers, reported speech with the kind its verb suggests,"
            + " dates resolved against the publication date, and encounters matched against recorded ones. Nothing"
            + " else is written until `acceptIntake`. Text over `parley.intake.max-text-length`, or with control"
            + " characters, is refused (INVALID). Needs the role editor.")
    public Uni<IntakePayload> proposeFromArticle(@Name("input") @NonNull ProposeFromArticleInput input) {
        return answerWith(subject().chain(subject -> service.propose(input, subject)).chain(stored -> intakes
                .byId(stored.id()).invoke(intake -> {
                    if (intake != null) {
                        intake.justStored = stored.proposals();
                        intake.justStoredText = stored.text();
                    }
                })));
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Writes the accepted proposals of an open intake in one transaction, through the same checks as"
            + " the other mutations: statements with their speakers (a new actor where the speaker is NEW),"
            + " encounters (or an attestation of the recorded one they match), the source, each attested by an exact"
            + " excerpt of the article. Any refusal writes nothing. An intake that is no longer open is refused"
            + " (CONFLICT), so accepting twice writes nothing the second time. Needs the role editor.")
    public Uni<IntakePayload> acceptIntake(@Name("input") @NonNull AcceptIntakeInput input) {
        return answer(subject().chain(subject -> service.accept(input, subject)));
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Closes an open intake without writing anything; its text is dropped unless"
            + " `parley.intake.keep-closed-text` is set. Needs the role editor.")
    public Uni<IntakePayload> discardIntake(@Name("input") @NonNull DiscardIntakeInput input) {
        return answer(subject().chain(subject -> service.discard(input, subject)));
    }

    @Query
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Article intakes, newest first. Needs the role editor. `first` defaults to 20, at most 100.")
    public Uni<IntakeConnection> intakes(@Name("first") Integer first, @Name("after") String after) {
        return intakes.list(PageRequest.of(first, after)).map(IntakeConnection::new);
    }

    @Query
    @RolesAllowed({ "editor", "admin" })
    @Description("One intake by its ID; null when there is none. Needs the role editor.")
    public Uni<Intake> intake(@Name("id") @Id @NonNull String id) {
        return intakes.byId(Intake.decodeId(id, "id"));
    }

    @NonNull
    @Description("The proposals in the order of the text, `first` of them (50 unless given, at most 100) after the"
            + " proposal `after` names (its ID), of the given kinds only when `kinds` is given.")
    public Uni<List<List<@NonNull Proposal>>> proposals(@Source List<Intake> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first,
            @Name("after") String after, @Name("kinds") List<ProposalKind> kinds) {
        PageRequest page = PageRequest.firstItems(first);
        if (after != null && !after.matches("p[0-9]{1,9}")) {
            throw new BadUserInputException("after must be a proposal ID such as p12");
        }
        Set<ProposalKind> wanted = kinds == null || kinds.isEmpty() ? null : Set.copyOf(kinds);
        return intakes.proposals(Batch.keys(parents.stream().filter(i -> i.justStored == null).toList(), i -> i.dbId))
                .map(byId -> {
            List<List<Proposal>> out = new ArrayList<>();
            for (Intake intake : parents) {
                List<Proposal> all = intake.justStored != null ? intake.justStored
                        : byId.getOrDefault(intake.dbId, List.of());
                List<Proposal> chosen = new ArrayList<>();
                boolean started = after == null;
                for (Proposal p : all) {
                    if (!started) {
                        started = p.id.equals(after);
                        continue;
                    }
                    if ((wanted == null || wanted.contains(p.kind)) && chosen.size() < page.first()) {
                        chosen.add(p);
                    }
                }
                out.add(chosen);
            }
            return out;
        });
    }

    @NonNull
    @Description("What acceptance wrote, proposal by proposal; empty unless ACCEPTED. Returns the first `first`"
            + " items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull AcceptedRecord>>> accepted(@Source List<Intake> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return Uni.createFrom().item(firstOfEach(parents, i -> i.accepted, first));
    }

    @NonNull
    @Description("The actors named in the sentence, in order of mention. Returns the first `first` items (50 unless"
            + " given, at most 100).")
    public Uni<List<List<@NonNull ProposedActor>>> participants(@Source List<ProposedEncounter> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return Uni.createFrom().item(firstOfEach(parents, e -> e.participants, first));
    }

    @NonNull
    @Description("For ACTOR_MENTION and PLACE_MENTION: where the article names it, in the order of the text (at"
            + " most " + ArticleAnalyzer.MAX_MENTION_SPANS + " kept; `mentionCount` counts all); empty for other"
            + " kinds. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull MentionSpan>>> mentions(@Source List<Proposal> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return Uni.createFrom().item(firstOfEach(parents, p -> p.mentions, first));
    }

    @Description("The recorded state: for STATE the state named, for RECORDED_PLACE the country the recorded place"
            + " lies in (null when not recorded); null when NEW.")
    public Uni<List<Actor>> state(@Source List<ProposedPlace> parents) {
        return readUnlessHeld(parents, p -> p.stateId, p -> p.state);
    }

    /**
     * The recorded actor each parent names: the one matching read, while the intake is being proposed, else read by
     * id in one statement (none when every parent holds its actor or names none).
     */
    private <P> Uni<List<Actor>> readUnlessHeld(List<P> parents, java.util.function.Function<P, Long> id,
            java.util.function.Function<P, Actor> held) {
        List<P> unread = parents.stream().filter(p -> held.apply(p) == null).toList();
        return Batch.follow(unread, id, actors::byIds).map(read -> {
            List<Actor> out = new ArrayList<>(parents.size());
            int next = 0;
            for (P parent : parents) {
                out.add(held.apply(parent) != null ? held.apply(parent) : read.get(next++));
            }
            return out;
        });
    }

    /** The first {@code first} of each parent's list, which it holds already (no statement). */
    private static <P, T> List<List<T>> firstOfEach(List<P> parents, java.util.function.Function<P, List<T>> list,
            Integer first) {
        int size = PageRequest.firstItems(first).first();
        List<List<T>> out = new ArrayList<>(parents.size());
        for (P parent : parents) {
            List<T> all = list.apply(parent);
            out.add(all.size() > size ? all.subList(0, size) : all);
        }
        return out;
    }

    @Description("The article's text while the intake is open (and after, with `parley.intake.keep-closed-text`);"
            + " null once closed.")
    public Uni<List<String>> text(@Source List<Intake> parents) {
        List<Intake> unread = parents.stream().filter(i -> i.justStoredText == null).toList();
        return intakes.texts(Batch.keys(unread, i -> i.dbId)).map(byId -> {
            List<String> out = IntakeRepository.aligned(parents, byId);
            for (int i = 0; i < parents.size(); i++) {
                if (parents.get(i).justStoredText != null) {
                    out.set(i, parents.get(i).justStoredText);
                }
            }
            return out;
        });
    }

    @Name("source")
    @Description("The source the accepted intake wrote or used; null while open or when discarded.")
    public Uni<List<org.parley.source.Source>> intakeSource(@Source List<Intake> parents) {
        return Batch.follow(parents, i -> i.sourceId, sources::byIds);
    }

    @Description("The recorded actor, when the match is EXISTING.")
    public Uni<List<Actor>> actor(@Source List<ProposedActor> parents) {
        return readUnlessHeld(parents, a -> a.actorId, a -> a.recorded);
    }

    @Description("The recorded encounter this one most likely is (same participants, overlapping dates, or the"
            + " same place): accepting the proposal attests it instead of recording a duplicate. Null when none.")
    public Uni<List<Encounter>> matches(@Source List<ProposedEncounter> parents) {
        return Batch.follow(parents, e -> e.matchedId, encounters::byIds);
    }

    @Description("For SOURCE: the recorded source with the same normalised URL; null when there is none.")
    public Uni<List<org.parley.source.Source>> matchedSource(@Source List<Proposal> parents) {
        return Batch.follow(parents, p -> p.sourceId, sources::byIds);
    }

    private Uni<String> subject() {
        return identity.getDeferredIdentity()
                .map(current -> current.isAnonymous() ? null : current.getPrincipal().getName());
    }

    private Uni<IntakePayload> answer(Uni<Long> write) {
        return answerWith(write.chain(intakes::byId));
    }

    /** The payload of a write that ends by reading its intake. */
    private Uni<IntakePayload> answerWith(Uni<Intake> written) {
        return Writes.outcome(written).map(outcome -> {
            IntakePayload payload = new IntakePayload();
            payload.intake = outcome.value();
            payload.userErrors = outcome.userErrors();
            return payload;
        });
    }
}
