package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.parley.limits.DocumentChecks;

import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@link AnswerJson} walks graphql-java's answer tree itself: its bytes must be those of Vert.x's codec (the
 * ObjectMapper it replaces), for every kind of value an answer holds and for the values it leaves to the codec.
 */
class AnswerJsonTest {

    /** A value no walk knows: Jackson writes its properties. */
    public record Coordinates(double latitude, double longitude, String label) {
    }

    enum Level {
        LOW, HIGH
    }

    @Test
    void theWalkIsUsedWithJacksonsDefaults() {
        assertTrue(AnswerJson.walks(), "the probe found the codec's ObjectMapper writing otherwise");
    }

    @Test
    void scalarsAreWrittenAsJacksonWritesThem() {
        List<Object> numbers = Arrays.asList(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L, Long.MAX_VALUE,
                Long.MIN_VALUE, 9_007_199_254_740_993L, (short) -32768, (short) 7, (byte) -128, (byte) 5,
                new BigInteger("-123456789012345678901234567890"), BigInteger.ZERO, 0.0, -0.0, 1.0, 100.0, 1.0E10,
                1.0E7, 9999999.0, 1.0E-3, 1.0E-5, 123.456, -2.5E-300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1 + 0.2, 1.0E21, 0.0f, -0.0f, 0.1f, 1.0E10f,
                3.4028235E38f, Float.NaN, Float.NEGATIVE_INFINITY, new BigDecimal("1.50"), new BigDecimal("1E+3"),
                new BigDecimal("-0.000001"), new BigDecimal("1E-10"), new BigDecimal("0E-5"),
                new BigDecimal("123456789012345678901234567890.123"), new BigDecimal(0.1),
                BigDecimal.valueOf(2, -4), true, false, null);
        assertSame(numbers);
        for (Object number : numbers) {
            assertSame(Map.of("value", number == null ? "null" : number));
        }
    }

