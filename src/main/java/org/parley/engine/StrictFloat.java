package org.parley.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/**
 * The input side of {@code Float} as the GraphQL specification has it: a finite number. graphql-java reads the literal
 * {@code 1.7976931348623157e309} as infinity and lets it through; SmallRye then failed to write the arguments as JSON
 * (INTERNAL_SERVER_ERROR) before any validation could say "latitude is out of range". Strings are refused as well
 * ("1.5" is not a Float). Results and default values keep SmallRye's coercing, as {@link StrictInt} does for Int.
 */
final class StrictFloat extends StrictInput {

    static final String NAME = "Float";
    static final String EXPECTED = "is not a Float (a finite number)";

    private StrictFloat(Coercing<?, ?> smallRyes) {
        super(smallRyes);
    }

    /** SmallRye's Float with this input coercion. */
    static GraphQLScalarType replacing(GraphQLScalarType smallRyes) {
        return smallRyes.transform(builder -> builder.coercing(new StrictFloat(smallRyes.getCoercing())));
    }

    static boolean isStrict(GraphQLScalarType type) {
        return type.getCoercing() instanceof StrictFloat;
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        Double value = finite(input);
        if (value == null) {
            throw new CoercingParseValueException(shown(input) + " " + EXPECTED);
        }
        return value;
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        Double value = null;
        if (input instanceof FloatValue literal) {
            value = finite(literal.getValue());
        } else if (input instanceof IntValue literal) {
            value = finite(literal.getValue());
        }
        if (value == null) {
            throw new CoercingParseLiteralException(shown(input) + " " + EXPECTED);
        }
        return value;
    }

    /** The double a JSON number or literal stands for, or null when it is not a number or not finite as a double. */
    static Double finite(Object input) {
        double value;
        if (input instanceof BigDecimal decimal) {
            value = decimal.doubleValue(); // 1e309 becomes infinity, 1e-400 zero (as close as a double gets)
        } else if (input instanceof BigInteger integer) {
            value = integer.doubleValue();
        } else if (input instanceof Number number) {
            value = number.doubleValue();
        } else {
            return null;
        }
        return Double.isFinite(value) ? value : null;
    }
}
