package dev.portdeck.tui.dashboard.state;

import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.error.NotTheApi;
import dev.portdeck.shared.error.PanelException;
import dev.portdeck.shared.error.RefusalReason;
import dev.portdeck.shared.error.Refused;
import dev.portdeck.shared.error.Unreachable;
import dev.portdeck.shared.model.Allocation;
import dev.portdeck.shared.model.AssignRequest;
import dev.portdeck.shared.model.PowerSignal;
import dev.portdeck.shared.model.PowerState;
import dev.portdeck.shared.model.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The four changes (add, notes, primary, remove) and the power signals the dashboard sends for them. Each is tracked
 * while in flight (quitting waits for it); when the panel's answer is lost (timeout, proxy error) the server is read
 * back to say whether the change was applied, instead of guessing.
 */
public final class Changes {

    private static final int STOP_RETRIES = 30;

    /** A change that went through; `late` explains when that was learnt by reading the panel back, else null. */
    public record Applied(Allocation allocation, String late) {
    }

    /** The answer was lost and reading back did not show the change: the sentence says what is known. */
    public static final class InDoubt extends RuntimeException {
        InDoubt(String sentence, Throwable cause) {
            super(sentence, cause);
        }
    }

    /** A change sent to the panel that has no answer yet. */
    public record Pending(String what, String serverName, String serverId) {
        /** E.g. "the notes of #1 on Survival SMP (57a6d8ea)". */
        @Override
        public String toString() {
            return what + " on " + serverName + " (" + serverId + ")";
        }
    }

    private enum Verdict { APPLIED, NOT_APPLIED, UNKNOWN }

    private final Deck deck;
    private final PanelClient client;
    private final Calls calls;
    private final Map<Long, Pending> inFlight = new LinkedHashMap<>();
    private long nextToken;

    Changes(Deck deck, PanelClient client, Calls calls) {
        this.deck = deck;
        this.client = client;
        this.calls = calls;
    }

    /** What is being changed right now (read from any thread: quitting asks). */
    public synchronized List<Pending> inFlight() {
        return new ArrayList<>(inFlight.values());
    }

    /** Whether a change on `server` still waits for the panel's answer. */
    public synchronized boolean busy(String server) {
        return inFlight.values().stream().anyMatch(p -> p.serverId().equals(server));
    }

    private long begin(Server server, String what) {
        long token;
        synchronized (this) {
            token = nextToken++;
            inFlight.put(token, new Pending(what, server.name(), server.identifier()));
        }
        deck.changed();
        return token;
    }

    private synchronized void end(long token) {
        inFlight.remove(token);
    }

    public void assign(Server server, AssignRequest request, Consumer<Applied> ok, Consumer<RuntimeException> fail) {
        Set<Long> before = server.allocations().stream().map(Allocation::id).collect(Collectors.toSet());
        change(server, "a new allocation", false, () -> client.assign(server.identifier(), request), fresh -> {
            List<Allocation> added = fresh.allocations().stream().filter(a -> !before.contains(a.id())).toList();
            return added.isEmpty() ? Verdict.NOT_APPLIED : added.size() == 1 ? Verdict.APPLIED : Verdict.UNKNOWN;
        }, fresh -> fresh.allocations().stream().filter(a -> !before.contains(a.id())).findFirst().orElse(null),
                ok, fail);
    }

    public void setPrimary(Server server, Allocation a, boolean stopFirst, Consumer<Applied> ok,
            Consumer<RuntimeException> fail) {
        Allocation old = server.primaryAllocation();
        change(server, "the primary (#" + a.id() + ")", stopFirst, () -> client.setPrimary(server.identifier(), a.id()),
                fresh -> {
                    Allocation now = find(fresh, a.id());
                    Allocation was = old == null ? null : find(fresh, old.id());
                    return now != null && now.primary() ? Verdict.APPLIED
                            : was != null && was.primary() ? Verdict.NOT_APPLIED : Verdict.UNKNOWN;
                }, fresh -> find(fresh, a.id()), ok, fail);
    }

    /**
     * Saves `text` as the notes of `a`, unless the panel's notes are no longer `base` (what the editor started from):
     * then nothing is sent and `fail` gets a {@link Conflict} carrying the panel's text. `force` skips that check.
     */
    public void setNotes(Server server, Allocation a, String base, String text, boolean force, Consumer<Applied> ok,
            Consumer<RuntimeException> fail) {
        String id = server.identifier();
        change(server, "the notes of #" + a.id(), false, () -> {
            if (!force) {
                Allocation now = client.allocations(id).stream().filter(x -> x.id() == a.id()).findFirst()
                        .orElseThrow(() -> new Conflict(null));
                if (!same(now.notes(), base)) {
                    throw new Conflict(now.notes() == null ? "" : now.notes());
                }
            }
            return client.setNotes(id, a.id(), text);
        }, fresh -> {
            Allocation now = find(fresh, a.id());
            return now == null ? Verdict.UNKNOWN : same(now.notes(), text) ? Verdict.APPLIED
                    : same(now.notes(), base) ? Verdict.NOT_APPLIED : Verdict.UNKNOWN;
        }, fresh -> find(fresh, a.id()), ok, fail);
    }

