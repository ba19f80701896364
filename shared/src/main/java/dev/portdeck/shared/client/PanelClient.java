package dev.portdeck.shared.client;

import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.model.Page;
import dev.portdeck.shared.model.PowerSignal;
import dev.portdeck.shared.model.Resources;
import dev.portdeck.shared.model.Server;
import java.net.URI;
import java.util.List;

/**
 * The panel's client API, one method per endpoint. Synchronous and thread-safe: call it from worker threads, never
 * from a UI thread. Every failure is a {@link dev.portdeck.shared.error.PanelException} (or
 * {@link dev.portdeck.shared.error.InvalidInput} when the input was refused before sending).
 * `server` arguments are a short id or a UUID; use {@link #resolve(String)} for what a user typed.
 */
public final class PanelClient implements AutoCloseable {

    private final PanelConfig config;

    public PanelClient(PanelConfig config) {
        this.config = config;
    }

    public URI panelUrl() {
        return config.url();
    }

    /** `GET /api/client`, every page. */
    public List<Server> listServers() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** `GET /api/client?page=N&per_page=M`. */
    public Page<Server> listServers(int page, int perPage) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** `GET /api/client/servers/{server}` with its allocations and the key's permissions. */
    public Server server(String server) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A short id, a UUID or an unambiguous (case-insensitive) name to the server; NotFound names what was tried. */
    public Server resolve(String userInput) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** `GET /api/client/servers/{server}/resources`. */
    public Resources resources(String server) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** `POST /api/client/servers/{server}/power`. */
    public void power(String server, PowerSignal signal) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** `GET /api/client/servers/{server}/network/allocations`. */
    public List<Allocation> allocations(String server) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * `POST /api/client/servers/{server}/network/allocations`. Returns what the panel assigned, which on real panels may
     * differ from what was asked ({@link AssignRequest#isSatisfiedBy(Allocation)} tells).
     */
    public Allocation assign(String server, AssignRequest request) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** `POST /api/client/servers/{server}/network/allocations/{id}/primary`. */
    public Allocation setPrimary(String server, long allocationId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** `POST /api/client/servers/{server}/network/allocations/{id}` with `{"notes": ...}`; null clears. */
    public Allocation setNotes(String server, long allocationId, String notes) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** `DELETE /api/client/servers/{server}/network/allocations/{id}`. */
    public void remove(String server, long allocationId) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
    }
}
