package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.dataloader.BatchLoader;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

/** Only the loaders a request asked for are in its registry, so only they are dispatched. */
class UsedDataLoadersTest {

    private final ConcurrentHashMap<String, AtomicInteger> batches = new ConcurrentHashMap<>();

    private DataLoader<Integer, String> loader(String name) {
        BatchLoader<Integer, String> batch = keys -> {
            batches.computeIfAbsent(name, ignored -> new AtomicInteger()).incrementAndGet();
            return CompletableFuture.completedFuture(keys.stream().map(key -> name + key).toList());
        };
        return DataLoaderFactory.newDataLoader(batch);
    }

    @Test
    void holdsAndDispatchesOnlyTheLoadersAskedFor() {
        DataLoaderRegistry all = new DataLoaderRegistry();
        for (String name : List.of("Actor_encounters", "Actor_roles", "Encounter_participants")) {
            all.register(name, loader(name));
        }
        UsedDataLoaders used = new UsedDataLoaders(all);
        assertEquals(Set.of(), used.getKeys(), "nothing before a field asks");

        DataLoader<Integer, String> roles = used.getDataLoader("Actor_roles");
        assertSame(all.getDataLoader("Actor_roles"), roles, "SmallRye's loader itself, with its batching and cache");
        assertSame(roles, used.getDataLoader("Actor_roles"), "asked again: the same one");
        CompletableFuture<String> first = roles.load(1);
        CompletableFuture<String> second = roles.load(2);
        assertNull(used.getDataLoader("Actor_unknown"));

        assertEquals(Set.of("Actor_roles"), used.getKeys());
        assertEquals(2, used.dispatchAllWithCount(), "both keys in one batch");
        assertEquals("Actor_roles1", first.join());
        assertEquals("Actor_roles2", second.join());
        assertEquals(Set.of("Actor_roles"), batches.keySet(), "the other loaders were not dispatched");
        assertEquals(1, batches.get("Actor_roles").get());
    }
}
