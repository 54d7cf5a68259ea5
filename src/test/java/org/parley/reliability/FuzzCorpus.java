package org.parley.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.parley.testsupport.DevTokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.language.ScalarTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

/**
 * A corpus of hostile and malformed requests to {@code /graphql}, generated from the served schema
 * (docs/schema.graphql) and a seed: the same seed gives the same corpus, request for request, so that a failure can
 * be replayed. Writes are only ever sent without a valid editor token (none, forged, expired, malformed, or without
 * the role), so that no request of the corpus may change data.
 */
final class FuzzCorpus {

    /** One request: what kind of attack it is, and everything needed to send it again. */
    record Request(int index, String kind, String method, String contentType, String token, String queryString,
            byte[] body) {

        String bodyText() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Strings meant to break out of SQL, templates, paths or logs, put into every string argument. */
    static final List<String> INJECTIONS = List.of(
            "' OR 1=1 --", "'; DROP TABLE actor; --", "\" OR \"\"=\"", "%", "_", "%_%", "\\", "\\'", "$1", "$$",
            "1; select pg_sleep(10)", "' || pg_sleep(10) || '", "') or ('a'='a", "*/ select 1 /*",
            "actor where 1=1", "{{7*7}}", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>",
            "../../../../etc/passwd", "\u0000", "a\u0000b", "%00", "\r\n\r\nHTTP/1.1 200 OK", "\u202eevil",
            "\ud800", "\udfff", "\uffff", "🇰🇵🇷🇺", "Ｋｉｍ", "ᴷⁱᵐ", "null", "undefined", "NaN", "-1", "0x7fffffff",
            "e30", "QWN0b3I6MQ", "QWN0b3I6LTE", "QWN0b3I6OTk5OTk5OTk5OTk5OTk5OTk5OTk", "RW5jb3VudGVyOidvciAxPTE",
            "Tm9wZTox", "!!!", "====", "", " ", "\t\n");

    private static final List<String> WORDS = List.of("Kim Jong-un", "Putin", "kim", "Pyongyang", "2018-05-01",
            "summit", "Vladivostok", "Lavrov", "x");

    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/graphql",
            "application/json; charset=latin1", "application/octet-stream", "*/*", "application/jsonx", "");

    /**
     * The size of the largest alias and field bombs, and the levels of the "billion laughs" (10^levels fields): the
     * document limits (tokens, aliases, fields, depth, cost) refuse them before validation. Smaller values
     * ({@code -Dparley.fuzz.bomb=2000 -Dparley.fuzz.laugh-levels=3}) keep them under the limits, to exercise
     * validation and execution instead.
     */
    static final int BOMB = Integer.getInteger("parley.fuzz.bomb", 10_000);
    static final int LAUGH_LEVELS = Integer.getInteger("parley.fuzz.laugh-levels", 9);
    /** Repetitions of encounters(first: 100), participants, actor in a real chain (refused by depth and cost). */
    static final int CHAIN = Integer.getInteger("parley.fuzz.chain", 10);

    private final GraphQLSchema schema;
    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private final Tokens tokens;

    private FuzzCorpus(GraphQLSchema schema, long seed) {
        this.schema = schema;
        this.random = new Random(seed);
        this.tokens = new Tokens();
    }

