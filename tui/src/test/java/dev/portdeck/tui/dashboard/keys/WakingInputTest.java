package dev.portdeck.tui.dashboard.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The terminal's bytes pass through unchanged, and whoever sleeps until a key is woken when one comes. */
class WakingInputTest {

    @Test
    void bytesPassThroughInOrderAndEachArrivalWakes() throws Exception {
        PipedOutputStream terminal = new PipedOutputStream();
        WakingInput input = new WakingInput(new PipedInputStream(terminal));
        Semaphore woken = new Semaphore(0);
        input.onInput(woken::release);
        input.start();
        assertEquals(0, input.available(), "nothing typed yet");

        terminal.write("j".getBytes(StandardCharsets.US_ASCII));
        terminal.flush();
        assertTrue(woken.tryAcquire(10, TimeUnit.SECONDS), "a key wakes the sleeper");
        assertEquals(1, input.available());
        assertEquals('j', input.read());

        terminal.write("\u001b[A?".getBytes(StandardCharsets.US_ASCII));
        terminal.flush();
        assertTrue(woken.tryAcquire(10, TimeUnit.SECONDS));
        byte[] two = new byte[2];
        assertEquals(2, input.read(two, 0, 2));
        assertArrayEquals(new byte[] {0x1b, '['}, two);
        byte[] rest = input.readNBytes(2);
        assertEquals("A?", new String(rest, StandardCharsets.US_ASCII));

        terminal.close();
        assertTrue(woken.tryAcquire(10, TimeUnit.SECONDS), "the end of input wakes too");
        assertEquals(-1, input.read(), "then reads say end of input");
    }

    @Test
    void aReadErrorReachesTheReader() throws Exception {
        WakingInput input = new WakingInput(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("terminal gone");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("terminal gone");
            }
        }).start();
        IOException e = assertThrows(IOException.class, input::read);
        assertEquals("terminal gone", e.getMessage());
    }
}
