package org.parley.bulk;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes every live record (tombstones left out) in the import format, one line each: sources, actors, encounters, statements, then
 * attestations, so that every reference points to an earlier line (but for an actor's country or organization and a
 * statement's response, which may point forward, as the import allows). Run it in one read-only transaction for a
 * consistent copy; rows are read in batches, never all at once.
 */
public final class Exporter {

    private Exporter() {
    }

    /** Writes the records; returns how many. */
    public static long export(Connection connection, Writer out) throws SQLException, IOException {
        long[] written = { 0 };
        for (LineKind kind : Importer.KINDS) {
            kind.export(connection, record -> {
                out.write(LineKind.MAPPER.writeValueAsString(record));
                out.write('\n');
                written[0]++;
            });
        }
        return written[0];
    }
}
