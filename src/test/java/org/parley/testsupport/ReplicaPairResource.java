package org.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A private PostgreSQL 15 primary and a streaming replica of it, both started by the test from the system's binaries
 * ({@link #BIN}, the PostgreSQL the machine runs): {@code initdb}, then {@code pg_basebackup -R} of the primary (a
 * standby that streams from it). The application under test writes to the primary and reads from the replica.
 * <p>
 * Why not a base backup of the machine's server (127.0.0.1:5432): its {@code pg_hba.conf} allows no replication
 * connections ({@code all} does not cover them), and allowing them means editing a system file; a pair of its own
 * needs nothing from the machine but the binaries, here and in CI alike. As root (CI, this machine) the servers run
 * as user {@code postgres} through {@code runuser}, since {@code initdb} refuses root.
 */
public class ReplicaPairResource implements QuarkusTestResourceLifecycleManager {

    /** Where the binaries are: {@code /usr/lib/postgresql/15/bin} unless the system property names another place. */
    public static final String BIN = System.getProperty("parley.test.postgresql-bin", "/usr/lib/postgresql/15/bin");
    private static final String SERVICE_USER = "postgres";

    private static Path directory;
    private static int primaryPort;
    private static int replicaPort;
    private static boolean replicaRunning;

    /** With this environment variable {@code true} (CI), missing binaries fail the test instead of skipping it. */
    public static final String REQUIRED = "PARLEY_REQUIRE_PG_BINARIES";

    /**
     * Whether the test may run: the PostgreSQL binaries the pair needs are installed, or they are required (then
     * {@link #start()} fails, naming what is missing).
     */
    public static boolean binariesPresent() {
        return installed() || "true".equals(System.getenv(REQUIRED));
    }

    private static boolean installed() {
        return Stream.of("initdb", "pg_ctl", "pg_basebackup", "postgres")
                .allMatch(name -> Files.isExecutable(Path.of(BIN, name)));
    }

    @Override
    public Map<String, String> start() {
        if (!installed()) {
            throw new IllegalStateException(REQUIRED + "=true, but initdb, pg_ctl, pg_basebackup and postgres are not"
                    + " all in " + BIN + " (apt-get install postgresql-15, or -Dparley.test.postgresql-bin=<dir>)");
        }
        long started = System.nanoTime();
        try {
            directory = Files.createTempDirectory("parley-replica-pair");
            if (asRoot()) {
                UserPrincipal owner = directory.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(SERVICE_USER);
                Files.setOwner(directory, owner);
            }
            primaryPort = freePort();
            replicaPort = freePort();
            run(BIN + "/initdb", "--no-sync", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "-D",
                    primary().toString());
            // replication from 127.0.0.1 is in initdb's pg_hba.conf; a standby copies these settings with the backup
            Files.writeString(primary().resolve("postgresql.conf"), "\nlisten_addresses = '127.0.0.1'\n"
                    + "port = " + primaryPort + "\nunix_socket_directories = ''\nfsync = off\n"
                    + "wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n",
                    java.nio.file.StandardOpenOption.APPEND);
            run(BIN + "/pg_ctl", "-D", primary().toString(), "-l", directory.resolve("primary.log").toString(), "-w",
                    "start");
            run(BIN + "/pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", "postgres",
                    "-D", replica().toString(), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync");
            Files.writeString(replica().resolve("postgresql.conf"), "\nport = " + replicaPort + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            startReplica();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("Primary on port %d and its streaming replica on port %d ready in %d ms%n", primaryPort,
                replicaPort, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + primaryPort + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres",
                "quarkus.datasource.username", "postgres",
                "parley.read-replica.url", "postgresql://127.0.0.1:" + replicaPort + "/postgres");
    }

    @Override
    public void stop() {
        stopReplica();
        run(BIN + "/pg_ctl", "-D", primary().toString(), "-m", "immediate", "-w", "stop");
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }

    /** Starts the replica (again); it resumes streaming from the primary. */
    public static synchronized void startReplica() {
        if (!replicaRunning) {
            run(BIN + "/pg_ctl", "-D", replica().toString(), "-l", directory.resolve("replica.log").toString(),
                    "-w", "start");
            replicaRunning = true;
        }
    }

    /** Stops the replica at once (its connections are cut, as when its server goes away). */
    public static synchronized void stopReplica() {
        if (replicaRunning) {
            run(BIN + "/pg_ctl", "-D", replica().toString(), "-m", "immediate", "-w", "stop");
            replicaRunning = false;
        }
    }

    /** A JDBC connection to the primary. */
    public static Connection primaryConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres", "postgres", "");
    }

    /** A JDBC connection to the replica (read-only: a standby). */
    public static Connection replicaConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + replicaPort + "/postgres", "postgres", "");
    }

    public static int replicaPort() {
        return replicaPort;
    }

    private static Path primary() {
        return directory.resolve("primary");
    }

    private static Path replica() {
        return directory.resolve("replica");
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Runs a PostgreSQL program (as user postgres when run as root), failing with its output if it fails. */
    private static void run(String... command) {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + new String(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
