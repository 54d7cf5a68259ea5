package org.parley.graphql;

import static io.restassured.RestAssured.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema is the contract: docs/schema.graphql must be what the service serves. After a deliberate change,
 * regenerate it with {@code ./mvnw test -Dtest=SchemaSnapshotTest -Dparley.schema.update=true} and review the diff.
 */
@QuarkusTest
class SchemaSnapshotTest {

    private static final Path SNAPSHOT = Path.of("docs", "schema.graphql");

    @Test
    void checkedInSchemaIsTheServedSchema() throws IOException {
        String served = get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("parley.schema.update")) {
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(SNAPSHOT), "docs/schema.graphql is missing");
        assertEquals(Files.readString(SNAPSHOT, StandardCharsets.UTF_8), served,
                "docs/schema.graphql differs from the served schema: regenerate it with"
                        + " ./mvnw test -Dtest=SchemaSnapshotTest -Dparley.schema.update=true");
    }

    @Test
    void everyTypeAndFieldIsDescribed() {
        String served = get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        List<String> undescribed = new ArrayList<>();
        String previous = "";
        Matcher line = Pattern.compile("(?m)^(.*)$").matcher(served);
        while (line.find()) {
            String text = line.group(1);
            String trimmed = text.strip();
            boolean definition = trimmed.matches("(type|interface|enum|input|scalar) \\w+.*")
                    || (text.startsWith("  ") && trimmed.matches("\\w+(\\(.*\\))?(: .*)?") && !trimmed.startsWith("\""));
            boolean builtIn = trimmed.startsWith("scalar ") || trimmed.matches("(type|enum) __\\w+.*");
            if (definition && !builtIn && !previous.strip().endsWith("\"")) {
                undescribed.add(trimmed);
            }
            previous = text;
        }
        assertEquals(List.of(), undescribed, "types and fields without a description");
    }
}
