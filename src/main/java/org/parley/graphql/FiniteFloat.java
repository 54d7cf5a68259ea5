package org.parley.graphql;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.AstPrinter;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/**
 * SmallRye's Float refusing what overflows a double: a literal such as {@code 1.8e309} became Infinity, which JSON-B
 * then failed to map onto the input object (an internal error instead of the client's).
 */
final class FiniteFloat implements Coercing<Object, Object> {

    static final String NAME = "Float";
    private static final int SHOWN = 40;

    private final Coercing<Object, Object> smallRyes;

    @SuppressWarnings("unchecked")
    private FiniteFloat(Coercing<?, ?> smallRyes) {
        this.smallRyes = (Coercing<Object, Object>) smallRyes;
    }

    static GraphQLScalarType replacing(GraphQLScalarType smallRyes) {
        return smallRyes.transform(builder -> builder.coercing(new FiniteFloat(smallRyes.getCoercing())));
    }

    static boolean isFinite(GraphQLScalarType type) {
        return type.getCoercing() instanceof FiniteFloat;
    }

    @Override
    public Object serialize(Object result, GraphQLContext context, Locale locale) {
        return smallRyes.serialize(result, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return smallRyes.valueToLiteral(input, context, locale);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        Object value = smallRyes.parseValue(input, context, locale);
        if (!finite(value)) {
            throw new CoercingParseValueException(abbreviate(String.valueOf(input)) + " is not a Float (a finite number)");
        }
        return value;
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        Object value = smallRyes.parseLiteral(input, variables, context, locale);
        if (!finite(value)) {
            throw new CoercingParseLiteralException(abbreviate(AstPrinter.printAst(input))
                    + " is not a Float (a finite number)");
        }
        return value;
    }

    private static boolean finite(Object value) {
        return !(value instanceof Number number) || Double.isFinite(number.doubleValue());
    }

    private static String abbreviate(String text) {
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    }
}
