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
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (buffered == 0) {
            if (failure != null) {
                throw failure;
            }
            if (eof) {
                return -1;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the terminal");
            }
        }
        int n = 0;
        while (n < len && buffered > 0) {
            byte[] first = chunks.peek();
            int take = Math.min(len - n, first.length - at);
            System.arraycopy(first, at, b, off + n, take);
            n += take;
            at += take;
            buffered -= take;
            if (at == first.length) {
                chunks.remove();
                at = 0;
            }
        }
        return n;
    }
}
