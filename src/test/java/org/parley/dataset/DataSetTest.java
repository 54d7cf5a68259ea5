package org.parley.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The reader's checks, on small files written here (no database, no Quarkus). */
class DataSetTest {

    private static final String SOURCE = "{\"type\":\"source\",\"key\":\"s1\",\"title\":\"T\",\"publisher\":null,\"author\":null,"
            + "\"url\":null,\"publishedAt\":null,\"publishedOn\":\"2018-05\",\"updatedAt\":null,\"language\":\"en\","
            + "\"reliabilityNote\":null,\"seedFile\":null}";
    private static final String ACTOR = "{\"type\":\"actor\",\"key\":\"a1\",\"kind\":\"PERSON\",\"name\":\"A\",\"aliases\":[],"
            + "\"description\":null,\"wikidataId\":null,\"country\":null,\"roles\":[]}";
    private static final String ENCOUNTER = "{\"type\":\"encounter\",\"key\":\"e1\",\"kind\":\"MEETING\",\"title\":\"M\","
            + "\"summary\":null,\"status\":\"HELD\",\"start\":\"2018-05-31\",\"end\":null,\"place\":null,"
            + "\"participants\":[{\"actor\":\"a1\",\"role\":\"HOST\",\"note\":null}],"
            + "\"attestations\":[{\"source\":\"s1\",\"excerpt\":\"x\",\"note\":null,\"reportedDate\":null}]}";

    private static DataSet read(String... lines) throws IOException {
        return DataSet.read(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
    }

    private static String failure(String... lines) {
        return assertThrows(IllegalArgumentException.class, () -> read(lines)).getMessage();
    }

    @Test
    void readsAWellFormedFile() throws IOException {
        DataSet data = read(SOURCE, ACTOR, ENCOUNTER);
        assertEquals(1, data.sources().size());
        assertEquals(1, data.encounters().size());
        assertEquals(64, data.checksum().length());
    }

    @Test
    void rejectsAnUnknownField() {
        assertTrue(failure(SOURCE, ACTOR.replace("\"kind\"", "\"knd\"")).startsWith("Data set line 2:"));
    }

    @Test
    void rejectsADanglingReference() {
        assertTrue(failure(SOURCE, ACTOR, ENCOUNTER.replace("\"actor\":\"a1\"", "\"actor\":\"nobody\""))
                .contains("refers to unknown key nobody"));
    }

    @Test
    void rejectsAnUnattestedEncounter() {
        String unattested = ENCOUNTER.replaceAll("\"attestations\":\\[.*\\]}$", "\"attestations\":[]}");
        assertTrue(failure(SOURCE, ACTOR, unattested).contains("has no attestation"));
    }

    @Test
    void rejectsMalformedDatesAndPeriodsThatEndBeforeTheyStart() {
        assertTrue(failure(SOURCE.replace("\"2018-05\"", "\"May 2018\""), ACTOR).startsWith("Data set line 1:"));
        assertTrue(failure(SOURCE, ACTOR, ENCOUNTER.replace("\"end\":null", "\"end\":\"2018-05-30\""))
                .contains("ends before it starts"));
    }

    @Test
    void rejectsDuplicateKeysAndNonSlugKeys() {
        assertTrue(failure(SOURCE, SOURCE).contains("duplicate source key s1"));
        assertTrue(failure(SOURCE.replace("\"s1\"", "\"S 1\"")).contains("not a slug"));
    }
}
