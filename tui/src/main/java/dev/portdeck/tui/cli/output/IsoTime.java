package dev.portdeck.tui.cli.output;

import java.time.Instant;

/**
 * An instant as ISO-8601 UTC with nanoseconds ("2026-11-27T04:06:07.277264816Z"), for years 0-9999, written by hand:
 * Instant.toString starts the whole DateTimeFormatter machinery, and even LocalDateTime's class set-up is a visible
 * share of a short `portdeck probe --json` run.
 */
public final class IsoTime {

    private static final long SECONDS_PER_DAY = 86_400;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long DAYS_0000_03_01_TO_EPOCH = 719_468;
    private static final long DAYS_PER_400_YEARS = 146_097;

    private IsoTime() {
    }

    public static void append(Instant instant, StringBuilder out) {
        long days = Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
        int second = (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
        // Count years from March 1st, so the leap day is the last day of a year; then shift back to January.
        long shifted = days + DAYS_0000_03_01_TO_EPOCH;
        long era = Math.floorDiv(shifted, DAYS_PER_400_YEARS);
        int dayOfEra = (int) (shifted - era * DAYS_PER_400_YEARS);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
        digits(out, (int) year, 4).append('-');
        digits(out, month, 2).append('-');
        digits(out, day, 2).append('T');
        digits(out, second / 3600, 2).append(':');
        digits(out, second / 60 % 60, 2).append(':');
        digits(out, second % 60, 2).append('.');
        digits(out, instant.getNano(), 9).append('Z');
    }

    /** {@code value} in exactly {@code count} decimal digits, zero-padded. */
    private static StringBuilder digits(StringBuilder out, int value, int count) {
        int divisor = 1;
        for (int i = 1; i < count; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }
}
