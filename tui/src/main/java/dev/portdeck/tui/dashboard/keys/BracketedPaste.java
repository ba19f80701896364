package dev.portdeck.tui.dashboard.keys;

import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyDecodingProfile;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Pastes as one event. Terminals that were asked ({@link #ENABLE}) wrap a paste in `ESC[200~ … ESC[201~`; Lanterna
 * 3.1.5 knows nothing of it and would decode the paste as keys (Alt-[, then every character as a command). This sits
 * on the terminal's input stream: it holds a paste back until its end has arrived, however many reads that takes, and
 * passes on only a short marker, which {@link #profile()} turns into one {@link PastedText} key.
 */
public final class BracketedPaste extends FilterInputStream {

    /** Ask the terminal to bracket pastes; {@link #DISABLE} before giving the terminal back. */
    public static final String ENABLE = "\u001b[?2004h";
    public static final String DISABLE = "\u001b[?2004l";
    /** Larger pastes are refused whole: no field of the dashboard holds more. */
    static final int MAX_PASTE_BYTES = 64 * 1024;
    private static final byte[] START = "\u001b[200~".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\u001b[201~".getBytes(StandardCharsets.US_ASCII);
    /** What Lanterna sees in place of a paste: an empty bracketed paste, which nothing else sends. */
    static final String MARKER = "\u001b[200~\u001b[201~";

    private final Queue<PastedText> pastes = new ConcurrentLinkedQueue<>();
    private final ByteArrayOutputStream paste = new ByteArrayOutputStream();
    private byte[] ready = new byte[0];
    private int readyAt;
    private int matched; // bytes of START seen so far, outside a paste
    private boolean inPaste;
    private boolean tooLarge;
    private boolean eof;

    public BracketedPaste(InputStream terminal) {
        super(terminal);
    }

    /** The key decoding for Lanterna's input decoder: the marker becomes the paste it stands for. */
    public KeyDecodingProfile profile() {
        return () -> List.of(new Marker(pastes));
    }

    @Override
    public synchronized int available() throws IOException {
        pump(false);
        return ready.length - readyAt;
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (ready.length - readyAt == 0) {
            if (eof) {
                return -1;
            }
            pump(true);
        }
        int n = Math.min(len, ready.length - readyAt);
        System.arraycopy(ready, readyAt, b, off, n);
        readyAt += n;
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads what the terminal sent (waiting for at least one byte when `block`) and sorts it: keys or paste. */
    private void pump(boolean block) throws IOException {
        int available = in.available();
        if (available <= 0 && !block) {
            return;
        }
        byte[] chunk = new byte[Math.max(1, Math.min(available, 8192))];
        int n = in.read(chunk, 0, chunk.length);
        if (n < 0) {
            eof = true;
            release(Arrays.copyOf(START, matched)); // a lone Esc at the very end is still a key
            matched = 0;
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 16);
        for (int i = 0; i < n; i++) {
            sort(chunk[i], out);
        }
        if (!inPaste && matched > 0 && in.available() <= 0) {
            out.write(START, 0, matched); // an Esc (or Alt-[) with nothing behind it is a key, not a paste's start
            matched = 0;
        }
        release(out.toByteArray());
    }

    private void sort(byte b, ByteArrayOutputStream out) {
        if (inPaste) {
            collect(b, out);
            return;
        }
        if (b == START[matched]) {
            matched++;
            if (matched == START.length) {
                matched = 0;
                inPaste = true;
                tooLarge = false;
                paste.reset();
            }
            return;
        }
        out.write(START, 0, matched);
        matched = 0;
        if (b == START[0]) {
            matched = 1;
        } else {
            out.write(b);
        }
    }

    private void collect(byte b, ByteArrayOutputStream out) {
        if (paste.size() < MAX_PASTE_BYTES + END.length) {
            paste.write(b);
        } else {
            tooLarge = true;
            byte[] keep = Arrays.copyOfRange(paste.toByteArray(), paste.size() - END.length + 1, paste.size());
            paste.reset();
            paste.write(keep, 0, keep.length); // only the tail matters now: where the end marker may begin
            paste.write(b);
        }
        byte[] bytes = paste.toByteArray();
        int size = bytes.length;
        if (size >= END.length && Arrays.equals(bytes, size - END.length, size, END, 0, END.length)) {
            inPaste = false;
            String text = new String(bytes, 0, size - END.length, StandardCharsets.UTF_8);
            pastes.add(tooLarge ? PastedText.tooLarge() : new PastedText(text));
            out.writeBytes(MARKER.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void release(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(ready, readyAt, ready.length);
        ready = new byte[rest.length + bytes.length];
        System.arraycopy(rest, 0, ready, 0, rest.length);
        System.arraycopy(bytes, 0, ready, rest.length, bytes.length);
        readyAt = 0;
    }

    /** Recognises the marker; each one takes the next paste from the queue. */
    private static final class Marker implements CharacterPattern {
        private final Queue<PastedText> pastes;

        Marker(Queue<PastedText> pastes) {
            this.pastes = pastes;
        }

        @Override
        public Matching match(List<Character> seq) {
            int n = seq.size();
            if (n > MARKER.length()) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                if (seq.get(i) != MARKER.charAt(i)) {
                    return null;
                }
            }
            if (n < MARKER.length()) {
                return Matching.NOT_YET;
            }
            PastedText next = pastes.poll();
            return new Matching(next == null ? new PastedText("") : next);
        }
    }
}
