package org.parley.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.CountingProxyProfile;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.StatementCounterResource.CountedStatements;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Int arguments take whole numbers in the 32-bit range, as variables and as literals, and nothing else: every other
 * number is BAD_USER_INPUT naming the argument, refused before any statement reaches PostgreSQL (nothing wraps
 * around). Cursors past the int range are refused the same way. Statements are counted on the wire (the profile
 * LimitsTest shares, so the application is not restarted for this class).
 */
@QuarkusTest
@TestProfile(CountingProxyProfile.class)
class NumberCoercionTest {

    private static final String ROOT = "query($n: Int) { actors(first: $n) { totalCount nodes { name } } }";
    private static final String NESTED = "query($n: Int) { actors(first: 1) { nodes { encounters(first: $n) "
            + "{ nodes { title } } } } }";

    @CountedStatements
    AtomicLong executed;

    private ValidatableResponse withoutStatements(Supplier<ValidatableResponse> request) {
        long before = executed.get();
        ValidatableResponse response = request.get();
        assertEquals(before, executed.get(), "statements executed for a refused request");
        return response;
    }

    private ValidatableResponse badInput(String query, Map<String, Object> variables) {
        return withoutStatements(() -> GraphQL.post(query, variables)).statusCode(200)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", not(containsString("Exception")))
                .body("errors[0].message", not(containsString("java.")));
    }

    /** JSON numbers as a client sends them: the text is what matters, not the Java type. */
    private static Object number(String text) {
        return text.matches("-?\\d+") ? (Object) new BigInteger(text) : new BigDecimal(text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "10.5", "1e-5", "1e308", "-1e308", "4294967306", "2147483648", "-2147483649",
            "0.000001" })
    void aVariableThatIsNotAnIntIsRefusedNamingTheArgument(String value) {
        badInput(ROOT, Map.of("n", number(value)))
                .body("errors[0].message", containsString("first"))
                .body("errors[0].message", containsString("is not an Int"))
                .body("errors[0].message", containsString("$n"));
        badInput(NESTED, Map.of("n", number(value)))
                .body("errors[0].message", containsString("first"));
    }

    @Test
    void theMessageSaysWhichArgumentAndWhatAnIntIs() {
        badInput("{ actors(first: 10.5) { totalCount } }", Map.of()).body("errors[0].message",
                equalTo("first: 10.5 is not an Int (a whole number from -2147483648 to 2147483647)"));
        badInput(ROOT, Map.of("n", new BigDecimal("10.5"))).body("errors[0].message",
                equalTo("first: 10.5 is not an Int (a whole number from -2147483648 to 2147483647) (variable $n)"));
    }

    @Test
    void stringsAndBooleansAreNotInts() {
        badInput(ROOT, Map.of("n", "10")).body("errors[0].message", containsString("first"));
        badInput(ROOT, Map.of("n", true)).body("errors[0].message", containsString("first"));
    }

