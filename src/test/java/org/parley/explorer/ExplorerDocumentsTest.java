package org.parley.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/**
 * The Explorer's documents are valid against the schema snapshot (docs/schema.graphql), so a schema change that
 * breaks the app fails here, not in a reader's browser. Each runs against the service in ExplorerBrowserTest.
 */
class ExplorerDocumentsTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void schema() throws IOException {
        TypeDefinitionRegistry types = new SchemaParser().parse(Files.readString(Path.of("docs", "schema.graphql")));
        for (String scalar : List.of("Date", "DateTime")) { // SmallRye's, not declared in the printed schema
            types.add(ScalarTypeDefinition.newScalarTypeDefinition().name(scalar).build());
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }

    @Test
    void everyDocumentIsValidAgainstTheSchema() {
        Map<String, String> documents = ExplorerDocuments.all();
        assertEquals(List.of("AcceptIntake", "ActorEncounters", "ActorPage", "ActorStatements", "AgreementPage",
                "Attest", "AttestPage", "CreateActor", "CreateAgreement", "DisagreementsPage", "EditActorPage",
                "EditAgreementPage", "EditEncounterPage", "EditStatementPage", "EncounterPage", "HomePage",
                "IntakeReview", "LiveEncounter", "LiveStatements", "PickActors", "PickAgreements", "PickEncounters",
                "PickEncountersDated", "PickSources", "PickStatements", "ProposeFromArticle", "RecordEncounter",
                "RecordStatement", "SearchPage", "SetEncounterStatus", "SourcePage", "StatementPage",
                "StatementsAbout", "UpdateActor", "UpdateAgreement", "UpdateEncounter", "UpdateStatement"), List.copyOf(documents.keySet()));
        documents.forEach((name, text) -> {
            Document document = Parser.parse(text);
            List<ValidationError> errors = new Validator().validateDocument(schema, document, java.util.Locale.ENGLISH);
            assertEquals(List.of(), errors.stream().map(ValidationError::getMessage).toList(), name);
            // one operation per document, named as its file: api.js sends the file's name as operationName
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            assertEquals(1, operations.size(), name);
            assertEquals(name, operations.get(0).getName(), name);
        });
    }

    /** The enums the editor's forms offer are the schema's, value for value. */
    @Test
    void theFormsOfferEveryValueOfTheSchemasEnums() throws IOException {
        String edit = Files.readString(Path.of("src/main/resources/META-INF/resources/explorer/pages/edit.js"));
        Matcher line = Pattern.compile("^  (\\w+): \\[([^\\]]*)\\],$", Pattern.MULTILINE).matcher(edit);
        int checked = 0;
        while (line.find()) {
            GraphQLEnumType type = (GraphQLEnumType) schema.getType(line.group(1));
            Set<String> offered = new TreeSet<>(List.of(line.group(2).replace("'", "").split(",\\s*")));
            Set<String> declared = new TreeSet<>(type.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList());
            assertEquals(declared, offered, line.group(1));
            checked++;
        }
        assertEquals(8, checked, "the enums of edit.js's ENUMS");
    }

    /**
     * index.html names every module that app.js and boot.js import (transitively), so that the browser fetches them at
     * once rather than import by import; the pages' modules are imported by app.js when shown.
     */
    @Test
    void indexPreloadsEveryModuleThatEveryPageNeeds() throws IOException {
        Path app = Path.of("src/main/resources/META-INF/resources");
        Path built = Path.of("target/classes/META-INF/resources");
        String index = Files.readString(app.resolve("index.html"));
        assertTrue(index.contains("<script type=\"module\" src=\"/explorer/boot.js\" async>"), "boot.js");
        assertTrue(index.contains("<script type=\"module\" src=\"/explorer/app.js\">"), "app.js");
        Pattern staticImport = Pattern.compile("^import .* from '(\\.[^']+)';$", Pattern.MULTILINE);
        Set<Path> seen = new TreeSet<>();
        List<Path> pending = new ArrayList<>(List.of(app.resolve("explorer/app.js"), app.resolve("explorer/boot.js")));
        while (!pending.isEmpty()) {
            Path module = pending.remove(pending.size() - 1);
            Matcher imported = staticImport.matcher(Files.readString(module));
            while (imported.find()) {
                Path dependency = module.resolveSibling(imported.group(1)).normalize();
                if (!Files.exists(dependency)) { // written by the build: documents.js
                    dependency = built.resolve(app.relativize(dependency));
                }
                if (seen.add(dependency)) {
                    pending.add(dependency);
                    Path served = dependency.startsWith(built) ? built.relativize(dependency) : app.relativize(dependency);
                    String tag = "<link rel=\"modulepreload\" href=\"/" + served.toString().replace('\\', '/') + "\">";
                    assertTrue(index.contains(tag), tag);
                }
            }
        }
        assertTrue(seen.size() >= 5, seen.toString());
    }

    /**
     * The app ships every file of queries/ as it is (documents.js, written by the build): the documents validated above
     * are the files' and the browser's. Fails after a change of a file that the build did not see (mvn process-resources).
     */
    @Test
    void theAppShipsEveryDocumentOfQueries() {
        Map<String, String> files = ExplorerDocuments.files();
        String fragments = files.remove("fragments");
        Map<String, String> shipped = ExplorerDocuments.all();
        assertEquals(files.keySet(), shipped.keySet());
        files.forEach((name, text) -> assertTrue(shipped.get(name).startsWith(text.strip()), name));
        assertEquals(ExplorerDocuments.fragments().size(), fragments.split("\n(?=fragment )").length - 1);
        ExplorerDocuments.fragments().values().forEach(fragment -> assertTrue(fragments.contains(fragment), fragment));
    }

    @Test
    void everySharedFragmentIsUsed() {
        Map<String, String> documents = ExplorerDocuments.all();
        for (String fragment : ExplorerDocuments.fragments().keySet()) {
            assertFalse(documents.values().stream().noneMatch(text -> text.contains("fragment " + fragment + " ")),
                    fragment + " is spread by no page");
        }
    }
}
