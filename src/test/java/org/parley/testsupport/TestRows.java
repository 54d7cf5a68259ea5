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

    /**
     * Removes every test row, the audit entries and attestations that hang on them, and every reference to a test
     * actor from other rows. It also clears what an interrupted earlier run left behind (the tests share one database
     * across runs), so each test class that creates rows calls it when it ends.
     */
    public static void removeAll() {
        String actors = "(select id from actor where slug like 'zz-test-%')";
        Database.execute("delete from change_log where (node_type = 'Actor' and node_id in " + actors + ")"
                + " or (node_type = 'Encounter' and node_id in (select id from encounter where slug like 'zz-test-%'))"
                + " or (node_type = 'Statement' and node_id in (select id from statement where slug like 'zz-test-%'))"
                + " or (node_type = 'Source' and node_id in (select id from source where slug like 'zz-test-%'))"
                + " or (node_type = 'Agreement' and node_id in (select id from agreement where slug like 'zz-test-%'))");
        // agreements first: test agreements, and the links of curated ones to test actors, encounters and sources
        String testAgreements = "(select id from agreement where slug like 'zz-test-%')";
        Database.execute("delete from statement_about_agreement where agreement_id in " + testAgreements);
        Database.execute("delete from agreement where slug like 'zz-test-%'");
        Database.execute("delete from agreement_party where actor_id in " + actors);
        Database.execute("update agreement set signed_at_id = null where signed_at_id in"
                + " (select id from encounter where slug like 'zz-test-%')");
        Database.execute("delete from agreement_attestation where source_id in"
                + " (select id from source where slug like 'zz-test-%')");
        Database.execute("update agreement_step set source_id = null where source_id in"
                + " (select id from source where slug like 'zz-test-%')");
        // references to test rows from rows that stay (a test may have pointed a curated row at one of its own)
        // a statement that a test actor made is a test row, whatever its slug
        String statements = "(select id from statement where slug like 'zz-test-%' or speaker_id in " + actors + ")";
        Database.execute("update statement set responds_to_id = null where responds_to_id in " + statements);
        Database.execute("delete from statement_about_statement where about_statement_id in " + statements);
        Database.execute("delete from statement_about where actor_id in " + actors);
        Database.execute("delete from participant where actor_id in " + actors);
        Database.execute("update encounter set place_country_id = null where place_country_id in " + actors);
        Database.execute("delete from statement where id in " + statements);
        // a curated encounter a test made part of a test one
        Database.execute("update encounter set part_of_id = null where part_of_id in"
                + " (select id from encounter where slug like 'zz-test-%') and slug not like 'zz-test-%'");
        Database.execute("delete from encounter where slug like 'zz-test-%'");
        // references between test actors next: one delete cannot both cascade to a role and check its organization
        Database.execute("delete from actor_role where actor_id in " + actors + " or organization_id in " + actors);
        Database.execute("update actor set country_id = null where country_id in " + actors);
        Database.execute("update actor set merged_into_id = null, deleted_at = coalesce(deleted_at, now())"
                + " where merged_into_id in " + actors);
        Database.execute("delete from actor where slug like 'zz-test-%'");
        // a test that attests a curated row marks its excerpt
        Database.execute("delete from attestation where excerpt ilike 'zz test%' or source_id in"
                + " (select id from source where slug like 'zz-test-%')");
        Database.execute("update encounter_status_change set source_id = null where source_id in"
                + " (select id from source where slug like 'zz-test-%')");
        Database.execute("update actor_role set source_id = null where source_id in"
                + " (select id from source where slug like 'zz-test-%')");
        Database.execute("delete from statement_about_source where source_id in"
                + " (select id from source where slug like 'zz-test-%')");
        Database.execute("delete from source where slug like 'zz-test-%'");
    }
}
