package dev.portdeck.probe.agent;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.NotFound;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.Page;
import dev.portdeck.shared.model.Server;
import dev.portdeck.shared.model.ServerRef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the allocations to watch from the panel: every page of the server list (each page one request inside the
 * budget), or only the servers named with --server (a short id or UUID costs one request; a name needs the list).
 */
final class Discovery {

    private final PanelClient client;
    private final PanelPacer pacer;
    private final List<ServerRef> only;
    private final AllocationChecks checks;
    private final Clock clock;
    /**
     * What the last discovery made of each server it read. The client hands back the very same Server for a page the
     * panel answered unchanged, so its allocations' checks need not be chosen again. Confined to the caller's thread.
     */
    private Map<Server, List<WatchedAllocation>> lastWatched = new IdentityHashMap<>();

    Discovery(PanelClient client, PanelPacer pacer, List<String> servers, AllocationChecks checks, Clock clock) {
        this.client = client;
        this.pacer = pacer;
        this.only = servers.stream().map(ServerRef::parse).toList();
        this.checks = checks;
        this.clock = clock;
    }

    /** One full discovery; a PanelException when the panel could not be read (the caller keeps what it had). */
    Inventory discover() throws InterruptedException {
        Map<String, Server> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        if (only.isEmpty() || only.stream().anyMatch(r -> r instanceof ServerRef.Name)) {
            List<Server> all = listAll();
            if (only.isEmpty()) {
                all.forEach(s -> found.put(s.identifier(), s));
            }
            for (ServerRef ref : only) {
                if (ref instanceof ServerRef.Name) {
                    List<Server> named = all.stream().filter(ref::matches).toList();
                    named.forEach(s -> found.put(s.identifier(), s));
                    if (named.isEmpty()) {
                        missing.add(ref.value());
                    }
                }
            }
        }
        for (ServerRef ref : only) {
            if (!(ref instanceof ServerRef.Name)) {
                try {
                    Server s = pacer.call(() -> checks.wantsEggs() ? client.serverWithEgg(ref.value())
                            : client.server(ref.value()));
                    found.put(s.identifier(), s);
                } catch (NotFound e) {
                    missing.add(ref.value());
                }
            }
        }
        List<WatchedAllocation> watched = new ArrayList<>();
        Map<Server, List<WatchedAllocation>> madeOf = new IdentityHashMap<>();
        for (Server s : found.values()) {
            List<WatchedAllocation> ofServer = lastWatched.get(s);
            if (ofServer == null) {
                ofServer = watch(s);
            }
            if (!s.allocations().isEmpty()) { // from the listing itself, not asked for apart
                madeOf.put(s, ofServer);
            }
            watched.addAll(ofServer);
        }
        lastWatched = madeOf;
        return new Inventory(List.copyOf(found.values()), watched, missing, clock.instant());
    }

    private List<Server> listAll() throws InterruptedException {
        List<Server> all = new ArrayList<>();
        int page = 1;
        for (int fetched = 0; fetched < MAX_PAGES; fetched++) {
            int number = page;
            Page<Server> p = pacer.call(() -> client.listServers(number, PanelClient.MAX_PER_PAGE, checks.wantsEggs()));
            all.addAll(p.items());
            if (!p.hasNext() || p.items().isEmpty()) {
                break;
            }
            page = p.currentPage() + 1;
        }
        return all;
    }

    private List<WatchedAllocation> watch(Server s) throws InterruptedException {
        List<WatchedAllocation> ofServer = new ArrayList<>();
        for (Allocation a : allocations(s)) {
            ofServer.add(WatchedAllocation.of(s, a, checks.check(s, a), checks.expectedClosed(s, a)));
        }
        return ofServer;
    }

    /** A listing may leave the relationship out; then the allocations are asked for (one more request). */
    private List<Allocation> allocations(Server s) throws InterruptedException {
        return s.allocations().isEmpty() ? pacer.call(() -> client.allocations(s.identifier())) : s.allocations();
    }

    /** 50,000 servers: a panel claiming more pages is not believed. */
    private static final int MAX_PAGES = 500;
}
