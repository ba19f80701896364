package dev.portdeck.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portdeck.shared.error.InvalidInput;
import java.net.URI;
import org.junit.jupiter.api.Test;

class PanelAddressTest {

    @Test
    void pastedApiSuffixesAndSlashesAreDropped() {
        assertEquals(URI.create("https://p.example.com"), PanelAddress.parse("https://p.example.com/api/client/", false));
        assertEquals(URI.create("https://p.example.com/panel"), PanelAddress.parse("https://p.example.com/panel/api", false));
        assertEquals(URI.create("https://p.example.com:8443"), PanelAddress.parse(" https://p.example.com:8443 ", false));
    }

    @Test
    void somethingThatIsNotAPanelUrlIsRefused() {
        assertThrows(InvalidInput.class, () -> PanelAddress.parse("panel.example.com", false));
        assertThrows(InvalidInput.class, () -> PanelAddress.parse("ftp://panel.example.com", false));
        assertThrows(InvalidInput.class, () -> PanelAddress.parse("https://user:pw@panel.example.com", false));
    }

    @Test
    void aPortOutsideTheRangeIsAUsageErrorNotACrash() {
        for (String bad : new String[] {"http://127.0.0.1:99999", "http://127.0.0.1:0"}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> PanelAddress.parse(bad, false), bad);
            assertTrue(e.getMessage().contains("is not a port number (1-65535)"), e.getMessage());
        }
    }

    @Test
    void aPasswordInAnUnusableUrlIsNotRepeatedInTheError() {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> PanelAddress.parse("https://admin:hunter2@panel example.com", false));
        assertFalse(invalid.getMessage().contains("hunter2"), invalid.getMessage());
        InvalidInput unusable = assertThrows(InvalidInput.class,
                () -> PanelAddress.parse("ftp://admin:hunter2@panel.example.com", false));
        assertFalse(unusable.getMessage().contains("hunter2"), unusable.getMessage());
        assertTrue(unusable.getMessage().contains("panel.example.com"), unusable.getMessage());
    }

    @Test
    void loopbackIsRecognisedWithoutDns() {
        assertTrue(IpLiteral.isLoopbackHost("127.4.5.6"));
        assertTrue(IpLiteral.isLoopbackHost("[::1]"));
        assertTrue(IpLiteral.isLoopbackHost("LOCALHOST"));
        assertFalse(IpLiteral.isLoopbackHost("127.example.com"));
        assertFalse(IpLiteral.isLoopbackHost("128.0.0.1"));
    }

    @Test
    void onlyLiteralsCountAsIpAddresses() {
        assertTrue(IpLiteral.isLiteral("45.86.168.218"));
        assertTrue(IpLiteral.isLiteral("2001:db8::1"));
        assertFalse(IpLiteral.isLiteral("256.1.1.1"));
        assertFalse(IpLiteral.isLiteral("1.2.3"));
        assertFalse(IpLiteral.isLiteral("example.com"));
        assertFalse(IpLiteral.isLiteral("2001:db8::zz"));
    }
}
