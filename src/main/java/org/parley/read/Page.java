package org.parley.read;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One page of an ordered list, from which the typed connections build edges, nodes and page info. The list's total
 * is not part of the page: {@code count} counts it for {@code parentKey} when a client asks.
 */
public record Page<T>(List<T> items, int offset, boolean hasNextPage, ListCount count, long parentKey) {

    /** The page of a parent that does not exist. */
    public static <T> Page<T> empty(PageRequest request) {
        return new Page<>(List.of(), request.offset(), false, ListCount.NONE, 0L);
    }

    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        List<E> edges = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            edges.add(edge.apply(PageRequest.cursor(offset + i), items.get(i)));
        }
        return edges;
    }

    public PageInfo pageInfo() {
        PageInfo info = new PageInfo();
        info.hasNextPage = hasNextPage;
        info.hasPreviousPage = offset > 0;
        if (!items.isEmpty()) {
            info.startCursor = PageRequest.cursor(offset);
            info.endCursor = PageRequest.cursor(offset + items.size() - 1);
        }
        return info;
    }
}
