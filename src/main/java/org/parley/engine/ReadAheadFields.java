package org.parley.engine;

import java.util.HashMap;
import java.util.Map;

import org.parley.read.Lookahead;
import org.parley.read.Related;

import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * The batched fields answer from their parent when a batch read already fetched their value with it
 * ({@link org.parley.read.Lookahead}, {@link Related}): a to-one field its related object, a list folded into a
 * single object's statement its items. No DataLoader call, so no statement and no dispatch level. Otherwise the
 * field's own fetcher runs (SmallRye's batch fetcher, or {@link BatchFetchers.Lean}).
 */
final class ReadAheadFields {

    private ReadAheadFields() {
    }

    /** {@code registry} with every batched field wrapped in a {@link Fetcher}. */
    static GraphQLCodeRegistry install(GraphQLSchema schema, GraphQLCodeRegistry registry) {
        Lookahead.use(FieldArgumentValues::of); // a single object's lists fold with their fields' own arguments
        Map<FieldCoordinates, DataFetcher<?>> wrapped = new HashMap<>();
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                DataFetcher<?> fetcher = registry.getDataFetcher(type, field);
                boolean batched = fetcher instanceof BatchDataFetcher || fetcher instanceof BatchFetchers.Lean;
                if (batched) {
                    boolean toOne = !(GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList);
                    wrapped.put(FieldCoordinates.coordinates(type, field), new Fetcher(field.getName(), toOne, fetcher));
                }
            }
        }
        return registry.transform(builder -> wrapped.forEach(builder::dataFetcher));
    }

    static final class Fetcher implements DataFetcher<Object> {

        private final String field;
        private final boolean toOne;
        private final DataFetcher<?> batched;

        Fetcher(String field, boolean toOne, DataFetcher<?> batched) {
            this.field = field;
            this.toOne = toOne;
            this.batched = batched;
        }

        /** The field's name, as the batch read keys what it read ahead ({@link Related}). */
        String field() {
            return field;
        }

        /** The field's own fetcher, for what was not read with the parent. */
        DataFetcher<?> batched() {
            return batched;
        }

        /** Whether the field's type is not a list, so that a batch read may have read its object ahead. */
        boolean toOne() {
            return toOne;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            if (environment.getSource() instanceof Related parent) {
                if (toOne && parent.hasReadAhead(field)) {
                    return parent.readAheadValue(field);
                }
                if (parent.hasFolded()) { // only then are the field's key and arguments looked at
                    Object folded = parent.foldedValue(environment.getField().getResultKey(), environment.getArguments());
                    if (folded != Related.NOT_FOLDED) {
                        return folded;
                    }
                }
            }
            return batched.get(environment);
        }
    }
}
