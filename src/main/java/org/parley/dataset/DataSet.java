package org.parley.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.parley.graphql.PartialDate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The curated data set as read from its JSON Lines file (format: docs/DATA.md): sources, actors, encounters and
 * statements that refer to each other by key. {@link #read} rejects a file with unknown fields, dangling references,
 * malformed dates or unattested records, naming the line.
 */
// Jackson binds the records by reflection: a native executable needs them registered.
@RegisterForReflection(targets = { DataSet.SourceRecord.class, DataSet.ActorRecord.class, DataSet.RoleRecord.class,
        DataSet.EncounterRecord.class, DataSet.PlaceRecord.class, DataSet.ParticipantRecord.class,
        DataSet.StatementRecord.class, DataSet.AttestationRecord.class })
public record DataSet(List<SourceRecord> sources, List<ActorRecord> actors, List<EncounterRecord> encounters,
        List<StatementRecord> statements, String checksum) {

    @RegisterForReflection
    public record SourceRecord(String type, String key, String title, String publisher, String author, String url,
            String publishedAt, String publishedOn, String updatedAt, String language, String reliabilityNote,
            String seedFile) {
    }

    @RegisterForReflection
    public record ActorRecord(String type, String key, String kind, String name, List<String> aliases,
            String description, String wikidataId, String country, List<RoleRecord> roles) {
    }

    @RegisterForReflection
    public record RoleRecord(String title, String organization, String start, String end, String source) {
    }

    @RegisterForReflection
    public record EncounterRecord(String type, String key, String kind, String title, String summary, String status,
            String start, String end, PlaceRecord place, List<ParticipantRecord> participants,
            List<AttestationRecord> attestations) {
    }

    @RegisterForReflection
    public record PlaceRecord(String name, String locality, String country, Double latitude, Double longitude) {
    }

    @RegisterForReflection
    public record ParticipantRecord(String actor, String role, String note) {
    }

    @RegisterForReflection
    public record StatementRecord(String type, String key, String text, String mode, String kind, String speaker,
            String speakerLabel, String saidOn, String encounter, List<String> about, String respondsTo,
            List<AttestationRecord> attestations) {
    }

    @RegisterForReflection
    public record AttestationRecord(String source, String excerpt, String note, String reportedDate) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads and checks a data set; the message of the exception names the offending line. */
    public static DataSet read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        List<SourceRecord> sources = new ArrayList<>();
        List<ActorRecord> actors = new ArrayList<>();
        List<EncounterRecord> encounters = new ArrayList<>();
        List<StatementRecord> statements = new ArrayList<>();
        Checker checker = new Checker();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                checker.line = number;
                try {
                    JsonNode node = MAPPER.readTree(line);
                    String type = node.path("type").asText();
                    switch (type) {
                        case "source" -> sources.add(checker.source(MAPPER.treeToValue(node, SourceRecord.class)));
                        case "actor" -> actors.add(checker.actor(MAPPER.treeToValue(node, ActorRecord.class)));
                        case "encounter" -> encounters.add(MAPPER.treeToValue(node, EncounterRecord.class));
                        case "statement" -> statements.add(MAPPER.treeToValue(node, StatementRecord.class));
                        default -> throw new IllegalArgumentException("unknown type \"" + type + "\"");
                    }
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException("Data set line " + number + ": " + e.getMessage(), e);
                }
            }
        }
        DataSet dataSet = new DataSet(sources, actors, encounters, statements, sha256(bytes));
        checker.references(dataSet);
        return dataSet;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks that need the whole file: keys, references, dates, attestations. */
    private static final class Checker {
        int line;
        final Set<String> sourceKeys = new HashSet<>();
        final Set<String> actorKeys = new HashSet<>();

        SourceRecord source(SourceRecord source) {
            key(source.key(), sourceKeys, "source");
            partial(source.publishedOn());
            instant(source.publishedAt());
            instant(source.updatedAt());
            return source;
        }

        ActorRecord actor(ActorRecord actor) {
            key(actor.key(), actorKeys, "actor");
            require(actor.name() != null && !actor.name().isBlank(), "actor " + actor.key() + " has no name");
            return actor;
        }

        void references(DataSet data) {
            for (ActorRecord actor : data.actors()) {
                ref(actor.country(), actorKeys, "country of actor " + actor.key());
                for (RoleRecord role : list(actor.roles())) {
                    ref(role.organization(), actorKeys, "organization of a role of " + actor.key());
                    ref(role.source(), sourceKeys, "source of a role of " + actor.key());
                    dates(role.start(), role.end(), "role " + role.title() + " of " + actor.key());
                }
            }
            Set<String> encounterKeys = new HashSet<>();
            for (EncounterRecord encounter : data.encounters()) {
                String what = "encounter " + encounter.key();
                key(encounter.key(), encounterKeys, "encounter");
                dates(encounter.start(), encounter.end(), what);
                if (encounter.place() != null) {
                    ref(encounter.place().country(), actorKeys, "place country of " + what);
                }
                require(!list(encounter.participants()).isEmpty(), what + " has no participants");
                list(encounter.participants()).forEach(p -> ref(p.actor(), actorKeys, "participant of " + what));
                attestations(encounter.attestations(), what);
            }
            Set<String> statementKeys = new HashSet<>();
            data.statements().forEach(s -> key(s.key(), statementKeys, "statement"));
            for (StatementRecord statement : data.statements()) {
                String what = "statement " + statement.key();
                require(statement.speaker() != null || statement.speakerLabel() != null, what + " has no speaker");
                ref(statement.speaker(), actorKeys, "speaker of " + what);
                ref(statement.encounter(), encounterKeys, "encounter of " + what);
                ref(statement.respondsTo(), statementKeys, "respondsTo of " + what);
                list(statement.about()).forEach(a -> ref(a, actorKeys, "about of " + what));
                partial(statement.saidOn());
                attestations(statement.attestations(), what);
            }
        }

        private void attestations(List<AttestationRecord> attestations, String what) {
            require(!list(attestations).isEmpty(), what + " has no attestation");
            for (AttestationRecord attestation : attestations) {
                ref(attestation.source(), sourceKeys, "attestation source of " + what);
                require(attestation.excerpt() != null && !attestation.excerpt().isBlank(),
                        "an attestation of " + what + " has no excerpt");
                partial(attestation.reportedDate());
            }
        }

        private void key(String key, Set<String> keys, String type) {
            require(key != null && key.matches("[a-z0-9][a-z0-9-]*"), type + " key is not a slug: " + key);
            require(keys.add(key), "duplicate " + type + " key " + key);
        }

        private void ref(String key, Set<String> keys, String what) {
            require(key == null || keys.contains(key), what + " refers to unknown key " + key);
        }

        private void dates(String start, String end, String what) {
            PartialDate from = partial(start);
            PartialDate to = partial(end);
            require(to == null || (from != null && !to.until().isBefore(from.date)), what + " ends before it starts");
        }

        private PartialDate partial(String text) {
            return text == null ? null : PartialDate.parse(text);
        }

        private void instant(String text) {
            if (text != null) {
                OffsetDateTime.parse(text);
            }
        }

        private void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
