package org.parley.bulk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Export, import into an empty database that Flyway has just migrated, export again: the two exports hold the same
 * lines. The test database holds the curated data set plus records written here that use what the curated data does
 * not (status histories, end dates, uncertain dates, times in two offsets, participants' notes...) and a deleted
 * encounter, which must not be exported.
 */
@QuarkusTest
class ExportRoundTripTest {

    @AfterAll
    static void deleteTestRecords() {
        TestRows.removeAll();
    }

    @Test
    void anExportImportedIntoAnEmptyDatabaseExportsTheSameLines() throws Exception {
        String editor = DevTokens.mint("test-round-trip", 600, "editor");
        ImportTest.importAs(editor, TestRecords.file("new-records.jsonl"));
        ImportTest.importAs(editor, TestRecords.file("round-trip-extras.jsonl"));
        // a tombstone is not exported, nor are the attestations of a deleted encounter
        GraphQL.as(DevTokens.admin(), "deleteEncounter", "input",
                Map.of("id", Ids.bySlug("Encounter", "zz-test-round-trip-call"), "version", 0));
        String exported = given().when().get("/export").then().statusCode(200).extract().asString();
        List<String> lines = exported.lines().toList();
        assertEquals(List.of(), lines.stream().filter(line -> line.contains("zz-test-round-trip-call")).toList());
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"key\":\"kim-jong-un\"")), "the curated data");
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"key\":\"zz-test-round-trip-wire\"")),
                "the test records");
        // a source without headline, known to the month, its address as given (upper case, tracking parameter)
        assertTrue(lines.contains("{\"type\":\"source\",\"key\":\"zz-test-round-trip-live-blog\",\"title\":null,"
                + "\"publisher\":\"Zz Test Live\",\"author\":null,"
                + "\"url\":\"HTTPS://Example.ORG/zz-test/live-blog/?utm_source=rss\",\"publishedAt\":null,"
                + "\"publishedOn\":\"2024-06\",\"updatedAt\":null,\"language\":\"en\",\"reliabilityNote\":null}"),
                exported);

        // a part recorded before the encounter it belongs to is exported after it, so that `partOf` resolves
        int visit = lineIndex(lines, "\"key\":\"zz-test-round-trip-visit\"");
        int signing = lineIndex(lines, "\"key\":\"zz-test-round-trip-signing\"");
        assertTrue(visit >= 0 && visit < signing, exported);
        assertTrue(lines.get(signing).endsWith(",\"partOf\":\"zz-test-round-trip-visit\"}"), lines.get(signing));

        assertTrue(lines.stream().anyMatch(line -> line.contains("\"key\":\"zz-test-round-trip-invitation\"")
                && line.endsWith(",\"aboutEncounters\":[\"zz-test-round-trip-visit\",\"zz-test-round-trip-signing\"],"
                        + "\"aboutAgreements\":[],\"aboutSources\":[],"
                        // a statement recorded later: the import links it at the end of the file
                        + "\"aboutStatements\":[\"zz-test-round-trip-rebuttal\"]}")),
                exported);

        // uncertain dates go out as objects with their interval, resolution and note; plain ones stay text
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"key\":\"zz-test-round-trip-thursday\"")
                && line.contains("\"start\":{\"date\":\"2024-07-25\",\"earliest\":\"2024-07-25\",\"latest\":"
                        + "\"2024-07-26\",\"resolution\":\"EVENT_DAY_ASSUMED\",\"note\":\"'on Thursday' in a report"
                        + " dated Friday 26 July\"}")
                && line.contains("\"end\":{\"date\":\"2024-07\",\"earliest\":\"2024-07-25\",\"latest\":\"2024-07-31\","
                        + "\"resolution\":\"AS_REPORTED\"}")), exported);
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"key\":\"zz-test-round-trip-late-july\"")
                && line.contains("\"saidOn\":{\"date\":\"2024-07\",\"earliest\":\"2024-07-20\",\"latest\":"
                        + "\"2024-07-31\",\"resolution\":\"AS_REPORTED\",\"note\":\"'late July'\"}")), exported);
        assertTrue(lines.get(visit).contains("\"start\":\"2024-06-18\",\"end\":\"2024-06-19\""), lines.get(visit));
        // an agreement, after the encounter it was signed at and before the statements about it
        int treaty = lineIndex(lines, "\"key\":\"zz-test-round-trip-treaty\"");
        assertTrue(signing < treaty && treaty < lineIndex(lines, "\"key\":\"zz-test-round-trip-praise\""), exported);
        assertEquals("{\"type\":\"agreement\",\"key\":\"zz-test-round-trip-treaty\",\"kind\":\"TREATY\","
                + "\"title\":\"Zz Test treaty\",\"summary\":\"Zz Test: mutual assistance.\","
                + "\"parties\":[\"north-korea\",\"russia\"],\"signedAt\":\"zz-test-round-trip-signing\","
                + "\"steps\":[{\"status\":\"SIGNED\",\"date\":\"2024-06-19\",\"source\":\"zz-test-round-trip-wire\","
                + "\"note\":null},{\"status\":\"IN_FORCE\",\"date\":\"2024-12\",\"source\":null,"
                + "\"note\":\"Zz Test: after ratification\"}],\"attestations\":[{\"source\":\"zz-test-round-trip-wire\","
                + "\"excerpt\":\"Zz Test: they signed a treaty.\",\"note\":null,\"reportedDate\":\"2024-06\"},"
                + "{\"source\":\"zz-test-round-trip-live-blog\",\"excerpt\":\"Zz Test: the treaty.\","
                + "\"note\":\"Zz Test note\",\"reportedDate\":null}]}", lines.get(treaty));
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"key\":\"zz-test-round-trip-praise\"")
                && line.endsWith(",\"aboutAgreements\":[\"zz-test-round-trip-treaty\"],\"aboutSources\":[],"
                        + "\"aboutStatements\":[]}")), exported);
        // a statement about a source and about other statements, by their keys, in the order given
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"key\":\"zz-test-round-trip-rebuttal\"")
                && line.endsWith(",\"aboutSources\":[\"zz-test-round-trip-live-blog\"],\"aboutStatements\":"
                        + "[\"zz-test-round-trip-praise\",\"zz-test-round-trip-invitation\"]}")), exported);

        String empty = emptyDatabase();
        try (Connection connection = connect(empty)) {
            connection.setAutoCommit(false);
            ImportReport report = Importer.run(connection, new StringReader(exported), "test-round-trip",
                    Importer.Mode.UPSERT);
            assertEquals(List.of(), report.rejections);
            assertEquals(List.of(lines.size(), 0, 0), List.of(report.created, report.updated, report.unchanged));
            connection.commit();

            StringWriter again = new StringWriter();
            Exporter.export(connection, again);
            connection.commit();
            assertEquals(lines.stream().sorted().toList(), again.toString().lines().sorted().toList());

            ImportReport twice = Importer.run(connection, new StringReader(exported), "test-round-trip",
                    Importer.Mode.UPSERT);
            assertEquals(List.of(0, 0, lines.size()), List.of(twice.created, twice.updated, twice.unchanged));
            connection.rollback();
        } finally {
            drop(empty);
        }
    }

    private static int lineIndex(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    /** A new database beside the test database ({@code <name>_rt}), migrated by Flyway and empty. */
    private static String emptyDatabase() throws SQLException {
        String name = testDatabase() + "_rt";
        drop(name);
        try (Connection server = connect("postgres"); Statement statement = server.createStatement()) {
            statement.execute("create database " + name);
        }
        Flyway.configure(Thread.currentThread().getContextClassLoader()).dataSource(url(name), user(), password())
                .locations("classpath:db/migration").load().migrate();
        return name;
    }

    private static void drop(String name) throws SQLException {
        try (Connection server = connect("postgres"); Statement statement = server.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    private static String testDatabase() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    private static String url(String database) {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }

    private static String user() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    private static String password() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
    }

    private static Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user());
        if (password() != null) {
            properties.setProperty("password", password());
        }
        return new org.postgresql.Driver().connect(url(database), properties);
    }
}
