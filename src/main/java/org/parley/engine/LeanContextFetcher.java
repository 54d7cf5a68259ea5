package org.parley.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.dataloader.BatchLoaderEnvironment;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusUniDataFetcher;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import jakarta.validation.ConstraintViolationException;
import org.eclipse.microprofile.graphql.GraphQLException;
import io.smallrye.graphql.validation.BeanValidationUtil;

/**
 * SmallRye's fetcher of a root query field ({@code node}, {@code statements}...) and batch loader of a batched field,
 * with a leaner request context. For every root field it runs and every batch it loads, SmallRye fills the context
 * with the field's selection, twice (with and without the batched fields), as JSON-P arrays built from graphql-java's
 * normalized selection: 3.4 % (the root field) and 3.3 % (the batch) of a point query's CPU samples
 * (docs/BENCHMARKS.md), for {@code Context.getSelectedFields()}, which no Parley resolver reads (the read ahead,
 * {@code read.Lookahead}, reads the document through the context's environment). This fetcher fills the context as
 * SmallRye does, minus the two selections (null here), and is otherwise SmallRye's: the same invocation, Uni
 * handling and error results. Only with the fast paths ({@link FastPaths}), and for root fields only for queries:
 * mutations and subscriptions keep SmallRye's fetcher.
 */
final class LeanContextFetcher<K, T> extends QuarkusUniDataFetcher<K, T> {

    LeanContextFetcher(Operation operation, Type type) {
        super(operation, type);
    }

    /** {@code AbstractDataFetcher.get} with {@link #context} in place of SmallRye's. */
    @Override
    @SuppressWarnings("unchecked")
    public T get(DataFetchingEnvironment environment) throws Exception {
        SmallRyeContext context = context(environment);
        eventEmitter.fireBeforeDataFetch(context);
        DataFetcherResult.Builder<Object> result = DataFetcherResult.newResult()
                .localContext(environment.getGraphQlContext());
        try {
            Object[] arguments = argumentHelper.getArguments(environment).toArray();
            return invokeAndTransform(context, environment, result, arguments);
        } catch (AbstractDataFetcherException e) {
            e.appendDataFetcherResult(result, environment);
            eventEmitter.fireOnDataFetchError(context, e);
        } catch (GraphQLException e) {
            errorResultHelper.appendPartialResult(result, environment, e);
            eventEmitter.fireOnDataFetchError(context, e);
        } catch (ConstraintViolationException e) {
            return (T) BeanValidationUtil.addConstraintViolationsToDataFetcherResult(e.getConstraintViolations(),
                    operationInvoker.getMethod(), result, environment).build();
        } catch (Throwable t) {
            eventEmitter.fireOnDataFetchError(context, t);
            throw t;
        }
        return invokeFailure(result);
    }

    /** {@code AbstractDataFetcher.load} with {@link #context} in place of SmallRye's. */
    @Override
    public CompletionStage<List<T>> load(List<K> keys, BatchLoaderEnvironment batch) {
        Map<String, Object> loaded = batchLoaderHelper.getBatchContext(keys, batch);
        Object[] arguments = batchLoaderHelper.getArguments(loaded);
        DataFetchingEnvironment environment = batchLoaderHelper.getDataFetchingEnvironment(loaded);
        context(environment);
        try {
            return invokeBatch(environment, arguments);
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
        }
    }

    /** What {@code SmallRyeContextManager.populateFromDataFetchingEnvironment} sets, but the selections. */
    private SmallRyeContext context(DataFetchingEnvironment environment) {
        SmallRyeContext current = SmallRyeContextManager.getCurrentSmallRyeContext();
        if (current == null) {
            current = SmallRyeContextManager.restoreSmallRyeContext(environment);
        }
        if (current == null || current.getRequest() == null) {
            throw new IllegalStateException("no GraphQL request context for " + environment.getField().getName());
        }
        SmallRyeContext context = current.clone();
        context.setDataFetchingEnvironment(environment);
        context.setField(operation);
        context.setArguments(environment.getArguments());
        context.setPath(environment.getExecutionStepInfo().getPath().toString());
        context.setExecutionId(environment.getExecutionId().toString());
        context.setFieldName(environment.getField().getName());
        context.setSource(environment.getSource());
        context.setSelectedFields(null);
        context.setSelectedAndSourceFields(null);
        OperationDefinition definition = environment.getOperationDefinition();
        context.setOperationType(definition.getOperation().toString());
        context.setParentTypeName(environment.getParentType() instanceof GraphQLNamedType named ? named.getName() : null);
        if (context.getOperationName().isEmpty() && definition.getName() != null && !definition.getName().isEmpty()) {
            context.setOperationName(definition.getName());
        }
        GraphQLContext graphQL = environment.getGraphQlContext();
        graphQL.put(SmallRyeContextManager.CONTEXT, context);
        SmallRyeContextManager.restore(context);
        return context;
    }
}
