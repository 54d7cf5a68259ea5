package org.parley.engine;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.language.AstPrinter;
import graphql.language.Value;
import graphql.schema.Coercing;

/**
 * What {@link StrictInt} and {@link StrictFloat} share: results and default values go through SmallRye's coercing
 * unchanged (so the schema and the answers stay as they were); only the input side is strict, and a refused value
 * is quoted in the message, abbreviated.
 */
abstract class StrictInput implements Coercing<Object, Object> {

    /** How much of a refused value the message repeats: a value may be a megabyte of digits. */
    private static final int SHOWN = 40;

    private final Coercing<?, ?> smallRyes;

    StrictInput(Coercing<?, ?> smallRyes) {
        this.smallRyes = smallRyes;
    }

    @Override
    public Object serialize(Object result, GraphQLContext context, Locale locale) {
        return smallRyes.serialize(result, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return smallRyes.valueToLiteral(input, context, locale);
    }

    /** A refused variable value as the message shows it (strings quoted). */
    static String shown(Object input) {
        return abbreviate(input instanceof String text ? "\"" + text + "\"" : String.valueOf(input));
    }

    /** A refused literal as the message shows it. */
    static String shown(Value<?> literal) {
        return abbreviate(AstPrinter.printAst(literal));
    }

    private static String abbreviate(String text) {
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    }
}
