package dev.portdeck.shared.model;

import java.util.List;

/** One page of a paginated list, with `meta.pagination`. */
public record Page<T>(List<T> items, int currentPage, int totalPages, int total) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return currentPage < totalPages;
    }
}
