package dev.portdeck.tui.dashboard.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Queue;

/**
 * The terminal's input, read on a thread of its own ({@link #start}) and handed on from a buffer, so that the GUI thread
 * can sleep until a key comes ({@link #onInput}) instead of asking the terminal twenty times a second. Reads block
 * until bytes, the end of input or a read error arrive; {@link #available} counts what is buffered.
 */
public final class WakingInput extends InputStream {

    private final InputStream in;
    private final Queue<byte[]> chunks = new ArrayDeque<>();
    private volatile Runnable onInput = () -> { };
    private int at; // in the first chunk
    private int buffered;
    private boolean eof;
    private IOException failure;

    public WakingInput(InputStream in) {
        this.in = in;
    }

    /** Starts reading (a daemon thread: a read of the terminal cannot be interrupted, the process may end in it). */
    public WakingInput start() {
        Thread reader = new Thread(this::pump, "portdeck-keys");
        reader.setDaemon(true);
        reader.start();
        return this;
    }

    /** `wake` runs (on the reading thread) whenever bytes, the end of input or an error arrive. */
    public void onInput(Runnable wake) {
        this.onInput = wake;
    }

    private void pump() {
        byte[] b = new byte[4096];
        boolean more = true;
        while (more) {
            int n;
            try {
                n = in.read(b);
            } catch (IOException e) {
                n = -1;
                synchronized (this) {
                    failure = e;
                }
            }
            synchronized (this) {
                if (n < 0) {
                    eof = true;
                    more = false;
                } else if (n > 0) {
                    chunks.add(Arrays.copyOf(b, n));
                    buffered += n;
                }
                notifyAll();
            }
            onInput.run();
        }
    }

    @Override
    public synchronized int available() {
        return buffered;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!awaitBytes()) {
            return -1;
        }
        int b = chunks.peek()[at] & 0xFF;
        taken(1);
        return b;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len && (n > 0 ? buffered > 0 : awaitBytes())) {
            byte[] first = chunks.peek();
            int take = Math.min(len - n, first.length - at);
            System.arraycopy(first, at, b, off + n, take);
            taken(take);
            n += take;
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    /** Waits for buffered bytes: false at the end of input, the read error when there was one. */
    private boolean awaitBytes() throws IOException {
        while (buffered == 0) {
            if (failure != null) {
                throw failure;
            }
            if (eof) {
                return false;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the terminal");
            }
        }
        return true;
    }

    /** `n` bytes of the first chunk have been handed on. */
    private void taken(int n) {
        at += n;
        buffered -= n;
        if (at == chunks.peek().length) {
            chunks.remove();
            at = 0;
        }
    }
}
