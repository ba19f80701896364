package dev.portdeck.tui.dashboard.state;

import dev.portdeck.tui.history.Availability;
import dev.portdeck.tui.history.AvailabilityHistory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The allocations' history as Prometheus keeps it from the agents ({@link AvailabilityHistory}: four queries, whatever
 * the number of allocations), read at start and then every {@link #EVERY} on a thread of its own; each answer, or the
 * sentence saying why there is none, reaches the GUI thread through `ui`.
 */
public final class HistoryFeed implements AutoCloseable {

    /** Availability over a day moves slowly; a query a minute is plenty. */
    public static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");

    private final AvailabilityHistory history;
    private final Executor ui;
    private final ScheduledExecutorService clock;
    private final String where;

    /** @param where Prometheus' address as the dashboard names it (without credentials) */
    public HistoryFeed(AvailabilityHistory history, String where, Executor ui) {
        this.history = history;
        this.where = where;
        this.ui = ui;
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portdeck-history");
            t.setDaemon(true);
            return t;
        });
    }

    public String where() {
        return where;
    }

    /** Reads now and every minute: `answer` gets each answer, `unavailable` the sentence when Prometheus gave none. */
    void start(Consumer<Map<AvailabilityHistory.Key, Availability>> answer, Consumer<String> unavailable) {
        try {
            clock.scheduleWithFixedDelay(() -> read(answer, unavailable), 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.fine("dashboard closing; no history");
        }
    }

    /** `r` in the dashboard: read again now, besides the minute's read. */
    void readNow(Consumer<Map<AvailabilityHistory.Key, Availability>> answer, Consumer<String> unavailable) {
        try {
            clock.execute(() -> read(answer, unavailable));
        } catch (RejectedExecutionException closing) {
            LOG.fine("dashboard closing; no history");
        }
    }

    private void read(Consumer<Map<AvailabilityHistory.Key, Availability>> answer, Consumer<String> unavailable) {
        try {
            Map<AvailabilityHistory.Key, Availability> all = history.all();
            ui.execute(() -> answer.accept(all));
        } catch (AvailabilityHistory.HistoryUnavailable e) {
            ui.execute(() -> unavailable.accept(e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reading the history from Prometheus", e);
            ui.execute(() -> unavailable.accept("Prometheus' answer could not be read (" + e.getClass().getSimpleName()
                    + "); details are in the log file."));
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
        history.close();
    }
}