    /** The corpus of {@code count} requests for {@code seed}. */
    static List<Request> generate(Path schemaFile, long seed, int count) {
        GraphQLSchema schema;
        try {
            TypeDefinitionRegistry types = new SchemaParser().parse(Files.readString(schemaFile));
            // the snapshot names its custom scalars without declaring them
            for (String scalar : List.of("Date", "DateTime")) {
                if (types.getType(scalar).isEmpty()) {
                    types.add(ScalarTypeDefinition.newScalarTypeDefinition().name(scalar).build());
                }
            }
            schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FuzzCorpus corpus = new FuzzCorpus(schema, seed);
        List<Request> requests = new ArrayList<>(count);
        corpus.everyStringArgument(requests);
        while (requests.size() < count) {
            requests.add(corpus.next(requests.size()));
        }
        return requests.subList(0, count);
    }

    /** Each injection string in each string argument of each root query field and filter, once. */
    private void everyStringArgument(List<Request> requests) {
        for (GraphQLFieldDefinition field : schema.getQueryType().getFieldDefinitions()) {
            for (GraphQLArgument argument : field.getArguments()) {
                GraphQLType type = GraphQLTypeUtil.unwrapAll(argument.getType());
                List<String> paths = new ArrayList<>();
                if (type instanceof GraphQLInputObjectType input) {
                    for (GraphQLInputObjectField inputField : input.getFieldDefinitions()) {
                        if (isStringLike(GraphQLTypeUtil.unwrapAll(inputField.getType()))) {
                            paths.add(argument.getName() + "." + inputField.getName());
                        }
                    }
                } else if (isStringLike(type)) {
                    paths.add(argument.getName());
                }
                for (String path : paths) {
                    for (String injection : INJECTIONS) {
                        String value = literal(injection);
                        String args = path.contains(".")
                                ? path.substring(0, path.indexOf('.')) + ": { " + path.substring(path.indexOf('.') + 1)
                                        + ": " + value + " }"
                                : path + ": " + value;
                        String query = "{ " + field.getName() + "(" + args + ") { __typename "
                                + leaves(field.getType()) + " } }";
                        requests.add(post(requests.size(), "injection", query, null));
                    }
                }
            }
        }
    }

    private Request next(int index) {
        int roll = random.nextInt(1000);
        if (roll < 330) {
            return post(index, "schema-query", "{ " + selection(schema.getQueryType(), 2) + " }", null);
        }
        if (roll < 460) {
            return post(index, "mutated-query", mutate("{ " + selection(schema.getQueryType(), 2) + " }"), null);
        }
        if (roll < 560) {
            return wrongVariables(index);
        }
        if (roll < 640) {
            return writeWithBadToken(index);
        }
        if (roll < 680) {
            return huge(index);
        }
        if (roll < 730) {
            return invalidUtf8(index);
        }
        if (roll < 770) {
            return deep(index);
        }
        if (roll < 800) {
            return wide(index);
        }
        if (roll < 830) {
            return fragmentCycle(index);
        }
        if (roll < 880) {
            return malformedJson(index);
        }
        if (roll < 920) {
            return wrongContentType(index);
        }
        if (roll < 960) {
            return get(index);
        }
        if (roll < 985) {
            return batch(index);
        }
        if (roll < 998) {
            return introspectionAbuse(index);
        }
        return oversized(index);
    }

    // --- queries from the schema

    /** A random selection of 1 to 4 fields of {@code type}, with arguments, down to {@code depth} levels. */
    private String selection(GraphQLFieldsContainer type, int depth) {
        List<GraphQLFieldDefinition> fields = type.getFieldDefinitions();
        StringBuilder out = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            GraphQLFieldDefinition field = fields.get(random.nextInt(fields.size()));
            if (random.nextInt(8) == 0) {
                out.append("a").append(i).append(": ");
            }
            out.append(field.getName()).append(arguments(field));
            GraphQLNamedType fieldType = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
            if (fieldType instanceof GraphQLFieldsContainer container) {
                out.append(" { ").append(depth > 0 ? selection(container, depth - 1) : "__typename");
                if (container instanceof GraphQLInterfaceType && random.nextBoolean()) {
                    out.append(" ... on Actor { name } ... on Encounter { title }");
                }
                out.append(" }");
            }
            out.append(' ');
        }
        return out.toString().trim();
    }

    private String arguments(GraphQLFieldDefinition field) {
        List<String> given = new ArrayList<>();
        for (GraphQLArgument argument : field.getArguments()) {
            if (GraphQLTypeUtil.isNonNull(argument.getType()) || random.nextInt(3) == 0) {
                given.add(argument.getName() + ": " + value(argument.getType(), 0));
            }
        }
        if (random.nextInt(40) == 0) {
            given.add("unknownArgument: 1");
        }
        return given.isEmpty() ? "" : "(" + String.join(", ", given) + ")";
    }

