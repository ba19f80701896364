package dev.portdeck.shared.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllocationTest {

    @Test
    void anAllocationOnOneAddressIsProbedThere() {
        Allocation a = new Allocation(1, "127.0.0.2", "game.portdeck.test", 25565, null, true);
        assertFalse(a.bindsEveryAddress());
        assertEquals("127.0.0.2", a.probeHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "[::]", "0", "00.0.0.0", "0.0", "::0", "0:0:0:0:0:0:0:0",
        "::ffff:0.0.0.0", "[0:0::0]"})
    void everySpellingOfEveryAddressIsProbedAtTheAliasNotOnThisMachine(String wildcard) {
        Allocation a = new Allocation(1, wildcard, "  game.portdeck.test ", 25565, null, false);
        assertTrue(a.bindsEveryAddress(), wildcard);
        assertEquals("game.portdeck.test", a.probeHost(), wildcard);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.0", "0.0.0.1", "::1", "::ffff:127.0.0.1", "fe80::", "host0"})
    void realAddressesAreNotMistakenForEveryAddress(String ip) {
        assertFalse(new Allocation(1, ip, null, 25565, null, false).bindsEveryAddress(), ip);
    }

    @Test
    void anAllocationOnEveryAddressWithoutAnAliasHasNothingToProbe() {
        assertNull(new Allocation(1, "0.0.0.0", null, 25565, null, false).probeHost());
        assertNull(new Allocation(1, "::", " ", 25565, null, false).probeHost());
    }

    @Test
    void anIpv6AddressIsBracketedOnceWhetherOrNotThePanelBracketedIt() {
        assertEquals("[::]:25565", new Allocation(1, "[::]", null, 25565, null, false).address());
        assertEquals("[::1]:25565", new Allocation(1, "::1", null, 25565, null, false).address());
        assertEquals("127.0.0.1:80", new Allocation(1, "127.0.0.1", null, 80, null, false).address());
    }
}
