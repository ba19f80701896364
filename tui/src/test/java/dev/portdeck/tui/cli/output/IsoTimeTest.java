package dev.portdeck.tui.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written date arithmetic agrees with java.time across years 0000-9999. */
class IsoTimeTest {

    private static final DateTimeFormatter JAVA_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static void assertSameAsJavaTime(Instant t) {
        StringBuilder out = new StringBuilder();
        IsoTime.append(t, out);
        assertEquals(JAVA_TIME.format(t), out.toString());
    }

    @Test
    void everyYearsEndsAndLeapDaysComeOutRight() {
        for (int year = 0; year <= 9999; year++) {
            LocalDate march = LocalDate.of(year, 3, 1);
            for (LocalDate day : new LocalDate[] {LocalDate.of(year, 1, 1), march.minusDays(1), march,
                    LocalDate.of(year, 12, 31)}) {
                long second = day.toEpochDay() * 86_400;
                assertSameAsJavaTime(Instant.ofEpochSecond(second));
                assertSameAsJavaTime(Instant.ofEpochSecond(second + 86_399, 999_999_999));
            }
        }
    }

    @Test
    void randomInstantsOfYears0To9999() {
        Random random = new Random(20261127);
        long first = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
        long last = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400 + 86_399;
        for (int i = 0; i < 50_000; i++) {
            long second = first + (long) (random.nextDouble() * (last - first));
            assertSameAsJavaTime(Instant.ofEpochSecond(second, random.nextInt(1_000_000_000)));
        }
    }
}
