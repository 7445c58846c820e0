package org.broadsheet.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, numbered from 1 as the URLs are.
 */
public record PagedResult<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public <R> PagedResult<R> map(Function<T, R> mapper) {
        return new PagedResult<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
