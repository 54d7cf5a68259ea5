package org.parley.errors;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;

/**
 * Names the value at fault inside an input object that SmallRye could not convert. graphql-java lets a malformed
 * date through (SmallRye's date scalars take any string) and SmallRye's conversion then refuses the whole argument,
 * {@code argument 'input' with value 'StringValue{value='{...}'}' is not a valid 'RecordEncounterInput'}, with the
 * whole object and no word of the field. This walks the object along its schema type and reports the first date, time
 * or enum value that does not fit, with the format expected.
 */
final class InputValueProblems {

    private static final Pattern NOT_VALID = Pattern.compile(
            "argument '([^']*)' with value 'StringValue\\{value='(.*)'\\}' is not a valid '([_A-Za-z][_0-9A-Za-z]*)'$",
            Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 40;
    /** What SmallRye's scalars expect, by scalar name. */
    private static final Map<String, String> FORMATS = Map.of(
            "Date", "expected a date as YYYY-MM-DD (e.g. 2024-01-16)",
            "DateTime", "expected a date and time with its UTC offset, YYYY-MM-DDThh:mm:ss+hh:mm"
                    + " (e.g. 2024-01-16T15:19:00+03:00)",
            "Time", "expected a time as hh:mm:ss (e.g. 15:19:00)");

    private InputValueProblems() {
    }

    /** The message naming the field, its value and the expected format; null when none is found. */
    static String explain(String message, GraphQLSchema schema) {
        if (message == null || schema == null) {
            return null;
        }
        Matcher matcher = NOT_VALID.matcher(message);
        if (!matcher.find() || !(schema.getType(matcher.group(3)) instanceof GraphQLInputType type)) {
            return null;
        }
        try {
            return find(JSON.readTree(matcher.group(2)), type, matcher.group(1));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String find(JsonNode value, GraphQLType type, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (type instanceof GraphQLNonNull nonNull) {
            return find(value, nonNull.getWrappedType(), path);
        }
        if (type instanceof GraphQLList list) {
            for (int i = 0; value.isArray() && i < value.size(); i++) {
                String found = find(value.get(i), list.getWrappedType(), path + "." + i);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (type instanceof GraphQLInputObjectType object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                GraphQLInputObjectField definition = object.getField(field.getKey());
                String found = definition == null ? null
                        : find(field.getValue(), definition.getType(), path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (type instanceof GraphQLEnumType enumType && enumType.getValue(value.asText()) == null) {
            return path + ": " + shown(value) + " is not one of " + enumType.getValues().stream()
                    .map(v -> v.getName()).toList();
        }
        if (type instanceof GraphQLScalarType scalar && FORMATS.containsKey(scalar.getName())
                && !fits(scalar.getName(), value)) {
            return path + ": " + shown(value) + " is not a " + scalar.getName() + "; " + FORMATS.get(scalar.getName());
        }
        return null;
    }

    private static boolean fits(String scalar, JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        try {
            switch (scalar) {
                case "Date" -> LocalDate.parse(value.textValue());
                case "DateTime" -> OffsetDateTime.parse(value.textValue());
                default -> LocalTime.parse(value.textValue());
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String shown(JsonNode value) {
        String text = value.isTextual() ? value.textValue() : value.toString();
        return "\"" + (text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text) + "\"";
    }
}
