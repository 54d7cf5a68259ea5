package org.parley.intake;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.actor.ActorKind;
import org.parley.actor.ActorRepository;
import org.parley.actor.ActorService;
import org.parley.actor.AddRoleInput;
import org.parley.actor.RoleService;
import org.parley.actor.CreateActorInput;
import org.parley.api.DatePrecision;
import org.parley.api.GlobalId;
import org.parley.api.NodeType;
import org.parley.api.PartialDateInput;
import org.parley.encounter.EncounterService;
import org.parley.encounter.ParticipantInput;
import org.parley.encounter.ParticipantRole;
import org.parley.encounter.PlaceInput;
import org.parley.encounter.RecordEncounterInput;
import org.parley.provenance.AttestationInput;
import org.parley.provenance.Provenance;
import org.parley.source.AddSourceInput;
import org.parley.source.AttestInput;
import org.parley.source.AttestationService;
import org.parley.source.SourceService;
import org.parley.statement.RecordStatementInput;
import org.parley.statement.StatementKind;
import org.parley.statement.StatementMode;
import org.parley.statement.StatementService;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Turns accepted proposals into records through the write paths every mutation uses (sources, actors, statements,
 * encounters, attestations), in the caller's transaction, one after another. Each attestation's excerpt is cut from
 * the article by the proposal's offsets, so it is an exact substring. A refusal names its field under
 * {@code input.accept.<index>}.
 */
@ApplicationScoped
class IntakeWriter {

    /** The stored article: its text and what was given about it. */
    record Article(String text, String url, String title, String publisher, OffsetDateTime publishedAt,
            LocalDate publishedOn, String language) {
    }

    /** What was written: one entry per record, and the source. */
    record Written(List<AcceptedRecord> records, long sourceId) {
    }

    private final SourceService sources;
    private final ActorService actors;
    private final StatementService statements;
    private final EncounterService encounters;
    private final AttestationService attestations;
    private final RoleService roles;
    private final ActorRepository actorRecords;

    IntakeWriter(SourceService sources, ActorService actors, StatementService statements, EncounterService encounters,
            AttestationService attestations, RoleService roles, ActorRepository actorRecords) {
        this.sources = sources;
        this.actors = actors;
        this.roles = roles;
        this.actorRecords = actorRecords;
        this.statements = statements;
        this.encounters = encounters;
        this.attestations = attestations;
    }

