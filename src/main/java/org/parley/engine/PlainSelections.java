package org.parley.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import org.parley.read.Related;

/**
 * The selections below an object that graphql-java need not execute field by field: every field selected is a plain
 * property ({@link PlainFieldFetchers}), a to-one field its batch read fetched ahead ({@link ReadAheadFields}) or
 * {@code __typename}, and so on down. graphql-java spends far more on each field (its steps, futures, paths, the
 * data loaders' level bookkeeping) than reading a getter costs: on a page of 50 encounters with their places,
 * participants and sources, most of the request's CPU (docs/BENCHMARKS.md). {@link QueryExecutionStrategy} completes
 * such an object from its {@link Plan} in one pass, to exactly the map graphql-java would build.
 * <p>
 * Anything a plan cannot answer as graphql-java would makes it give up ({@link #NOT_COMPLETED}) and graphql-java
 * completes the object itself: a null where the schema says non-null, a value a scalar refuses, a fetcher that throws,
 * a to-one field not read ahead. The getters have no side effects, so reading them again is harmless. A selection with
 * directives is never planned (its answer may depend on variables); fields with arguments, abstract types or
 * introspection are left to graphql-java. In an object with both kinds of fields, graphql-java executes only the
 * others and the plain ones are added to its answer.
 */
final class PlainSelections {

    /** What {@link Plan#complete} returns when graphql-java must complete the object instead. */
    static final Object NOT_COMPLETED = new Object();

    /** In {@link Plan#plainValues}: a field graphql-java executes. */
    private static final Object EXECUTED = new Object();

    /** A plan's cache bound: plans hang on their documents' AST, which SmallRye's document cache may drop. */
    private static final int MAX_PLANS = 4096;

    private final FieldCollector collector = new FieldCollector();
    private final Map<Key, Plan> plans = new ConcurrentHashMap<>();

    /**
     * The AST fields an object is completed for (a merged field is equal to another with the same AST nodes: one set
     * per place in a document) and the object's type: together they fix the selection below it.
     */
    private record Key(MergedField field, GraphQLObjectType type) {
    }

    /**
     * The plan for objects of {@code type} selected by {@code field}: {@link Plan#whole} when every field selected is
     * plain, else the plain fields only; null when none is (or a directive makes the selection depend on variables).
     */
    Plan plan(ExecutionContext context, GraphQLObjectType type, MergedField field) {
        Key key = new Key(field, type);
        Plan plan = plans.get(key);
        if (plan == null) {
            if (plans.size() >= MAX_PLANS) {
                plans.clear();
            }
            plan = build(context, type, field);
            plans.put(key, plan);
        }
        return plan == Plan.NONE ? null : plan;
    }

    private Plan build(ExecutionContext context, GraphQLObjectType type, MergedField field) {
        for (Field each : field.getFields()) {
            if (!withoutDirectives(each.getSelectionSet(), context.getFragmentsByName())) {
                return Plan.NONE;
            }
        }
        MergedSelectionSet selected = collector.collectFields(FieldCollectorParameters.newParameters()
                .schema(context.getGraphQLSchema())
                .objectType(type)
                .fragments(context.getFragmentsByName())
                .variables(context.getCoercedVariables().toMap())
                .graphQLContext(context.getGraphQLContext())
                .build(), field, false);
        List<String> keys = selected.getKeys();
        Step[] steps = new Step[keys.size()];
        int plain = 0;
        for (int i = 0; i < steps.length; i++) {
            steps[i] = step(context, type, selected.getSubField(keys.get(i)));
            plain += steps[i] == null ? 0 : 1;
        }
        return plain == 0 ? Plan.NONE : new Plan(keys.toArray(String[]::new), steps, plain == steps.length);
    }

