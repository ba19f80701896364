package dev.portdeck.probe;

import dev.portdeck.probe.check.Conversation;
import java.util.concurrent.CompletableFuture;

/**
 * What some checks need loaded before their first exchange (the JSON parser for Minecraft and FiveM replies, 60 to
 * 250 ms in a cold process; the SSL context for https, tens of milliseconds), prepared once per process on a daemon
 * thread of its own. Neither the caller submitting a sweep nor a selector thread waits for it: those checks start
 * when it is ready, every other target at once.
 */
final class CheckPreparation {

    private static final CompletableFuture<Void> NOTHING = CompletableFuture.completedFuture(null);

    private CheckPreparation() {
    }

    /** Completes (normally or not) once {@code check} can run without loading anything on a selector thread. */
    static CompletableFuture<Void> readyFor(Check check) {
        if (check == Check.HTTPS) {
            return Tls.READY;
        }
        return Conversation.readsJson(check) ? Json.READY : NOTHING;
    }

    private static CompletableFuture<Void> onDaemon(String name, Runnable work) {
        return CompletableFuture.runAsync(work, task -> Prober.daemon(task, name).start());
    }

    /** Holders: each starts its thread on first use only. */
    private static final class Json {
        static final CompletableFuture<Void> READY = onDaemon("portdeck-probe-json-warm-up", Conversation::prepareJson);
    }

    private static final class Tls {
        static final CompletableFuture<Void> READY = onDaemon("portdeck-probe-tls-warm-up", TlsLayer::prepare);
    }
}
