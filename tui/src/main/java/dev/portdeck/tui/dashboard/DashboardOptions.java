package dev.portdeck.tui.dashboard;

import java.time.Duration;

/**
 * How the dashboard behaves, from the command line.
 *
 * @param interval time between probe rounds
 * @param timeout  how long one connect may take before it counts as filtered
 * @param readOnly `--readonly`: every change is disabled
 * @param color    false with `--no-color` or `NO_COLOR`
 * @param ascii    `--ascii`: no Unicode glyphs
 */
public record DashboardOptions(Duration interval, Duration timeout, boolean readOnly, boolean color, boolean ascii) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);

    public static DashboardOptions defaults() {
        return new DashboardOptions(DEFAULT_INTERVAL, DEFAULT_TIMEOUT, false, true, false);
    }

    public DashboardOptions withReadOnly(boolean value) {
        return new DashboardOptions(interval, timeout, value, color, ascii);
    }

    public DashboardOptions withColor(boolean value) {
        return new DashboardOptions(interval, timeout, readOnly, value, ascii);
    }

    public DashboardOptions withAscii(boolean value) {
        return new DashboardOptions(interval, timeout, readOnly, color, value);
    }
}
