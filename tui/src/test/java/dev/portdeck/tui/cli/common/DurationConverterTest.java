package dev.portdeck.tui.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    private final DurationConverter convert = new DurationConverter();

    @Test
    void plainNumbersAreSecondsAndUnitsAreUnderstood() {
        assertEquals(Duration.ofSeconds(5), convert.convert("5"));
        assertEquals(Duration.ofSeconds(5), convert.convert("5s"));
        assertEquals(Duration.ofMillis(500), convert.convert("500ms"));
        assertEquals(Duration.ofMillis(1500), convert.convert("1.5s"));
        assertEquals(Duration.ofMinutes(2), convert.convert("2m"));
    }

    @Test
    void nonsenseZeroAndHugeValuesAreRefused() {
        assertThrows(CommandLine.TypeConversionException.class, () -> convert.convert("soon"));
        assertThrows(CommandLine.TypeConversionException.class, () -> convert.convert("0"));
        assertThrows(CommandLine.TypeConversionException.class, () -> convert.convert("-1s"));
        assertThrows(CommandLine.TypeConversionException.class, () -> convert.convert("2h"));
        assertThrows(CommandLine.TypeConversionException.class, () -> convert.convert("61m"));
    }

    @Test
    void aTimeoutBelowOneMillisecondIsRefusedNotTakenAsNoTimeout() {
        assertThrows(CommandLine.TypeConversionException.class, () -> convert.convert("0.5ms"));
        assertEquals(Duration.ofMillis(1), convert.convert("1ms"));
    }

    @Test
    void everyCommandReadsTheSameForms() {
        assertEquals(Duration.ofHours(1), convert.convert("1h"));
        assertEquals(Duration.ofSeconds(3), convert.convert("PT3S"));
        assertEquals(Duration.ofSeconds(3), convert.convert("3 s"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("5d"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("1e3"));
        assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse("99999999999h"));
    }
}