    @Test
    void stringsAreEscapedAsJacksonEscapesThem() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        String mixed = "quote \" backslash \\ slash / <tag> & \u007f \u0080 \u00e9 \u00ff \u0100 \u4e2d\u6587 "
                + "\u2028\u2029 \ufeff \ufffd emoji \ud83d\ude00 \ud83c\udf0d";
        // Longer than the generator's buffer: Jackson writes such strings in chunks
        String longOne = (mixed + controls).repeat(400);
        Map<String, Object> strings = new LinkedHashMap<>();
        strings.put("controls", controls.toString());
        strings.put("mixed", mixed);
        strings.put("", "");
        strings.put(mixed, "keys are escaped too");
        strings.put(controls.toString(), longOne);
        strings.put("list", List.of(mixed, longOne, ""));
        assertSame(strings);
    }

    @Test
    void treesKeepTheirOrderNullsAndEmptyContainers() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z", 1);
        tree.put("a", null);
        tree.put("m", new LinkedHashMap<>());
        tree.put("emptyList", new ArrayList<>());
        tree.put("nulls", Arrays.asList(null, null));
        tree.put("one", Arrays.asList((Object) null));
        tree.put("nested", List.of(List.of(List.of()), List.of(Map.of()), List.of(1, "two", 3.0, List.of(false))));
        tree.put("hash", new HashMap<>(Map.of("k1", 1, "k2", 2, "k3", List.of())));
        tree.put("immutable", Map.of("only", "one"));
        tree.put("sorted", new TreeMap<>(Map.of("b", 2, "a", 1)));
        tree.put("set", new LinkedHashSet<>(List.of("x", "y")));
        tree.put("deep", deep(60));
        assertSame(tree);
        assertSame(List.of());
        assertSame(new LinkedHashMap<>());
        assertSame("just a string");
        assertSame(null);
    }

    @Test
    void aListAnswerOfManyObjectsIsTheSame() {
        List<Object> nodes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", "QWN0b3I6" + i);
            node.put("name", "Acteur n\u00b0" + i + " \u00ab\u00e9\u00bb");
            node.put("rank", i);
            node.put("weight", i / 7.0);
            node.put("since", i % 3 == 0 ? null : "2024-01-0" + (i % 9 + 1));
            node.put("roles", List.of(Map.of("name", "witness"), Map.of("name", "source")));
            nodes.add(node);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("actors", Map.of("nodes", nodes, "totalCount", 10_038L));
        assertSame(ExecutionResultImpl.newExecutionResult().data(data)
                .extensions(Map.of("cost", Map.of("requested", 1207, "limit", 50000))).build().toSpecification());
    }

    @Test
    void errorsAsGraphqlJavaWritesThemAreTheSame() {
        Map<Object, Object> extensions = new LinkedHashMap<>();
        extensions.put("cost", Map.of("requested", 0, "limit", 50000));
        Object specification = ExecutionResultImpl.newExecutionResult()
                .addError(DocumentChecks.error("Unexpected \"}\" \u00e9\n", "GRAPHQL_PARSE_FAILED",
                        new SourceLocation(3, 14)))
                .addError(GraphqlErrorBuilder.newError().message("with a path")
                        .path(ResultPath.parse("/actors/nodes/0/name"))
                        .extensions(Map.of("code", "TIMEOUT", "retryAfter", 1)).build())
                .extensions(extensions).build().toSpecification();
        assertSame(specification);
    }

    @Test
    void otherValuesAreLeftToTheCodec() {
        Map<Object, Object> extensions = new LinkedHashMap<>();
        extensions.put("record", new Coordinates(48.85, 2.35, "Paris"));
        extensions.put("enum", Level.HIGH);
        extensions.put("instant", Instant.parse("2024-05-06T07:08:09.123Z"));
        extensions.put("vertxObject", new JsonObject().put("a", 1).put("b", new JsonArray().add("x")));
        extensions.put("vertxArray", new JsonArray().add(1).addNull());
        extensions.put("intKeys", new LinkedHashMap<>(Map.of(1, "one")));
        extensions.put("enumKeys", new TreeMap<>(Map.of(Level.LOW, 0)));
        Map<Object, Object> mixedKeys = new LinkedHashMap<>();
        mixedKeys.put("name", "first");
        mixedKeys.put(2L, List.of());
        mixedKeys.put(Level.HIGH, null);
        mixedKeys.put(new BigDecimal("1E+3"), 3);
        mixedKeys.put('c', "char");
        mixedKeys.put(new java.util.Date(0), "date");
        mixedKeys.put(java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), "uuid");
        mixedKeys.put(new Coordinates(1, 2, "key \"quoted\""), "toString");
        extensions.put("mixedKeys", mixedKeys);
        extensions.put("array", new Object[] { 1, "two", Map.of("three", 3) });
        extensions.put("ints", new int[] { 1, 2 });
        extensions.put("chars", new char[] { 'h', '\u00e9' });
        extensions.put("atomic", new AtomicLong(42));
        extensions.put("subclassed", new BigDecimal("1.0") {
        });
        extensions.put("after", "the walk goes on after a codec's value");
        assertSame(ExecutionResultImpl.newExecutionResult().data(Map.of("ok", true)).extensions(extensions).build()
                .toSpecification());
    }

    @Test
    void whatTheCodecCannotWriteFailsAsItDid() {
        // The codec's ObjectMapper outside Quarkus has no Java time module (Quarkus' has): both refuse the date
        Map<String, Object> tree = Map.of("date", LocalDate.of(2024, 5, 6));
        EncodeException codecs = assertThrows(EncodeException.class, () -> Json.encodeToBuffer(tree));
        EncodeException walks = assertThrows(EncodeException.class, () -> AnswerJson.toBuffer(tree));
        // The codec's message names the path to the value from the root it was given: the walk gave it the value
        assertTrue(codecs.getMessage().startsWith(walks.getMessage()), walks.getMessage());
        assertTrue(walks.getMessage().contains("java.time.LocalDate"), walks.getMessage());

        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        Map<String, Object> nested = Map.of("extensions", nullKey);
        assertThrows(EncodeException.class, () -> Json.encodeToBuffer(nested));
        assertThrows(EncodeException.class, () -> AnswerJson.toBuffer(nested));
    }

    private static Object deep(int depth) {
        Object value = "bottom";
        for (int i = 0; i < depth; i++) {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("level", i);
            level.put("below", i % 2 == 0 ? value : List.of(value));
            value = level;
        }
        return value;
    }

    private static void assertSame(Object tree) {
        byte[] codecs = Json.encodeToBuffer(tree).getBytes();
        byte[] walks = AnswerJson.toBuffer(tree).getBytes();
        assertArrayEquals(codecs, walks, () -> "bytes differ:\n" + new String(codecs, StandardCharsets.UTF_8) + "\n"
                + new String(walks, StandardCharsets.UTF_8));
        assertEquals(Json.encode(tree), AnswerJson.toString(tree));
    }
}
