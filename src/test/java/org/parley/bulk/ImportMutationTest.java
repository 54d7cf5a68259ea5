package org.parley.bulk;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The importer through GraphQL: {@code importData} for small batches. */
@QuarkusTest
class ImportMutationTest {

    private static final String NEW_RECORDS = TestRecords.file("new-records.jsonl");

    @BeforeEach
    void startWithoutTestRecords() {
        TestRows.removeAll();
    }

    @AfterAll
    static void deleteTestRecords() {
        TestRows.removeAll();
    }

    private static JsonPath importData(String lines) throws Exception {
        return GraphQL.as(DevTokens.mint("test-mutation-importer", 600, "editor"), "importData", "lines", lines);
    }

    @Test
    void importsLinesAndAgainChangesNothing() throws Exception {
        JsonPath first = importData(NEW_RECORDS);
        assertEquals(true, first.getBoolean("data.importData.report.committed"));
        assertEquals(List.of(9, 9, 0, 0), List.of(first.getInt("data.importData.report.lines"),
                first.getInt("data.importData.report.created"), first.getInt("data.importData.report.updated"),
                first.getInt("data.importData.report.unchanged")));
        assertEquals(List.of(), first.getList("data.importData.userErrors"));
        assertEquals(6, Database.count("select count(*) from change_log where subject = 'test-mutation-importer'"));

        JsonPath second = importData(NEW_RECORDS);
        assertEquals(List.of(0, 0, 9), List.of(second.getInt("data.importData.report.created"),
                second.getInt("data.importData.report.updated"), second.getInt("data.importData.report.unchanged")));
        assertEquals(6, Database.count("select count(*) from change_log where subject = 'test-mutation-importer'"));
    }

    @Test
    void aRejectedLineIsAUserErrorAndNothingIsWritten() throws Exception {
        Map<String, Long> rows = TestRecords.rowCounts();
        JsonPath result = importData("""
                {"type":"actor","key":"zz-test-mutation-actor","kind":"PERSON","name":"Zz Test Mutation Actor"}
                {"type":"statement","key":"zz-test-mutation-statement","text":"Zz Test.","mode":"PARAPHRASE",\
                "kind":"CLAIM","speaker":"zz-test-nobody"}
                """);
        assertEquals(false, result.getBoolean("data.importData.report.committed"));
        assertEquals(List.of(2), result.getList("data.importData.report.rejections.line"));
        assertEquals(List.of("UNKNOWN_REFERENCE"), result.getList("data.importData.report.rejections.reason"));
        assertEquals(List.of(List.of("input", "lines", "2")), result.getList("data.importData.userErrors.field"));
        assertEquals(List.of("NOT_FOUND"), result.getList("data.importData.userErrors.code"));
        assertEquals(rows, TestRecords.rowCounts());
    }

    @Test
    void theMutationNeedsATokenWithTheRoleEditor() throws Exception {
        Map<String, Long> rows = TestRecords.rowCounts();
        Map<String, Object> variables = GraphQL.vars("lines", NEW_RECORDS);
        GraphQL.post(GraphQL.operation("importData"), variables, null).statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        GraphQL.post(GraphQL.operation("importData"), variables, DevTokens.mint("reader", 600, "viewer"))
                .statusCode(200).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        assertEquals(rows, TestRecords.rowCounts());
    }
}
