package dev.portdeck.shared.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void anAllocationOnOneAddressIsProbedThere() {
        Allocation a = new Allocation(1, "127.0.0.2", "game.portdeck.test", 25565, null, true);
        assertFalse(a.bindsEveryAddress());
        assertEquals("127.0.0.2", a.probeHost());
    }

    @Test
    void anAllocationOnEveryAddressIsProbedAtItsAliasWithoutStraySpaces() {
        for (String wildcard : new String[] {"0.0.0.0", "::", "[::]"}) {
            Allocation a = new Allocation(1, wildcard, "  game.portdeck.test ", 25565, null, false);
            assertTrue(a.bindsEveryAddress(), wildcard);
            assertEquals("game.portdeck.test", a.probeHost(), wildcard);
        }
    }

    @Test
    void anAllocationOnEveryAddressWithoutAnAliasHasNothingToProbe() {
        assertNull(new Allocation(1, "0.0.0.0", null, 25565, null, false).probeHost());
        assertNull(new Allocation(1, "::", " ", 25565, null, false).probeHost());
    }
}