    public void remove(Server server, Allocation a, boolean stopFirst, Consumer<Applied> ok,
            Consumer<RuntimeException> fail) {
        change(server, "removing #" + a.id(), stopFirst, () -> {
            client.remove(server.identifier(), a.id());
            return a;
        }, fresh -> find(fresh, a.id()) == null ? Verdict.APPLIED : Verdict.NOT_APPLIED, fresh -> a, ok, fail);
    }

    /** Sends START (after a stop the dashboard asked for); `ok` runs when the panel took the signal. */
    public void startServer(Server server, Runnable ok, Consumer<RuntimeException> fail) {
        long token = begin(server, "starting the server");
        calls.call(() -> {
            client.power(server.identifier(), PowerSignal.START);
            return Boolean.TRUE;
        }, v -> {
            end(token);
            deck.expectPower(server.identifier(), PowerState.STARTING);
            ok.run();
        }, e -> {
            end(token);
            fail.accept(e);
        });
    }

    /** Notes as the panels store them: trimmed, and blank is none. */
    static boolean same(String a, String b) {
        return (a == null ? "" : a.strip()).equals(b == null ? "" : b.strip());
    }

    private static Allocation find(Server s, long id) {
        return s.allocations().stream().filter(a -> a.id() == id).findFirst().orElse(null);
    }

    /** Runs `action` (first stopping the server when asked), then reads the server again and runs `ok`. */
    private void change(Server server, String what, boolean stopFirst, Supplier<Allocation> action,
            Function<Server, Verdict> verify, Function<Server, Allocation> result, Consumer<Applied> ok,
            Consumer<RuntimeException> fail) {
        String id = server.identifier();
        long token = begin(server, what);
        Supplier<Allocation> work = stopFirst ? () -> stopThen(id, action) : action;
        calls.call(work, value -> {
            if (stopFirst) {
                deck.expectPower(id, PowerState.OFFLINE); // the panel took the change: the server has stopped
            }
            deck.refresh(id, () -> {
                end(token);
                ok.accept(new Applied(value, null));
            }, e -> {
                end(token); // done, even if the fresh copy did not come: the next reload brings it
                ok.accept(new Applied(value, null));
            });
        }, e -> {
            if (answerLost(e)) {
                readBack(server, token, e, verify, result, ok, fail);
            } else {
                end(token);
                fail.accept(e);
            }
        });
    }

    /** A timeout or a proxy's error page: the change may have been applied even though no answer came. */
    private static boolean answerLost(RuntimeException e) {
        return e instanceof Unreachable || e instanceof NotTheApi
                || (e instanceof PanelException p && p.httpStatus() >= 500);
    }

    private void readBack(Server server, long token, RuntimeException lost, Function<Server, Verdict> verify,
            Function<Server, Allocation> result, Consumer<Applied> ok, Consumer<RuntimeException> fail) {
        String said = Deck.sentence(lost);
        calls.call(() -> client.serverWithEgg(server.identifier()), fresh -> {
            end(token);
            deck.replace(fresh);
            switch (verify.apply(fresh)) {
                case APPLIED -> ok.accept(new Applied(result.apply(fresh), "the panel's answer was lost (" + said
                        + "), but reading it back shows the change was applied"));
                case NOT_APPLIED -> fail.accept(new InDoubt("Not applied: " + said + " Reading it back shows the "
                        + "panel does not have the change; try again (r looks once more first).", lost));
                case UNKNOWN -> fail.accept(new InDoubt(said + " Reading it back shows something else changed "
                        + "meanwhile; look before trying again.", lost));
            }
        }, again -> {
            end(token);
            fail.accept(new InDoubt(said + " It may or may not have been applied: reading it back failed too ("
                    + Deck.sentence(again) + "). Press r to look before trying again.", lost));
        });
    }

    /** Sends STOP, then retries while the panel still says the server must be stopped (bounded: ~30 s). */
    private <T> T stopThen(String server, Supplier<T> action) {
        client.power(server, PowerSignal.STOP);
        calls.ui().execute(() -> deck.expectPower(server, PowerState.STOPPING));
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (Refused r) {
                if (r.reason() != RefusalReason.SERVER_MUST_BE_STOPPED || attempt >= STOP_RETRIES) {
                    throw r;
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server to stop", e);
        }
    }
}
