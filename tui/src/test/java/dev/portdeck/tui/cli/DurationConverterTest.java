package dev.portdeck.tui.cli;

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
}
