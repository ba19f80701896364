package dev.portdeck.tui.dashboard;

import java.time.Duration;

/**
 * How the dashboard behaves: from the command line, over the config file's `dashboard.*` defaults.
 *
 * @param interval       time between probe rounds
 * @param timeout        how long one connect may take before it counts as filtered
 * @param readOnly       `--readonly`: every change is disabled
 * @param color          false with `--no-color` or `NO_COLOR`
 * @param ascii          `--ascii`: no Unicode glyphs
 * @param sort           the servers column to sort by at start (its title, any case), or null for the name
 * @param sortDescending sort that column the other way round
 */
public record DashboardOptions(Duration interval, Duration timeout, boolean readOnly, boolean color, boolean ascii,
        String sort, boolean sortDescending) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);

    public DashboardOptions(Duration interval, Duration timeout, boolean readOnly, boolean color, boolean ascii) {
        this(interval, timeout, readOnly, color, ascii, null, false);
    }

    public static DashboardOptions defaults() {
        return new DashboardOptions(DEFAULT_INTERVAL, DEFAULT_TIMEOUT, false, true, false);
    }

    public DashboardOptions withReadOnly(boolean value) {
        return new DashboardOptions(interval, timeout, value, color, ascii, sort, sortDescending);
    }

    public DashboardOptions withColor(boolean value) {
        return new DashboardOptions(interval, timeout, readOnly, value, ascii, sort, sortDescending);
    }

    public DashboardOptions withAscii(boolean value) {
        return new DashboardOptions(interval, timeout, readOnly, color, value, sort, sortDescending);
    }

    /** `uptime` sorts ascending, `-uptime` descending. */
    public DashboardOptions withSort(String column) {
        if (column == null || column.isBlank()) {
            return new DashboardOptions(interval, timeout, readOnly, color, ascii, null, false);
        }
        String c = column.strip();
        boolean descending = c.startsWith("-");
        return new DashboardOptions(interval, timeout, readOnly, color, ascii, descending ? c.substring(1) : c,
                descending);
    }
}
