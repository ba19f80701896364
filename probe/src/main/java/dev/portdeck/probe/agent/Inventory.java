package dev.portdeck.probe.agent;

import dev.portdeck.shared.model.Server;
import java.time.Instant;
import java.util.List;

/**
 * What one discovery found: the servers and the allocations to watch.
 *
 * @param servers     every server in scope, with its allocations
 * @param allocations every allocation of those servers, with its check
 * @param missing     --server names that matched nothing
 * @param at          when the discovery finished
 */
public record Inventory(List<Server> servers, List<WatchedAllocation> allocations, List<String> missing, Instant at) {

    public Inventory {
        servers = List.copyOf(servers);
        allocations = List.copyOf(allocations);
        missing = List.copyOf(missing);
    }

    public static Inventory empty() {
        return new Inventory(List.of(), List.of(), List.of(), Instant.EPOCH);
    }

    /** The allocations that can be probed (an allocation on 0.0.0.0 without an alias cannot). */
    public List<WatchedAllocation> probeable() {
        return allocations.stream().filter(WatchedAllocation::probeable).toList();
    }
}