    /** A GraphQL literal for {@code type}: mostly fitting, sometimes of another type, often hostile. */
    private String value(GraphQLInputType type, int depth) {
        if (random.nextInt(12) == 0) {
            return wrongLiteral();
        }
        if (type instanceof GraphQLNonNull nonNull) {
            return value((GraphQLInputType) nonNull.getWrappedType(), depth);
        }
        if (type instanceof GraphQLList list) {
            int n = random.nextInt(4);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(value((GraphQLInputType) list.getWrappedType(), depth + 1));
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (type instanceof GraphQLEnumType enumType) {
            List<GraphQLEnumValueDefinition> values = enumType.getValues();
            return random.nextInt(6) == 0 ? "NOT_A_VALUE" : values.get(random.nextInt(values.size())).getName();
        }
        if (type instanceof GraphQLInputObjectType input) {
            List<String> fields = new ArrayList<>();
            for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
                if (depth < 3 && (GraphQLTypeUtil.isNonNull(field.getType()) || random.nextBoolean())) {
                    fields.add(field.getName() + ": " + value(field.getType(), depth + 1));
                }
            }
            return "{ " + String.join(", ", fields) + " }";
        }
        return scalar(((GraphQLScalarType) type).getName());
    }

    private String scalar(String name) {
        switch (name) {
            case "Int":
                return pick(List.of("0", "1", "-1", "20", "100", "101", "2147483647", "-2147483648", "2147483648",
                        "99999999999999999999", "1e3", "10.5", "1e-5", "1e308", "4294967306", "10.0", "-0"));
            case "Float":
                return pick(List.of("0.0", "-90.5", "1e308", "-1e308", "1.7976931348623157e309", "3"));
            case "Boolean":
                return pick(List.of("true", "false"));
            case "Date":
                return literal(pick(List.of("2018-05-01", "2018-02-30", "0000-00-00", "99999-01-01", "2018",
                        "yesterday", "2018-05-01T00:00:00Z")));
            case "DateTime":
                return literal(pick(List.of("2018-05-01T10:00:00Z", "2018-05-01", "9999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z", "not a time", "2018-05-01T25:61:61Z")));
            default: // String, ID and anything else given as a string
                return literal(random.nextInt(3) == 0 ? pick(WORDS) : pick(INJECTIONS));
        }
    }

    private String wrongLiteral() {
        return pick(List.of("1", "-1.5", "true", "null", "\"x\"", "[1, 2]", "{ a: 1 }", "ENUM_VALUE", "$undeclared",
                "[[[[[]]]]]", "\"\"\"block\"\"\""));
    }