    Uni<Written> write(Article article, Map<String, Proposal> proposals, List<AcceptProposalInput> accepted) {
        if (article.text() == null) {
            throw new UserErrorException(UserError.of(UserErrorCode.CONFLICT, "the intake keeps no text", "input",
                    "intake"));
        }
        List<Proposal> chosen = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            Proposal p = proposals.get(accepted.get(i).proposal);
            if (p == null) {
                throw new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND, "the intake has no proposal "
                        + accepted.get(i).proposal, "input", "accept", String.valueOf(i), "proposal"));
            }
            chosen.add(p);
        }
        List<AcceptedRecord> records = new ArrayList<>();
        Proposal sourceProposal = proposals.values().stream().filter(p -> p.kind == ProposalKind.SOURCE).findFirst()
                .orElse(null);
        Map<String, Long> newActors = new HashMap<>();
        List<Proposal> places = chosen.stream().filter(p -> p.kind == ProposalKind.PLACE_MENTION).toList();
        Map<String, Long> placed = new HashMap<>();
        return source(article, sourceProposal, records).chain(sourceId -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (int i = 0; i < chosen.size(); i++) {
                int index = i;
                Proposal p = chosen.get(i);
                AcceptProposalInput edit = accepted.get(i);
                chain = chain.chain(() -> one(article, sourceId, p, edit, newActors, places, placed, records)
                        .onFailure(UserErrorException.class).transform(e -> new UserErrorException(
                                IntakeService.under(index, ((UserErrorException) e).errors()))));
            }
            return chain.map(ignored -> {
                placesWritten(places, placed, records);
                return new Written(records, sourceId);
            });
        });
    }

    /** The recorded source the SOURCE proposal matched, or a new one from the intake's metadata. */
    private Uni<Long> source(Article article, Proposal proposal, List<AcceptedRecord> records) {
        if (proposal != null && proposal.sourceId != null) {
            return Uni.createFrom().item(proposal.sourceId);
        }
        AddSourceInput input = new AddSourceInput();
        input.url = article.url();
        input.title = article.title();
        input.publisher = article.publisher();
        input.publishedAt = article.publishedAt();
        if (article.publishedAt() == null && article.publishedOn() != null) {
            input.publishedOn = new PartialDateInput();
            input.publishedOn.date = article.publishedOn();
            input.publishedOn.precision = DatePrecision.DAY;
        }
        input.language = article.language();
        return sources.add(input).invoke(id -> records.add(new AcceptedRecord(proposal == null ? "" : proposal.id,
                GlobalId.encode(NodeType.SOURCE, id), "CREATED")));
    }

    private Uni<Void> one(Article article, long sourceId, Proposal p, AcceptProposalInput edit,
            Map<String, Long> newActors, List<Proposal> places, Map<String, Long> placed, List<AcceptedRecord> records) {
        return switch (p.kind) {
            case QUOTE, QUOTED_PHRASE, REPORTED_SPEECH -> statement(article, sourceId, p, edit, newActors, records);
            case ENCOUNTER -> encounter(article, sourceId, p, edit, places, placed, records);
            case ACTOR_MENTION -> mention(article, sourceId, p, edit, newActors, records);
            // written with what uses them (a place with the new encounters of its sentences)
            case SOURCE, DATE, PLACE_MENTION -> Uni.createFrom().voidItem();
        };
    }

    /**
     * An actor the article names: a recorded one (the proposal's, or the one the editor names) needs no row, and is
     * noted as MATCHED; a NEW one is created here, as a new speaker is, once per name within the acceptance.
     */
    private Uni<Void> mention(Article article, long sourceId, Proposal p, AcceptProposalInput edit,
            Map<String, Long> newActors, List<AcceptedRecord> records) {
        if (edit.actor != null) {
            long id = Provenance.id(edit.actor, NodeType.ACTOR, "input", "actor");
            return actorRecords.byIds(new Long[] { id }).invoke(found -> {
                if (!found.containsKey(id)) {
                    throw new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND, "no actor has this ID", "input",
                            "actor"));
                }
                records.add(new AcceptedRecord(p.id, GlobalId.encode(NodeType.ACTOR, id), "MATCHED"));
            }).replaceWithVoid();
        }
        ProposedActor actor = p.mentioned;
        if (actor.match == ActorMatchKind.EXISTING) {
            records.add(new AcceptedRecord(p.id, GlobalId.encode(NodeType.ACTOR, actor.actorId), "MATCHED"));
            return Uni.createFrom().voidItem();
        }
        return newActor(article, sourceId, p.id, actor, newActors, records).replaceWithVoid();
    }

    /** Accepted places: noted with the encounter they became the place of, or a STATE as MATCHED. */
    private static void placesWritten(List<Proposal> places, Map<String, Long> placed, List<AcceptedRecord> records) {
        for (Proposal place : places) {
            Long encounter = placed.get(place.id);
            if (encounter != null) {
                records.add(new AcceptedRecord(place.id, GlobalId.encode(NodeType.ENCOUNTER, encounter), "PLACED"));
            } else if (place.place.match == PlaceMatchKind.STATE) {
                records.add(new AcceptedRecord(place.id, GlobalId.encode(NodeType.ACTOR, place.place.stateId),
                        "MATCHED"));
            }
        }
    }

    private Uni<Void> statement(Article article, long sourceId, Proposal p, AcceptProposalInput edit,
            Map<String, Long> newActors, List<AcceptedRecord> records) {
        RecordStatementInput input = new RecordStatementInput();
        input.text = p.text;
        input.mode = p.kind == ProposalKind.REPORTED_SPEECH ? StatementMode.PARAPHRASE : StatementMode.VERBATIM;
        input.kind = edit.kind != null ? edit.kind : p.statementKind != null ? p.statementKind : StatementKind.CLAIM;
        input.saidOn = edit.date != null ? edit.date : IntakeService.input(p.date);
        input.attestations = List.of(attestation(article, sourceId, p));
        return speaker(article, sourceId, p, edit, newActors, records, input)
                .chain(() -> statements.record(input))
                .invoke(id -> records.add(new AcceptedRecord(p.id, GlobalId.encode(NodeType.STATEMENT, id), "CREATED")))
                .replaceWithVoid();
    }

    /** The edit's speaker, else the proposal's: a recorded actor, a description, or a new actor created here. */
    private Uni<Void> speaker(Article article, long sourceId, Proposal p, AcceptProposalInput edit,
            Map<String, Long> newActors, List<AcceptedRecord> records, RecordStatementInput input) {
        if (edit.speaker != null || edit.speakerLabel != null) {
            input.speaker = edit.speaker;
            input.speakerLabel = edit.speakerLabel;
            return Uni.createFrom().voidItem();
        }
        ProposedActor speaker = p.speaker;
        if (speaker == null || speaker.match == ActorMatchKind.UNKNOWN) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "no speaker was found for it: give"
                    + " speaker or speakerLabel", "input", "speaker"));
        }
        switch (speaker.match) {
            case EXISTING:
                input.speaker = GlobalId.encode(NodeType.ACTOR, speaker.actorId);
                return Uni.createFrom().voidItem();
            case DESCRIBED:
                input.speakerLabel = speaker.name.length() > 300 ? speaker.name.substring(0, 300) : speaker.name;
                return Uni.createFrom().voidItem();
            default:
                return newActor(article, sourceId, p.id, speaker, newActors, records)
                        .invoke(id -> input.speaker = GlobalId.encode(NodeType.ACTOR, id)).replaceWithVoid();
        }
    }

    /**
     * The actor a NEW name becomes: created once per name within the acceptance (a speaker and a mention of the same
     * name are one actor), a PERSON unless its name holds an organisation word ("Ministry", "Agency"), with its
     * printed title as description and the role that title gives.
     */
    private Uni<Long> newActor(Article article, long sourceId, String proposal, ProposedActor named,
            Map<String, Long> newActors, List<AcceptedRecord> records) {
        Long known = newActors.get(named.name);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        LanguageRules rules = LanguageRules.of(article.language());
        CreateActorInput actor = new CreateActorInput();
        actor.kind = java.util.Arrays.stream(named.name.split("\\s+"))
                .anyMatch(w -> rules.organisationWords().contains(Mentions.lower(w))) ? ActorKind.ORGANIZATION
                        : ActorKind.PERSON;
        actor.name = named.name;
        actor.description = named.title;
        return actors.create(actor).invoke(id -> {
            newActors.put(named.name, id);
            records.add(new AcceptedRecord(proposal, GlobalId.encode(NodeType.ACTOR, id), "CREATED"));
        }).call(id -> actor.kind == ActorKind.PERSON ? role(article, sourceId, named.title, id)
                : Uni.createFrom().voidItem());
    }

    /**
     * The role a new speaker's printed title gives, added through the roles' write path with the article as its
     * source: "North Korean Defense Minister" is the role "Defense Minister" (from the first title word on), held in
     * the recorded state or organisation the words before it name ("North Korean": North Korea), if any.
     */
    private Uni<Void> role(Article article, long sourceId, String printed, long actorId) {
        String[] parts = titleParts(printed, LanguageRules.of(article.language()));
        if (parts == null) {
            return Uni.createFrom().voidItem();
        }
        return organisation(parts[0]).chain(organisation -> {
            AddRoleInput input = new AddRoleInput();
            input.actor = GlobalId.encode(NodeType.ACTOR, actorId);
            input.title = parts[1];
            input.organization = organisation == null ? null : GlobalId.encode(NodeType.ACTOR, organisation);
            input.source = GlobalId.encode(NodeType.SOURCE, sourceId);
            return roles.add(input).replaceWithVoid();
        });
    }

    /** {the words before the title proper (or null), the title proper}; null when the words hold no title word. */
    static String[] titleParts(String printed, LanguageRules rules) {
        if (printed == null || printed.isBlank()) {
            return null;
        }
        String[] words = printed.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (rules.titleWords().contains(words[i])) {
                String before = String.join(" ", java.util.Arrays.copyOfRange(words, 0, i));
                String title = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
                return new String[] { before.isEmpty() ? null : before, title.length() > 300 ? title.substring(0, 300) : title };
            }
        }
        return null;
    }

    /**
     * The recorded state or organisation a nationality names: the words as a name or alias, else without their
     * adjective ending ("North Korean": North Korea, "Russian": Russia); a person is never one. Null when none.
     */
    private Uni<Long> organisation(String words) {
        if (words == null) {
            return Uni.createFrom().nullItem();
        }
        List<String> candidates = new ArrayList<>(List.of(words));
        for (String ending : List.of("n", "ian", "ese", "i")) {
            if (words.endsWith(ending) && words.length() > ending.length() + 2) {
                candidates.add(words.substring(0, words.length() - ending.length()));
            }
        }
        Uni<Long> found = Uni.createFrom().nullItem();
        for (String candidate : candidates) {
            found = found.chain(id -> id != null ? Uni.createFrom().item(id)
                    : actorRecords.byName(candidate).map(actor -> actor == null || actor.kind == ActorKind.PERSON
                            ? null : actor.dbId));
        }
        return found;
    }

    private Uni<Void> encounter(Article article, long sourceId, Proposal p, AcceptProposalInput edit,
            List<Proposal> places, Map<String, Long> placed, List<AcceptedRecord> records) {
        Long target = edit.encounter != null ? Provenance.id(edit.encounter, NodeType.ENCOUNTER, "input", "encounter")
                : p.encounter.matchedId;
        AttestationInput attestation = attestation(article, sourceId, p);
        if (target != null) {
            // the article reports a recorded encounter: it attests it, unless it does already
            return Panache.getSession().chain(session -> session.createNativeQuery("select count(*) from attestation"
                    + " where encounter_id = :encounter and source_id = :source", Long.class)
                    .setParameter("encounter", target).setParameter("source", sourceId).getSingleResult())
                    .chain(count -> {
                        if (count > 0) {
                            return Uni.createFrom().voidItem();
                        }
                        AttestInput attest = new AttestInput();
                        attest.source = attestation.source;
                        attest.encounter = GlobalId.encode(NodeType.ENCOUNTER, target);
                        attest.excerpt = attestation.excerpt;
                        attest.reportedDate = attestation.reportedDate;
                        return attestations.attest(attest).replaceWithVoid();
                    })
                    .invoke(() -> records.add(new AcceptedRecord(p.id, GlobalId.encode(NodeType.ENCOUNTER, target),
                            "ATTESTED")));
        }
        RecordEncounterInput input = new RecordEncounterInput();
        input.kind = p.encounter.kind;
        input.title = p.encounter.title;
        input.status = p.encounter.status;
        input.start = edit.date != null ? edit.date : IntakeService.input(p.date);
        Proposal place = placeWithin(places, p.start, p.end);
        if (place != null && (p.encounter.place == null || p.encounter.place.equalsIgnoreCase(place.place.name))) {
            input.place = new PlaceInput();
            input.place.name = place.place.name;
            input.place.country = place.place.stateId == null ? null
                    : GlobalId.encode(NodeType.ACTOR, place.place.stateId);
        } else if (p.encounter.place != null) {
            input.place = new PlaceInput();
            input.place.name = p.encounter.place;
        }
        input.participants = new ArrayList<>();
        p.encounter.participants.stream().filter(a -> a.actorId != null).map(a -> a.actorId).distinct().forEach(id -> {
            ParticipantInput participant = new ParticipantInput();
            participant.actor = GlobalId.encode(NodeType.ACTOR, id);
            participant.role = ParticipantRole.PRINCIPAL;
            input.participants.add(participant);
        });
        if (input.participants.isEmpty()) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "none of its participants is a recorded"
                    + " actor: record them first, or name the recorded encounter", "input", "encounter"));
        }
        input.attestations = List.of(attestation);
        return encounters.record(input)
                .invoke(id -> {
                    records.add(new AcceptedRecord(p.id, GlobalId.encode(NodeType.ENCOUNTER, id), "CREATED"));
                    if (input.place != null && place != null && input.place.name.equals(place.place.name)) {
                        placed.putIfAbsent(place.id, id);
                    }
                })
                .replaceWithVoid();
    }

    /** The first accepted place with a mention inside {@code [start, end)} (an encounter's sentence); null if none. */
    private static Proposal placeWithin(List<Proposal> places, int start, int end) {
        for (Proposal place : places) {
            for (MentionSpan m : place.mentions) {
                if (m.start >= start && m.end <= end) {
                    return place;
                }
            }
        }
        return null;
    }

    /** The article's words for the proposal, cut by its offsets, with the date the sentence gives. */
    private static AttestationInput attestation(Article article, long sourceId, Proposal p) {
        AttestationInput attestation = new AttestationInput();
        attestation.source = GlobalId.encode(NodeType.SOURCE, sourceId);
        int from = p.excerptStart != null ? p.excerptStart : p.start;
        int to = p.excerptEnd != null ? p.excerptEnd : p.end;
        attestation.excerpt = article.text().substring(from, Math.min(to, from + ArticleAnalyzer.MAX_EXCERPT));
        attestation.reportedDate = IntakeService.plainInput(p.date);
        return attestation;
    }
}
