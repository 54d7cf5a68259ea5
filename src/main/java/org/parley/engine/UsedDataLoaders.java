package org.parley.engine;

import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

/**
 * The data loaders a request uses, taken from SmallRye's registry as the fields ask for them. SmallRye registers a
 * loader for every batched field of the schema in every request, and graphql-java's per-level strategy dispatches the
 * whole registry at each level of the answer: for Parley's schema that is dozens of empty loaders dispatched per
 * level of every request, a measurable share of a point query's CPU (the JFR profile is in docs/BENCHMARKS.md). This
 * registry starts empty and holds only the loaders that a field of the request has asked for, so a dispatch touches
 * those alone; the loaders themselves, their batching and their caches are SmallRye's.
 */
final class UsedDataLoaders extends DataLoaderRegistry {

    private final DataLoaderRegistry all;

    UsedDataLoaders(DataLoaderRegistry all) {
        this.all = all;
    }

    @Override
    public <K, V> DataLoader<K, V> getDataLoader(String key) {
        DataLoader<K, V> used = super.getDataLoader(key);
        if (used == null) {
            DataLoader<K, V> loader = all.getDataLoader(key);
            // two fields asking at once get the same loader: it is SmallRye's, registered under its own name
            used = loader == null ? null : computeIfAbsent(key, ignored -> loader);
        }
        return used;
    }
}
