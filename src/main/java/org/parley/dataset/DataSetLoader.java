package org.parley.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.bulk.BulkService;
import org.parley.bulk.ImportReport;
import org.parley.bulk.Importer;

import io.quarkus.runtime.StartupEvent;

/**
 * Adds the curated data set ({@value #RESOURCE}, in the import format of docs/IMPORT.md) at start, through the
 * importer: records the database lacks are created, records already present are left as they are, so that editors'
 * changes survive a restart. The importer's transaction and advisory lock make replicas starting together load one
 * after the other, and a failure leaves nothing half-loaded.
 */
@ApplicationScoped
public class DataSetLoader {

    private static final Logger LOG = Logger.getLogger(DataSetLoader.class);
    public static final String RESOURCE = "data/curated.jsonl";
    /** The change log's "who" for the records the loader adds. */
    static final String SUBJECT = "curated-data-set";

    private final BulkService bulk;
    private final boolean loadAtStart;

    DataSetLoader(BulkService bulk, @ConfigProperty(name = "parley.dataset.load-at-start") boolean loadAtStart) {
        this.bulk = bulk;
        this.loadAtStart = loadAtStart;
    }

    void onStart(@Observes StartupEvent event) throws SQLException, IOException {
        if (!loadAtStart) {
            return;
        }
        // blocks start-up on purpose: the service is not ready before its data is
        String checksum = checksum();
        if (loaded(checksum)) {
            // checking every record again costs a second of each start (bench/startup.sh); a version loaded once
            // needs no second look: what is missing since was deleted by an editor
            LOG.infof("Curated data set %s already loaded", checksum.substring(0, 12));
            return;
        }
        ImportReport report = load();
        LOG.infof("Curated data set: %d records added, %d already present", report.created, report.unchanged);
    }

    /** Adds what the database lacks of the curated data set, and records which version it now holds; one transaction. */
    public ImportReport load() throws SQLException, IOException {
        return bulk.transaction(connection -> {
            MessageDigest digest = sha256();
            try (InputStream in = new DigestInputStream(curated(), digest);
                    Reader lines = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                ImportReport report = Importer.run(connection, lines, SUBJECT, Importer.Mode.ADD_MISSING);
                if (!report.accepted()) {
                    throw new IllegalStateException("The importer refuses the curated data set: " + report.rejections);
                }
                try (PreparedStatement loaded = connection.prepareStatement(
                        "insert into dataset_load (name, checksum, inserted) select ?, ?, ?"
                                + " where not exists (select 1 from dataset_load where name = ? and checksum = ?)")) {
                    String checksum = HexFormat.of().formatHex(digest.digest());
                    loaded.setString(1, RESOURCE);
                    loaded.setString(2, checksum);
                    loaded.setInt(3, report.created);
                    loaded.setString(4, RESOURCE);
                    loaded.setString(5, checksum);
                    loaded.executeUpdate();
                }
                return report;
            }
        }, report -> true);
    }

    /** Whether this version of the data set was loaded into the database before. */
    boolean loaded(String checksum) throws SQLException, IOException {
        return bulk.transaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "select 1 from dataset_load where name = ? and checksum = ?")) {
                query.setString(1, RESOURCE);
                query.setString(2, checksum);
                try (ResultSet found = query.executeQuery()) {
                    return found.next();
                }
            }
        }, found -> true);
    }

    /** The SHA-256 of the shipped file, as {@link #load()} records it. */
    static String checksum() throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = curated()) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The curated data set, as shipped. */
    public static InputStream curated() throws IOException {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("Missing resource " + RESOURCE);
        }
        return in;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
