package dev.portdeck.probe.choice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.probe.Check;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config file's `checks.*` entries and the expected-closed lists, as a user writes them. */
class OverridesAndExpectationsTest {

    @Test
    void aCheckIsFoundByServerIdOrByHost() {
        CheckOverrides o = CheckOverrides.parse(Map.of("1A7CE997.8123", "HTTP", "127.0.0.2.25575", "tcp",
                "[::1].25565", "minecraft"));
        assertEquals(new CheckChoice(Check.HTTP, "checks.1a7ce997.8123 in the config file"),
                o.find("1a7ce997", List.of("127.0.0.2"), 8123));
        assertEquals(Check.TCP, o.find("ffff0000", List.of("fra1.example", "127.0.0.2"), 25575).check());
        assertEquals(Check.MINECRAFT, o.find(null, List.of("::1"), 25565).check());
        assertNull(o.find("1a7ce997", List.of("127.0.0.2"), 8124));
    }

    @Test
    void aBadEntryIsRefusedNamingItsKey() {
        IllegalArgumentException noCheck = assertThrows(IllegalArgumentException.class,
                () -> CheckOverrides.parse(Map.of("1a7ce997.8123", "ping")));
        assertTrue(noCheck.getMessage().contains("checks.1a7ce997.8123 = \"ping\" is no check; use one of tcp, udp,"),
                noCheck.getMessage());
        IllegalArgumentException noPort = assertThrows(IllegalArgumentException.class,
                () -> CheckOverrides.parse(Map.of("1a7ce997", "tcp")));
        assertTrue(noPort.getMessage().contains("checks.SERVER-ID-OR-HOST.PORT"), noPort.getMessage());
    }

    @Test
    void expectedClosedPortsMatchAnyHostOrOneQualifier() {
        ExpectedClosed e = ExpectedClosed.parse("25575, 127.0.0.3:27020").plus(ExpectedClosed.parse("1a7ce997:8123"));
        assertTrue(e.covers(null, List.of("10.0.0.1"), 25575));
        assertTrue(e.covers(null, List.of("127.0.0.3"), 27020));
        assertFalse(e.covers(null, List.of("127.0.0.2"), 27020));
        assertTrue(e.covers("1A7CE997", List.of(), 8123));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ExpectedClosed.parse("rcon"));
        assertTrue(bad.getMessage().contains("\"rcon\""), bad.getMessage());
    }
}