    /** The scalar fields of an output type, for a minimal selection. */
    private static String leaves(GraphQLOutputType type) {
        GraphQLNamedType named = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type);
        if (named instanceof GraphQLObjectType object && object.getFieldDefinition("totalCount") != null) {
            return "totalCount";
        }
        return "";
    }

    private static boolean isStringLike(GraphQLType type) {
        return type instanceof GraphQLScalarType scalar
                && (scalar.getName().equals("String") || scalar.getName().equals("ID"));
    }

    /** Character-level damage to a valid document. */
    private String mutate(String document) {
        StringBuilder text = new StringBuilder(document);
        int edits = 1 + random.nextInt(5);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(6)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, pick(List.of("{", "}", "(", ")", ":", "\"", "$", "@", "...", "#", "!",
                        "[", "]", "\\u0000", "\u0000", "query", "fragment", "on")));
                case 2 -> text.setLength(at);
                case 3 -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
                case 4 -> text.setCharAt(at, (char) random.nextInt(0x3000));
                default -> text.insert(at, " @include(if: " + pick(List.of("true", "1", "$x", "\"no\"")) + ") ");
            }
        }
        return text.toString();
    }

    // --- hostile shapes

    /** Numbers an Int must refuse, or take only in their integral spelling (2.0), as JSON variables. */
    private static final List<Object> ODD_NUMBERS = List.of(new BigDecimal("10.5"), new BigDecimal("1e-5"),
            new BigDecimal("1e308"), new BigDecimal("-1e308"), 4294967306L, 2147483648L, -2147483649L,
            new BigDecimal("2.0"), new BigDecimal("1e400"), new BigInteger("99999999999999999999999"));

    /** Cursors at and past the end of the int range, negative and not quite numbers. */
    private static final List<String> ODD_CURSORS = List.of("cursor:2147483647", "cursor:2147483646",
            "cursor:2147483545", "cursor:4294967306", "cursor:-1", "cursor:+1", "cursor:1e3",
            "cursor:99999999999999999999").stream()
            .map(plain -> Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8)))
            .toList();

    private Request wrongVariables(int index) {
        String query = pick(List.of(
                "query Q($f: ActorFilter, $n: Int, $a: String) { actors(filter: $f, first: $n, after: $a) { totalCount nodes { name } } }",
                "query Q($f: EncounterFilter, $n: Int) { encounters(filter: $f, first: $n) { totalCount nodes { title } } }",
                "query Q($f: StatementFilter) { statements(filter: $f) { totalCount } }",
                "query Q($f: SourceFilter) { sources(filter: $f) { totalCount } }",
                "query Q($id: ID!) { node(id: $id) { id } }",
                "query Q($name: String, $id: ID) { actor(name: $name, id: $id) { name } }",
                "query Q($n: Int!) { actors(first: $n) { totalCount } }"));
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String name : List.of("f", "n", "a", "id", "name")) {
            if (random.nextBoolean()) {
                variables.put(name, randomJsonValue(0));
            }
        }
        if (random.nextInt(4) == 0) {
            variables.put("a", pick(ODD_CURSORS));
        }
        Object vars = random.nextInt(10) == 0 ? pick(List.of("not an object", 42, List.of(1, 2))) : variables;
        return new Request(index, "wrong-variables", "POST", "application/json", null, null,
                bytes(Map.of("query", query, "variables", vars)));
    }

    private Object randomJsonValue(int depth) {
        switch (random.nextInt(depth > 2 ? 6 : 9)) {
            case 0:
                return random.nextInt(4) == 0 ? pick(ODD_NUMBERS) : random.nextInt();
            case 1:
                return random.nextDouble() * 1e12;
            case 2:
                return random.nextBoolean();
            case 3:
                return pick(INJECTIONS);
            case 4:
                return pick(List.of("ACTOR", "PERSON", "MEETING", "DENIAL", "2018-05-01", "2018-05-01T00:00:00Z"));
            case 5:
                return "x".repeat(random.nextInt(5000));
            case 6: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomJsonValue(depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (String key : List.of("kind", "search", "from", "to", "participants", "updatedSince", "status",
                        "speaker", "encounter", "mode", "publisher", "x")) {
                    if (random.nextInt(3) == 0) {
                        object.put(key, randomJsonValue(depth + 1));
                    }
                }
                return object;
            }
        }
    }

    private Request writeWithBadToken(int index) {
        List<GraphQLFieldDefinition> mutations = schema.getMutationType().getFieldDefinitions();
        GraphQLFieldDefinition field = mutations.get(random.nextInt(mutations.size()));
        String document = "mutation { " + field.getName() + arguments(field) + " { __typename userErrors { code } } }";
        if (random.nextInt(5) == 0) {
            document = mutate(document);
        }
        return new Request(index, "write-bad-token", "POST", "application/json", tokens.bad(random), null,
                bytes(Map.of("query", document)));
    }

    private Request huge(int index) {
        int size = pick(List.of(10_000, 100_000, 1_000_000));
        String big = pick(List.of("a", "é", "'", "\\", "%", "🇰")).repeat(size / 2);
        String value = literal(big);
        String document = pick(List.of(
                "{ actors(filter: { search: " + value + " }) { totalCount } }",
                "{ actor(name: " + value + ") { name } }",
                "{ node(id: " + value + ") { id } }",
                "{ encounters(after: " + value + ") { totalCount } }",
                "query Q" + "q".repeat(size / 2) + " { __typename }"));
        return post(index, "huge-string", document, null);
    }

    private Request invalidUtf8(int index) {
        byte[] prefix = "{\"query\":\"{ actor(name: \\\"".getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "\\\") { name } }\"}".getBytes(StandardCharsets.US_ASCII);
        byte[][] bad = { { (byte) 0xC3, 0x28 }, { (byte) 0xA0, (byte) 0xA1 }, { (byte) 0xE2, 0x28, (byte) 0xA1 },
                { (byte) 0xF0, 0x28, (byte) 0x8C, 0x28 }, { (byte) 0xFF }, { (byte) 0xC0, (byte) 0x80 },
                { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { 0 } };
        byte[] middle = bad[random.nextInt(bad.length)];
        if (random.nextInt(4) == 0) { // pure noise
            byte[] noise = new byte[1 + random.nextInt(2000)];
            random.nextBytes(noise);
            return new Request(index, "invalid-utf8", "POST", "application/json", null, null, noise);
        }
        byte[] body = new byte[prefix.length + middle.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(middle, 0, body, prefix.length, middle.length);
        System.arraycopy(suffix, 0, body, prefix.length + middle.length, suffix.length);
        return new Request(index, "invalid-utf8", "POST", "application/json", null, null, body);
    }

    private Request deep(int index) {
        int levels = pick(List.of(13, 30, 100, 1000, 5000));
        String document;
        switch (random.nextInt(3)) {
            case 0 -> { // a real chain: actor -> encounters -> participants -> actor -> ...
                String open = "encounters(first: 100) { nodes { participants { actor { ";
                String close = "} } } } ";
                int n = Math.min(levels / 4, CHAIN);
                document = "{ actors(first: 100) { nodes { " + open.repeat(n) + "name " + close.repeat(n) + "} } }";
            }
            case 1 -> document = "{ " + "a { ".repeat(levels) + "b" + " }".repeat(levels) + " }";
            default -> document = "{ actors(filter: " + "{ search: ".repeat(levels) + "\"x\"" + " }".repeat(levels)
                    + ") { totalCount } }";
        }
        return post(index, "deep", document, null);
    }

    private Request wide(int index) {
        int n = pick(List.of(100, 1000, BOMB));
        StringBuilder document = new StringBuilder("{ ");
        switch (random.nextInt(3)) {
            case 0 -> { // alias bomb on a free field
                for (int i = 0; i < n; i++) {
                    document.append("a").append(i).append(": __typename ");
                }
            }
            case 1 -> { // alias bomb on a field that reads the database, bounded so the branch stays affordable
                for (int i = 0; i < Math.min(n, 200); i++) {
                    document.append("a").append(i).append(": actors(first: 100) { totalCount } ");
                }
            }
            default -> { // the same field repeated (merged by GraphQL, but validated pairwise)
                document.append("sources { nodes { ");
                for (int i = 0; i < n; i++) {
                    document.append("title ");
                }
                document.append("} } ");
            }
        }
        return post(index, "wide", document.append('}').toString(), null);
    }

    private Request fragmentCycle(int index) {
        String document = pick(List.of(
                "{ actors { nodes { ...A } } } fragment A on Actor { name ...B } fragment B on Actor { country { ...A } }",
                "{ actors { nodes { ...A } } } fragment A on Actor { ...A }",
                "query { ...Q } fragment Q on Query { actors { totalCount } ...Q }",
                "{ actors { nodes { ...A } } } fragment A on Actor { ...B } fragment B on Actor { ...C } fragment C on Actor { ...A }",
                "{ actors { nodes { ...Missing } } }",
                "{ actors { nodes { ...A ...A ...A ...A } } } fragment A on Actor { country { ...A } }"));
        // the "billion laughs": each fragment spreads the previous one ten times
        if (random.nextInt(3) == 0) {
            StringBuilder laughs = new StringBuilder("{ actors { nodes { ...L" + (LAUGH_LEVELS - 1)
                    + " } } } fragment L0 on Actor { name } ");
            for (int level = 1; level < LAUGH_LEVELS; level++) {
                laughs.append("fragment L").append(level).append(" on Actor { ");
                for (int i = 0; i < 10; i++) {
                    laughs.append("...L").append(level - 1).append(' ');
                }
                laughs.append("} ");
            }
            document = laughs.toString();
        }
        return post(index, "fragment-cycle", document, null);
    }

    private Request malformedJson(int index) {
        String body = pick(List.of("", "{", "}", "[", "null", "true", "42", "\"query\"", "{\"query\":}",
                "{\"query\": \"{ actors { totalCount } }\"", "{\"query\": 42}", "{\"query\": null}",
                "{\"query\": [\"{ __typename }\"]}", "{\"query\": {\"a\": 1}}", "{\"variables\": {}}",
                "{'query': '{ __typename }'}", "{\"query\": \"{ __typename }\", \"variables\": \"{\\\"a\\\": 1}\"}",
                "{\"query\": \"{ __typename }\", \"operationName\": 5}",
                "{\"query\": \"{ __typename }\", \"extensions\": [1]}", "{\"query\": \"\\u0000\"}",
                "{\"query\": \"{ __typename }\"}garbage", "\u0000\u0000\u0000", "{\"query\": \"\\ud800\"}",
                "[" + "[".repeat(5000) + "]".repeat(5000) + "]",
                "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001),
                "{\"query\": \"{ __typename }\", \"query\": \"{ actors { totalCount } }\"}",
                "{\"query\": \"{ __typename }\"} {}", "{\"query\": \"{ __typename }\"}]",
                "{\"query\": \"{ __typename }\", \"variables\": null, \"variables\": {}}",
                "{\"query\": \"query($n: Int) { actors(first: $n) { totalCount } }\", "
                        + "\"variables\": {\"n\": 1, \"n\": 1000}}",
                "{\"query\": \"query($n: Int) { actors(first: $n) { totalCount } }\", \"variables\": {\"n\": 1e999}}"));
        return new Request(index, "malformed-json", "POST", "application/json", null, null,
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Request wrongContentType(int index) {
        String query = "{ " + selection(schema.getQueryType(), 1) + " }";
        String contentType = pick(CONTENT_TYPES);
        byte[] body = random.nextBoolean() ? bytes(Map.of("query", query)) : query.getBytes(StandardCharsets.UTF_8);
        return new Request(index, "content-type", "POST", contentType, null, null, body);
    }

    private Request get(int index) {
        String query = random.nextInt(4) == 0
                ? "mutation { createActor(input: { name: \"Zz Fuzz\", kind: PERSON }) { __typename } }"
                : mutate("{ " + selection(schema.getQueryType(), 2) + " }");
        String queryString = "query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)
                + pick(List.of("", "&variables=%7B", "&variables=" + java.net.URLEncoder.encode("{\"a\":[1",
                        StandardCharsets.UTF_8), "&operationName=%00", "&query=%7B__typename%7D", "&%%%",
                        "&variables=%7B%7D&variables=%7B%7D", "&operationName=A&operationName=B"));
        return new Request(index, "get", "GET", null, random.nextInt(5) == 0 ? tokens.bad(random) : null,
                queryString, null);
    }

    private Request batch(int index) {
        List<Map<String, Object>> operations = new ArrayList<>();
        for (int i = 1 + random.nextInt(50); i > 0; i--) {
            operations.add(Map.of("query", "{ " + selection(schema.getQueryType(), 1) + " }"));
        }
        return new Request(index, "batch", "POST", "application/json", null, null, bytes(operations));
    }

    private Request introspectionAbuse(int index) {
        String document = pick(List.of(
                "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
                "{ __schema { types { name fields { name args { name type { name ofType { name ofType { name ofType { name } } } } } } } } }",
                "{ __type(name: \"Actor\") { fields { type { fields { type { fields { type { name } } } } } } } }",
                "{ __type(name: " + literal(pick(INJECTIONS)) + ") { name } }"));
        return post(index, "introspection", document, null);
    }

    private Request oversized(int index) {
        // above the 10 MiB Quarkus reads by default (and far above any limit Parley sets)
        byte[] body = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        byte[] head = "{\"query\": \"{ __typename }\", \"padding\": \"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return new Request(index, "oversized", "POST", "application/json", null, null, body);
    }

    // --- helpers

    private Request post(int index, String kind, String document, String token) {
        return new Request(index, kind, "POST", "application/json", token, null, bytes(Map.of("query", document)));
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GraphQL string literal of {@code text}, escaped as the grammar requires. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** Tokens that must not allow a write: none valid with the editor role. */
    private static final class Tokens {

        private final List<Function<Random, String>> kinds;

        Tokens() {
            PrivateKey forger;
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                forger = generator.generateKeyPair().getPrivate();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            String expired = mint(() -> DevTokens.mint("fuzz", -3600, "editor"));
            String forged = mint(() -> DevTokens.sign("fuzz", 3600, forger, "editor", "admin"));
            String reader = mint(() -> DevTokens.mint("fuzz", 3600, "reader"));
            String[] parts = forged.split("\\.");
            String unsigned = parts[0] + "." + parts[1] + ".";
            String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
            kinds = List.of(r -> null, r -> expired, r -> forged, r -> reader, r -> unsigned, r -> none,
                    r -> "not-a-jwt", r -> "a.b.c", r -> "", r -> "....", r -> forged + "x",
                    r -> parts[0] + "." + base64("{\"groups\":[\"admin\"]") + "." + parts[2],
                    r -> "x".repeat(10_000), r -> "Bearer Bearer " + forged);
        }

        String bad(Random random) {
            return kinds.get(random.nextInt(kinds.size())).apply(random);
        }

        private interface Minter {
            String mint() throws Exception;
        }

        private static String mint(Minter minter) {
            try {
                return minter.mint();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static String base64(String text) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
