package org.parley.engine;

import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.function.Supplier;

import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.DateTransformer;
import io.smallrye.graphql.transformation.Transformer;

import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;

/**
 * Reads plain properties (a getter or public field whose value needs no transformation or adapter, or a single date
 * formatted by SmallRye's transformer) straight from the Java object. SmallRye's own field fetcher first clones its
 * request context and computes the selected sub-fields twice, for every property of every object: a large share of
 * the CPU of a nested answer (figures in docs/BENCHMARKS.md). Parley's getters do not read that context. Every other
 * field (other transformed scalars, adapters, maps, lists of dates) and every operation keeps SmallRye's fetchers:
 * this service answers null for them.
 * <p>
 * Registered through {@code META-INF/services/io.smallrye.graphql.spi.DataFetcherService}; without it (or with
 * {@link FastPaths} off) the answers are the same, only slower.
 */
public class PlainFieldFetchers implements DataFetcherService {

    /** SmallRye creates its services once per schema build, at start. */
    private final boolean enabled = FastPaths.enabled();

    @Override
    public Integer getPriority() {
        return 0; // before Quarkus' service (1), which leaves field fetchers to SmallRye anyway
    }

    @Override
    public PlugableDataFetcher<Object> getFieldDataFetcher(Field field, Type type, Reference owner) {
        if (!enabled) {
            return null;
        }
        if (plain(field)) {
            return new PropertyFetcher(field, owner, null);
        }
        Transformer<Object, Object> dates = dateTransformer(field);
        return dates != null ? new PropertyFetcher(field, owner, dates) : null;
    }

    /**
     * SmallRye's own transformer for a single date or time property (a {@code LocalDate} answered as a {@code Date}
     * string, formatted as configured), which its field fetcher would apply; null for anything else. Applied here
     * with the same transformer, the answer is the same, and the field becomes a property read.
     */
    @SuppressWarnings("unchecked")
    static Transformer<Object, Object> dateTransformer(Field field) {
        Reference reference = field.getReference();
        boolean adapted = reference.isAdaptingWith() || field.isAdaptingWith() || reference.isAdaptingTo()
                || field.isAdaptingTo();
        if (reference.getType() != ReferenceType.SCALAR || adapted || field.hasWrapper()) {
            return null;
        }
        Transformer<?, ?> transformer = Transformer.transformer(field);
        return transformer instanceof DateTransformer ? (Transformer<Object, Object>) transformer : null;
    }

    /** The conditions under which SmallRye's field fetcher returns the property unchanged. */
    static boolean plain(Field field) {
        Reference reference = field.getReference();
        boolean transformed = reference.getType() == ReferenceType.SCALAR
                && !reference.getClassName().equals(reference.getGraphQLClassName());
        boolean adapted = reference.isAdaptingWith() || field.isAdaptingWith() || reference.isAdaptingTo()
                || field.isAdaptingTo() || (field.hasWrapper() && field.getWrapper().isMap());
        return !transformed && !adapted;
    }

    /**
     * A {@link LightDataFetcher}: graphql-java then calls it with the source object alone and builds no
     * DataFetchingEnvironment for the field, which was the largest remaining cost per plain field.
     */
    static final class PropertyFetcher implements PlugableDataFetcher<Object>, LightDataFetcher<Object> {

        private final Field field;
        private final Reference owner;
        /** SmallRye's transformer of a date property; null for a property answered as it is. */
        private final Transformer<Object, Object> transformer;
        private volatile Member property;

        PropertyFetcher(Field field, Reference owner, Transformer<Object, Object> transformer) {
            this.field = field;
            this.owner = owner;
            this.transformer = transformer;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return read(environment.getSource());
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            return read(source);
        }

        private Object read(Object source) throws ReflectiveOperationException {
            Member member = property;
            if (member == null) {
                member = property = find();
            }
            Object value = member instanceof Method method ? method.invoke(source)
                    : ((java.lang.reflect.Field) member).get(source);
            return transformer == null || value == null ? value : transformer.out(value);
        }

        private Member find() {
            try {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                return field.getMethodName() == null ? type.getField(field.getPropertyName())
                        : type.getMethod(field.getMethodName());
            } catch (ReflectiveOperationException e) {
                throw new GraphQLException(e);
            }
        }
    }
}
