package dev.portdeck.probe.agent;

import dev.portdeck.shared.error.PanelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which server's /resources to ask next: round robin, each server at most once per {@code every}; the panel budget
 * decides the rest. A server whose resources cannot be read is logged once, and once more when they can again.
 * Used by the panel thread only.
 */
final class ResourcesSchedule {

    private final long everyNanos;
    private final Deque<String> queue = new ArrayDeque<>();
    private final Set<String> queued = new HashSet<>(); // what the queue holds: a deque's contains() walks it all
    private final Map<String, Long> askedAt = new HashMap<>();
    private final Set<String> failing = new HashSet<>();

    ResourcesSchedule(Duration every) {
        this.everyNanos = every.toNanos();
    }

    /** The servers to poll from now on; new ones go first. */
    void servers(Collection<String> ids) {
        Set<String> keep = new HashSet<>(ids);
        queue.removeIf(id -> !keep.contains(id));
        queued.retainAll(keep);
        askedAt.keySet().retainAll(keep);
        failing.retainAll(keep);
        for (String id : ids) {
            if (queued.add(id)) {
                queue.addFirst(id);
            }
        }
    }

    /** The server to ask now, or null when none is due; the caller asks it at once. */
    String next(long now) {
        String id = queue.peekFirst();
        if (id == null || untilDue(now) > 0) {
            return null;
        }
        queue.pollFirst();
        queue.addLast(id);
        askedAt.put(id, now);
        return id;
    }

    /** Nanoseconds until the next server is due (Long.MAX_VALUE when there is none). */
    long untilDue(long now) {
        String id = queue.peekFirst();
        if (id == null) {
            return Long.MAX_VALUE;
        }
        Long last = askedAt.get(id);
        return last == null ? 0 : Math.max(0, last + everyNanos - now);
    }

    void answered(String id, AgentLog log) {
        if (failing.remove(id)) {
            log.info("server resources readable again", AgentLog.fields("server", id));
        }
    }

    void failed(String id, PanelException e, AgentLog log) {
        if (failing.add(id)) {
            log.warn("server resources unreadable; its last values stay", AgentLog.fields("server", id,
                    "reason", e.getMessage(), "status", e.httpStatus() == 0 ? null : e.httpStatus()));
        }
    }
}