    @Test
    void wholeNumbersInRangeAreServedWhateverTheirJsonSpelling() {
        // JSON has one number type: 2.0 and 2e0 are the number 2
        for (Object two : new Object[] { 2, new BigDecimal("2.0"), new BigDecimal("2e0") }) {
            GraphQL.post(ROOT, Map.of("n", two)).statusCode(200)
                    .body("errors", nullValue())
                    .body("data.actors.nodes", hasSize(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "4294967306", "4294967296", "2147483648", "-2147483649", "10.5", "1e-5", "1e308",
            "10.0", "\"10\"", "true" })
    void aLiteralThatIsNotAnIntIsRefusedNamingTheArgument(String literal) {
        badInput("{ actors(first: " + literal + ") { totalCount nodes { name } } }", Map.of())
                .body("errors[0].message", containsString("first: "))
                .body("errors[0].message", containsString("is not an Int"));
        badInput("{ actors(first: 1) { nodes { aliases(first: " + literal + ") } } }", Map.of())
                .body("errors[0].message", containsString("first: "));
    }

    @Test
    void anIntInAnInputObjectIsCheckedTheSameWay() {
        String update = "mutation($v: Int!) { updateActor(input: { id: \"QWN0b3I6MQ\", version: $v }) "
                + "{ actor { name } } }";
        badInput(update, Map.of("v", new BigDecimal("1.5"))).body("errors[0].message",
                equalTo("version: 1.5 is not an Int (a whole number from -2147483648 to 2147483647) (variable $v)"));
        badInput("mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { name } } }",
                Map.of("input", Map.of("id", "QWN0b3I6MQ", "version", new BigDecimal("1.5"))))
                .body("errors[0].message", containsString("input"))
                .body("errors[0].message", containsString("is not an Int"));
        badInput("mutation { updateActor(input: { id: \"QWN0b3I6MQ\", version: 4294967297 }) { actor { name } } }",
                Map.of()).body("errors[0].message", containsString("version"));
    }

    @Test
    void defaultValuesAreServedAndAppliedAsBefore() {
        // SmallRye's coercing still writes default values: introspection shows them, execution applies them
        GraphQL.post("{ __type(name: \"Encounter\") { fields { name args { name type { name } defaultValue } } } }",
                Map.of()).statusCode(200)
                .body("errors", nullValue())
                .body("data.__type.fields.find { it.name == 'participants' }.args[0].defaultValue", equalTo("50"))
                .body("data.__type.fields.find { it.name == 'participants' }.args[0].type.name", equalTo("Int"));
        GraphQL.post("{ encounters(first: 1) { nodes { participants { role } } } }", Map.of()).statusCode(200)
                .body("errors", nullValue());
    }

    private static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = { "cursor:2147483647", "cursor:2147483646", "cursor:2147483547", "cursor:4294967306",
            "cursor:99999999999999999999", "cursor:-1", "cursor:+1", "cursor:1e3", "cursor:" })
    void aCursorOutOfRangeIsRefusedBeforePostgreSQL(String plain) {
        String after = cursor(plain);
        badInput("query($a: String) { actors(after: $a) { nodes { name } } }", Map.of("a", after))
                .body("errors[0].message", containsString("after"));
        // a connection under each parent: the same refusal for each of them, still before any SQL of that level
        GraphQL.post("query($a: String) { actors(first: 2) { nodes { encounters(after: $a) { nodes { title } } } } }",
                Map.of("a", after)).statusCode(200)
                .body("errors", hasSize(2))
                .body("errors.extensions.code", everyItem(equalTo("BAD_USER_INPUT")))
                .body("errors.message", everyItem(containsString("after")));
    }

    @Test
    void theLastCursorInRangeIsAnEmptyPage() {
        // the largest position whose page (offset + first + look-ahead) still fits in an int
        GraphQL.post("query($a: String) { actors(first: 100, after: $a) { nodes { name } pageInfo { hasNextPage } } }",
                Map.of("a", cursor("cursor:" + (Integer.MAX_VALUE - 102)))).statusCode(200)
                .body("errors", nullValue())
                .body("data.actors.nodes", hasSize(0))
                .body("data.actors.pageInfo.hasNextPage", equalTo(false));
    }

    @Test
    void aFloatPastTheDoubleRangeOrAStringIsRefusedNamingTheField() throws Exception {
        // the latitude is checked before the encounter is looked up: the ID need not exist
        String token = DevTokens.editor();
        String literal = "mutation { updateEncounter(input: {id: \"RW5jb3VudGVyOjE=\", version: 1, "
                + "place: {name: \"x\", latitude: 1.7976931348623157e309, longitude: 0}}) { __typename } }";
        withoutStatements(() -> GraphQL.post(literal, Map.of(), token)).statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("latitude"))
                .body("errors[0].message", containsString("is not a Float"));
        String variable = "mutation($lat: Float) { updateEncounter(input: {id: \"RW5jb3VudGVyOjE=\", version: 1, "
                + "place: {name: \"x\", latitude: $lat, longitude: 0}}) { __typename } }";
        for (Object value : new Object[] { new BigDecimal("1e309"), "1.5" }) {
            withoutStatements(() -> GraphQL.post(variable, Map.of("lat", value), token)).statusCode(200)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("errors[0].message", containsString("is not a Float"));
        }
    }
}
