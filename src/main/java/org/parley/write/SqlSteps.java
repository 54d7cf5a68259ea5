package org.parley.write;

import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Runs native SQL steps one after another in the current transaction, each given the named parameters it mentions.
 * Merges are written this way: a list of set-based statements reads as the order of what moves where.
 */
public final class SqlSteps {

    private SqlSteps() {
    }

    public static Uni<Void> run(List<String> steps, Map<String, Long> parameters) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String step : steps) {
            chain = chain.chain(() -> Panache.getSession()).chain(session -> {
                var query = session.createNativeQuery(step);
                parameters.forEach((name, value) -> {
                    if (step.contains(":" + name)) {
                        query.setParameter(name, value);
                    }
                });
                return query.executeUpdate();
            }).replaceWithVoid();
        }
        return chain;
    }
}
