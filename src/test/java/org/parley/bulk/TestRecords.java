package org.parley.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.testsupport.Database;

/** The import tests' files (src/test/resources/import) and the clean-up of the "zz-test-" records they write. */
final class TestRecords {

    private static final List<String> TABLES = List.of("actor", "actor_alias", "actor_role", "source", "encounter",
            "participant", "encounter_status_change", "statement", "statement_about", "attestation", "change_log");

    private TestRecords() {
    }

    static String file(String name) {
        try (InputStream in = TestRecords.class.getClassLoader().getResourceAsStream("import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the records keyed zz-test-..., with their change-log entries. */
    static void delete() {
        for (String table : List.of("statement", "encounter", "actor", "source")) {
            String type = Character.toUpperCase(table.charAt(0)) + table.substring(1);
            Database.execute("delete from change_log where node_type = ? and node_id in (select id from " + table
                    + " where slug like 'zz-test-%')", type);
        }
        Database.execute("delete from statement where slug like 'zz-test-%'");
        Database.execute("delete from encounter where slug like 'zz-test-%'");
        // references between test actors first: one delete cannot both cascade to a role and check its organization
        Database.execute("delete from actor_role where actor_id in (select id from actor where slug like 'zz-test-%')"
                + " or organization_id in (select id from actor where slug like 'zz-test-%')");
        Database.execute("update actor set country_id = null where slug like 'zz-test-%'");
        Database.execute("delete from actor where slug like 'zz-test-%'");
        Database.execute("delete from source where slug like 'zz-test-%'");
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
