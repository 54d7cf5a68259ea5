package org.parley.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The items of a folded list ({@link ToMany}) as PostgreSQL writes them: a JSON array of {@code row_to_json} objects,
 * all with the same keys in the same order. Read with Jackson's streaming parser into one array of values per item,
 * by the position of its key in the first item, rather than into a map per item (which cost the actor page a third
 * of its CPU: a hash of every key of every item, twice). Nested arrays of objects (a list folded in a folded list)
 * are items in turn; arrays of anything else (a {@code text[]} column) are lists.
 */
final class JsonItems {

    private static final JsonFactory JSON = new JsonFactory();

    /** The keys of the items, the position of each, and each item's values in that order. */
    final String[] names;
    final Map<String, Integer> index;
    final List<Object[]> values;

    private JsonItems(String[] names, Map<String, Integer> index, List<Object[]> values) {
        this.names = names;
        this.index = index;
        this.values = values;
    }

    /** The items of the JSON array {@code text}. */
    static JsonItems parse(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("not a JSON array of items");
            }
            return items(parser, parser.nextToken());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The items of an array, from its first token ({@code token}) up to and including its end. */
    private static JsonItems items(JsonParser parser, JsonToken start) throws IOException {
        String[] names = null;
        Map<String, Integer> index = Map.of();
        List<Object[]> values = new ArrayList<>();
        for (JsonToken token = start; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not an item: " + token);
            }
            if (names == null) {
                List<String> keys = new ArrayList<>();
                List<Object> first = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    keys.add(parser.currentName());
                    first.add(value(parser, parser.nextToken()));
                }
                names = keys.toArray(String[]::new);
                index = new HashMap<>();
                for (int i = 0; i < names.length; i++) {
                    index.putIfAbsent(names[i], i);
                }
                values.add(first.toArray());
            } else {
                Object[] item = new Object[names.length];
                int at = 0;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    // the keys come in the first item's order; by name only if they ever do not
                    int position = at < names.length && names[at].equals(name) ? at : index.getOrDefault(name, -1);
                    Object value = value(parser, parser.nextToken());
                    if (position >= 0) {
                        item[position] = value;
                    }
                    at++;
                }
                values.add(item);
            }
        }
        return new JsonItems(names == null ? new String[0] : names, index, values);
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue()
                        : parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case START_ARRAY:
                return array(parser);
            case START_OBJECT:
                Map<String, Object> object = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /** An array inside an item: the items of a nested fold when it holds objects (or nothing), else a list. */
    private static Object array(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY || token == JsonToken.START_OBJECT) {
            return items(parser, token);
        }
        List<Object> list = new ArrayList<>();
        for (; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            list.add(value(parser, token));
        }
        return list;
    }
}
