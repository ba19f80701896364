package dev.portdeck.tui.dashboard.state;

import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.error.PanelException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Work on the panel's worker threads, answers on the GUI thread; timers that fire on the GUI thread. */
final class Calls {

    private static final Logger LOG = Logger.getLogger("portdeck.dashboard");
    private final Executor io;
    private final Executor ui;
    private final ScheduledExecutorService timer;

    Calls(Executor io, Executor ui, ScheduledExecutorService timer) {
        this.io = io;
        this.ui = ui;
        this.timer = timer;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    Executor ui() {
        return ui;
    }

    /** Runs `work` on a worker; `ok` or `fail` then runs on the GUI thread. Dropped while the dashboard closes. */
    <T> void call(Supplier<T> work, Consumer<T> ok, Consumer<RuntimeException> fail) {
        try {
            io.execute(() -> {
                try {
                    T value = work.get();
                    ui.execute(() -> ok.accept(value));
                } catch (RuntimeException e) {
                    if (!(e instanceof PanelException) && !(e instanceof InvalidInput) && !(e instanceof Conflict)) {
                        LOG.log(Level.WARNING, "unexpected failure talking to the panel", e);
                    }
                    ui.execute(() -> fail.accept(e));
                }
            });
        } catch (RejectedExecutionException closing) {
            LOG.fine("dashboard closing; call dropped");
        }
    }

    /** Runs `task` on the GUI thread after `delay`; null while the dashboard closes. */
    ScheduledFuture<?> later(Duration delay, Runnable task) {
        try {
            return timer.schedule(() -> ui.execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            return null;
        }
    }
}
