package dev.portdeck.shared.client;

import dev.portdeck.shared.model.Page;
import dev.portdeck.shared.model.Server;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The server list's pages as last read, by query, each with a digest of the body it was read from. The agent reads
 * every page again every few minutes, and a page the panel answers byte for byte as before is the same page: it is
 * not parsed again. At 2,500 servers that spares 25 pages of JSON and the model built from them, most of a
 * rediscovery's CPU (and the compiler's work that rare, large parse brings along). A body that differs in one byte
 * is read anew. Thread-safe.
 */
final class UnchangedPages {

    private record Known(byte[] digest, Page<Server> page) {
    }

    private final Map<Map<String, String>, Known> byQuery = new HashMap<>(); // guarded by this

    /** The SHA-256 of a body: 32 bytes kept instead of the body; two different bodies never share one in practice. */
    static byte[] digest(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The page read last time from the very same body for this query, or null. */
    synchronized Page<Server> same(Map<String, String> query, byte[] digest) {
        Known known = byQuery.get(query);
        return known != null && Arrays.equals(known.digest(), digest) ? known.page() : null;
    }

    synchronized void remember(Map<String, String> query, byte[] digest, Page<Server> page) {
        byQuery.put(Map.copyOf(query), new Known(digest, page));
    }
}
