package dev.portdeck.tui.cli.probing;

import dev.portdeck.probe.Prober;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A {@link Prober} opened on a thread of its own while `portdeck probe` reads its targets: in a cold process its
 * classes, selectors and threads take about as long as parsing and planning 10,000 targets, and the two now overlap.
 * Closing it closes the prober, waiting for it to be opened first.
 */
final class ProberOpening implements AutoCloseable {

    private final FutureTask<Prober> opening;

    private ProberOpening(Supplier<Prober> open) {
        this.opening = new FutureTask<>(open::get);
        Thread thread = new Thread(opening, "portdeck-probe-open");
        thread.setDaemon(true);
        thread.start();
    }

    static ProberOpening start(Supplier<Prober> open) {
        return new ProberOpening(open);
    }

    /** The prober, once open; what opening it threw is thrown here. */
    Prober prober() throws InterruptedException {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        boolean interrupted = false;
        while (true) {
            try {
                opening.get().close();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the prober's threads are closed all the same
            } catch (ExecutionException e) {
                break; // never opened: nothing to close
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
