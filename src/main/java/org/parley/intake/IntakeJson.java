package org.parley.intake;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Proposals and accepted records as the JSON the intake row keeps (Quarkus' ObjectMapper: ISO dates). */
@ApplicationScoped
class IntakeJson {

    private static final TypeReference<List<Proposal>> PROPOSALS = new TypeReference<>() {
    };
    private static final TypeReference<List<AcceptedRecord>> ACCEPTED = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    IntakeJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("intake JSON", e);
        }
    }

    List<Proposal> proposals(String json) {
        return read(json, PROPOSALS);
    }

    List<AcceptedRecord> accepted(String json) {
        return read(json, ACCEPTED);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("intake JSON", e);
        }
    }
}
