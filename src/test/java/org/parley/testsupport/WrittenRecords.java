package org.parley.testsupport;

import java.util.List;

/** Removes what a test wrote through a source: its statements, their attestations and change log, the source. */
public final class WrittenRecords {

    private WrittenRecords() {
    }

    /** The source, its attestations, and the statements attested by it (an intake's acceptance writes them so). */
    public static void removeSource(long source) {
        List<Number> statements = Database.column("select statement_id from attestation where source_id = ?"
                + " and statement_id is not null", source);
        Database.execute("delete from attestation where source_id = ?", source);
        for (Number statement : statements) {
            Database.execute("delete from change_log where node_type = 'Statement' and node_id = ?",
                    statement.longValue());
            Database.execute("delete from statement where id = ?", statement.longValue());
        }
        Database.execute("delete from change_log where node_type = 'Source' and node_id = ?", source);
        Database.execute("delete from source where id = ?", source);
    }
}
