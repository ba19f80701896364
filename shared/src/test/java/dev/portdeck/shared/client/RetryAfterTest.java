package dev.portdeck.shared.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void secondsAreReadAsSeconds() {
        assertEquals(Duration.ofSeconds(7), Transport.retryAfter("7"));
        assertEquals(Duration.ZERO, Transport.retryAfter("0"));
    }

    @Test
    void anHttpDateIsTheTimeUntilThen() {
        String inThirty = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        Duration d = Transport.retryAfter(inThirty);
        assertTrue(d.compareTo(Duration.ofSeconds(25)) > 0 && d.compareTo(Duration.ofSeconds(31)) <= 0, d.toString());
    }

    @Test
    void aMissingOrUnreadableHeaderMeansOneSecond() {
        assertEquals(Duration.ofSeconds(1), Transport.retryAfter(null));
        assertEquals(Duration.ofSeconds(1), Transport.retryAfter("soon"));
    }

    @Test
    void anAbsurdWaitIsCappedAtACenturyInsteadOfOverflowing() {
        assertEquals(Transport.MAX_RETRY_AFTER, Transport.retryAfter("9223372036854775807"));
        assertEquals(Transport.MAX_RETRY_AFTER, Transport.retryAfter("99999999999999999999999"));
        assertEquals(Transport.MAX_RETRY_AFTER, Transport.retryAfter("Fri, 31 Dec 9999 23:59:59 GMT"));
        assertEquals("more than 100 years", Transport.humanWait(Transport.retryAfter("9223372036854775807")));
    }

    @Test
    void aLongWaitIsSaidInTheUnitAPersonWouldUse() {
        assertEquals("42 s", Transport.humanWait(Transport.retryAfter("42")));
        assertEquals("15 min", Transport.humanWait(Transport.retryAfter("900")));
        assertEquals("5 h", Transport.humanWait(Transport.retryAfter("18000")));
        assertEquals("1158 days", Transport.humanWait(Transport.retryAfter("99999999")));
    }
}
