package dev.portdeck.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portdeck.shared.sim.Flavor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** `c` asks the terminal to copy with OSC 52: the exact bytes, so it works over SSH and in tmux. */
class ClipboardTest {

    @Test
    void theEscapeSequenceIsExactlyOsc52WithBase64AndBel() {
        assertArrayEquals("\u001b]52;c;MTI3LjAuMC4yOjI1NTY1\u0007".getBytes(StandardCharsets.US_ASCII),
                Clipboard.osc52("127.0.0.2:25565"));
    }

    @Test
    void cCopiesTheSelectedAllocationsAddressAndSaysSo() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.open("Survival SMP");
            String rcon = h.address("Survival SMP", 2);
            h.press('j');
            h.await("#2 " + rcon);
            h.press('c');
            h.await("Copied " + rcon + " to the clipboard");
            String expected = "\u001b]52;c;" + Base64.getEncoder().encodeToString(rcon.getBytes(StandardCharsets.UTF_8))
                    + "\u0007";
            assertEquals(expected, h.raw.toString(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void onTheServersViewItCopiesTheServersId() throws Exception {
        try (DeckHarness h = DeckHarness.start(Flavor.DOCUMENTED)) {
            h.await("Creative Build");
            String id = h.sim.serverId("Creative Build");
            h.press('c');
            h.await("Copied " + id);
            assertEquals("\u001b]52;c;" + Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8))
                    + "\u0007", h.raw.toString(StandardCharsets.US_ASCII));
        }
    }
}
