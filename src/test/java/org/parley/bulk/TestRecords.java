package org.parley.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.testsupport.Database;

/** The import tests' files (src/test/resources/import), and what they count to see that nothing was written. */
final class TestRecords {

    private static final List<String> TABLES = List.of("actor", "actor_alias", "actor_role", "source", "encounter",
            "participant", "encounter_status_change", "statement", "statement_about", "statement_about_encounter", "attestation",
            "change_log");

    private TestRecords() {
    }

    static String file(String name) {
        try (InputStream in = TestRecords.class.getClassLoader().getResourceAsStream("import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of rows of every table an import writes to. */
    static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, Database.count("select count(*) from " + table));
        }
        return counts;
    }
}
