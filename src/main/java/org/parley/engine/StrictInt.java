package org.parley.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

import org.parley.errors.ErrorCodes;

/**
 * The input side of {@code Int} as the GraphQL specification has it: a whole number from -2^31 to 2^31-1, and nothing
 * else. SmallRye's {@code Int} passes any number or string through (a variable 10.5 then failed inside the resolver
 * as INTERNAL_SERVER_ERROR) and wraps literals past the range ({@code first: 4294967306} read as 10). Results and
 * default values keep SmallRye's coercing, so the schema and the answers stay as they were.
 * <p>
 * Variables arrive as JSON numbers, which have no integer type of their own: 2, 2.0 and 2e0 are the same number and
 * are accepted; 10.5, 1e-5 and 1e308 are not. Literals must be written as integers ({@code IntValue}), as the
 * specification says. The message says what was refused; {@link ErrorCodes} puts the argument's name in front.
 */
final class StrictInt extends StrictInput {

    static final String NAME = "Int";
    static final String EXPECTED = "is not an Int (a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
            + ")";
    private StrictInt(Coercing<?, ?> smallRyes) {
        super(smallRyes);
    }

    /** SmallRye's Int with this input coercion. */
    static GraphQLScalarType replacing(GraphQLScalarType smallRyes) {
        return smallRyes.transform(builder -> builder.coercing(new StrictInt(smallRyes.getCoercing())));
    }

    static boolean isStrict(GraphQLScalarType type) {
        return type.getCoercing() instanceof StrictInt;
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        Integer value = exactInt(input);
        if (value == null) {
            throw new CoercingParseValueException(shown(input) + " " + EXPECTED);
        }
        return value;
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof IntValue literal && literal.getValue().bitLength() < Integer.SIZE) {
            return literal.getValue().intValue();
        }
        throw new CoercingParseLiteralException(shown(input) + " " + EXPECTED);
    }

    /** The int a JSON number stands for, or null when it is not a whole number in range (or not a number). */
    static Integer exactInt(Object input) {
        if (input instanceof Integer value) {
            return value;
        }
        BigDecimal number;
        if (input instanceof BigDecimal decimal) {
            number = decimal;
        } else if (input instanceof BigInteger integer) {
            number = new BigDecimal(integer);
        } else if (input instanceof Long || input instanceof Short || input instanceof Byte) {
            number = BigDecimal.valueOf(((Number) input).longValue());
        } else if (input instanceof Double || input instanceof Float) {
            double value = ((Number) input).doubleValue();
            if (!Double.isFinite(value)) {
                return null;
            }
            number = new BigDecimal(value); // the double's exact value: 10.5 stays fractional
        } else {
            return null; // strings, booleans, objects: the specification refuses "10" for an Int
        }
        try {
            // throws for a fraction or past the range, and does so without expanding 1e308 or 1e-1000000000
            return number.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
