package org.parley.testsupport;

import java.util.UUID;

/**
 * Rows that tests create through the API are named "Zz Test ..." (so their slugs start with zz-test-) and removed
 * afterwards, leaving the curated data as it was.
 */
public final class TestRows {

    private TestRows() {
    }

    /** A name no other test run uses. */
    public static String unique(String what) {
        return "Zz Test " + what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The current version of the row behind a global ID. */
    public static int version(String table, String globalId) {
        return ((Number) Database.column("select version from " + table + " where id = ?", Ids.dbId(globalId))
                .get(0)).intValue();
    }

    /** Removes every test row, and the audit entries and attestations that hang on them. */
    public static void removeAll() {
        Database.execute("delete from change_log where (node_type = 'Actor' and node_id in (select id from actor"
                + " where slug like 'zz-test-%')) or (node_type = 'Encounter' and node_id in (select id from encounter"
                + " where slug like 'zz-test-%')) or (node_type = 'Statement' and node_id in (select id from statement"
                + " where slug like 'zz-test-%')) or (node_type = 'Source' and node_id in (select id from source"
                + " where slug like 'zz-test-%'))");
        Database.execute("delete from statement where slug like 'zz-test-%'");
        Database.execute("delete from encounter where slug like 'zz-test-%'");
        Database.execute("delete from actor where slug like 'zz-test-%'");
        Database.execute("delete from attestation where source_id in (select id from source where slug like 'zz-test-%')");
        Database.execute("delete from source where slug like 'zz-test-%'");
    }
}