    /** Whether a selection set (fragments included) has no directive at its own level. */
    private static boolean withoutDirectives(SelectionSet selections, Map<String, FragmentDefinition> fragments) {
        if (selections == null) {
            return true;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                if (!field.getDirectives().isEmpty()) {
                    return false;
                }
            } else if (selection instanceof InlineFragment inline) {
                if (!inline.getDirectives().isEmpty() || !withoutDirectives(inline.getSelectionSet(), fragments)) {
                    return false;
                }
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (!spread.getDirectives().isEmpty() || fragment == null || !fragment.getDirectives().isEmpty()
                        || !withoutDirectives(fragment.getSelectionSet(), fragments)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private Step step(ExecutionContext context, GraphQLObjectType parent, MergedField field) {
        String name = field.getName();
        for (Field each : field.getFields()) {
            if (!each.getArguments().isEmpty()) {
                return null; // plain properties take none
            }
        }
        if (name.equals("__typename")) {
            return new TypeName(parent.getName());
        }
        if (name.startsWith("__")) {
            return null;
        }
        GraphQLFieldDefinition definition = parent.getFieldDefinition(name);
        if (definition == null) {
            return null;
        }
        Completion completion = completion(context, definition.getType(), field);
        if (completion == null) {
            return null;
        }
        DataFetcher<?> fetcher = context.getGraphQLSchema().getCodeRegistry().getDataFetcher(parent, definition);
        if (fetcher instanceof PlainFieldFetchers.PropertyFetcher property) {
            return new Property(property, definition, completion);
        }
        if (fetcher instanceof ReadAheadFields.Fetcher readAhead && readAhead.toOne()) {
            return new ReadAhead(readAhead.field(), completion);
        }
        return null;
    }

    /** How a value of {@code type} is completed; null when graphql-java must do it. */
    private Completion completion(ExecutionContext context, GraphQLType type, MergedField field) {
        if (type instanceof GraphQLNonNull nonNull) {
            Completion inner = completion(context, nonNull.getWrappedType(), field);
            return inner == null ? null : new NonNull(inner);
        }
        if (type instanceof GraphQLList list) {
            Completion item = completion(context, list.getWrappedType(), field);
            return item == null ? null : new ListOf(item);
        }
        if (type instanceof GraphQLScalarType scalar) {
            return new Leaf(scalar.getCoercing()::serialize);
        }
        if (type instanceof GraphQLEnumType enumType) {
            return new Leaf(enumType::serialize);
        }
        if (type instanceof GraphQLObjectType object) {
            Plan plan = build(context, object, field);
            return plan.whole ? plan : null;
        }
        return null; // interfaces and unions: graphql-java resolves the type
    }

    /** Thrown inside a plan to give the object back to graphql-java; no stack trace (it is not an error). */
    private static final class GiveUp extends RuntimeException {

        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    /** Completes one value of a field's type. */
    private interface Completion {

        /** The value's answer: null for null (after graphql-java's unboxing of optionals). */
        default Object complete(Object value, ExecutionContext context) {
            Object unboxed = context.getValueUnboxer().unbox(value);
            return unboxed == null ? null : completePresent(unboxed, context);
        }

        Object completePresent(Object value, ExecutionContext context);
    }

    private record NonNull(Completion inner) implements Completion {

        @Override
        public Object complete(Object value, ExecutionContext context) {
            Object completed = inner.complete(value, context);
            if (completed == null) {
                throw GiveUp.INSTANCE; // graphql-java reports the error and nulls the nearest nullable parent
            }
            return completed;
        }

        @Override
        public Object completePresent(Object value, ExecutionContext context) {
            return complete(value, context);
        }
    }

    private record ListOf(Completion item) implements Completion {

        @Override
        public Object completePresent(Object value, ExecutionContext context) {
            if (!(value instanceof Collection<?> values)) {
                throw GiveUp.INSTANCE; // arrays, iterables, streams: graphql-java knows them all
            }
            List<Object> completed = new ArrayList<>(values.size());
            for (Object each : values) {
                completed.add(item.complete(each, context));
            }
            return completed;
        }
    }

    /** How a scalar or an enum turns a value into its answer (graphql-java's own call). */
    private interface Serialize {

        Object apply(Object value, GraphQLContext context, Locale locale);
    }

    private record Leaf(Serialize serialize) implements Completion {

        @Override
        public Object completePresent(Object value, ExecutionContext context) {
            try {
                return serialize.apply(value, context.getGraphQLContext(), context.getLocale());
            } catch (RuntimeException refused) {
                throw GiveUp.INSTANCE; // graphql-java answers null with a SerializationError
            }
        }
    }

    /** One selected field of an object: its value from the object. */
    private interface Step {

        Object value(Object source, ExecutionContext context);
    }

    private record TypeName(String name) implements Step {

        @Override
        public Object value(Object source, ExecutionContext context) {
            return name;
        }
    }

    private record Property(PlainFieldFetchers.PropertyFetcher fetcher, GraphQLFieldDefinition definition,
            Completion completion) implements Step {

        @Override
        public Object value(Object source, ExecutionContext context) {
            Object value;
            try {
                value = fetcher.get(definition, source, null);
            } catch (Exception failed) {
                throw GiveUp.INSTANCE; // graphql-java reports it through the exception handler
            }
            if (value instanceof DataFetcherResult<?> || value instanceof CompletionStage<?>) {
                throw GiveUp.INSTANCE; // errors, local context or a later value: graphql-java's to unwrap
            }
            return completion.complete(value, context);
        }
    }

    private record ReadAhead(String field, Completion completion) implements Step {

        @Override
        public Object value(Object source, ExecutionContext context) {
            if (source instanceof Related parent && parent.hasReadAhead(field)) {
                return completion.complete(parent.readAheadValue(field), context);
            }
            throw GiveUp.INSTANCE; // not read with its parent: its batch resolver runs
        }
    }

    /**
     * The selection below objects of one type: when {@link #whole}, completed without graphql-java's per-field
     * execution; otherwise its plain fields are answered here and graphql-java executes only the others.
     */
    static final class Plan implements Completion {

        static final Plan NONE = new Plan(new String[0], new Step[0], false);

        private final String[] keys;
        /** Per key, in selection order; null for a field graphql-java executes. */
        private final Step[] steps;
        final boolean whole;

        private Plan(String[] keys, Step[] steps, boolean whole) {
            this.keys = keys;
            this.steps = steps;
            this.whole = whole;
        }

        /** The object's answer (keys in selection order), or {@link #NOT_COMPLETED}; for a whole plan. */
        Object completeObject(Object source, ExecutionContext context) {
            try {
                return complete(source, context);
            } catch (GiveUp giveUp) {
                return NOT_COMPLETED;
            }
        }

        @Override
        public Object completePresent(Object source, ExecutionContext context) {
            Map<String, Object> answer = new LinkedHashMap<>(keys.length * 4 / 3 + 1);
            for (int i = 0; i < keys.length; i++) {
                answer.put(keys[i], steps[i].value(source, context));
            }
            return answer;
        }

        /**
         * The answers of the fields this plan can give for {@code source}, {@link #EXECUTED} at the others (no step,
         * or a step that gave up, e.g. a to-one field not read ahead); null when no field has an answer here.
         */
        Object[] plainValues(Object source, ExecutionContext context) {
            Object[] values = new Object[keys.length];
            int answered = 0;
            for (int i = 0; i < keys.length; i++) {
                values[i] = EXECUTED;
                if (steps[i] != null) {
                    try {
                        values[i] = steps[i].value(source, context);
                        answered++;
                    } catch (GiveUp giveUp) {
                        // graphql-java executes this field, and reports what the plan could not
                    }
                }
            }
            return answered == 0 ? null : values;
        }

        /** The fields of {@code selected} that graphql-java executes: those {@link #EXECUTED} in {@code values}. */
        MergedSelectionSet others(MergedSelectionSet selected, Object[] values) {
            Map<String, MergedField> others = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                if (values[i] == EXECUTED) {
                    others.put(keys[i], selected.getSubField(keys[i]));
                }
            }
            return MergedSelectionSet.newMergedSelectionSet().subFields(others).build();
        }

        /** The object's answer: graphql-java's for the other fields, {@code values} for the plain ones, in order. */
        Map<String, Object> merge(Map<String, Object> executed, Object[] values) {
            if (executed == null) {
                return null; // a non-null field was null: graphql-java nulled the object and said why
            }
            Map<String, Object> answer = new LinkedHashMap<>(keys.length * 4 / 3 + 1);
            for (int i = 0; i < keys.length; i++) {
                answer.put(keys[i], values[i] == EXECUTED ? executed.get(keys[i]) : values[i]);
            }
            return answer;
        }
    }
}
