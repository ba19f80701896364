package dev.portdeck.tui.dashboard;

import dev.portdeck.tui.dashboard.state.CheckSettings;
import dev.portdeck.tui.dashboard.state.ResourcesPace;
import java.net.URI;
import java.time.Duration;

/**
 * How the dashboard behaves: from the command line, over the config file's `dashboard.*` defaults.
 *
 * @param interval       time between probe rounds
 * @param timeout        how long one connect may take before it counts as filtered
 * @param readOnly       `--readonly`: every change to the panel is disabled
 * @param color          false with `--no-color` or `NO_COLOR`
 * @param ascii          `--ascii`: no Unicode glyphs
 * @param sort           the servers column to sort by at start (its title, any case), or null for the name
 * @param sortDescending sort that column the other way round
 * @param checks         the config file's checks and expected-closed ports, and where to remember a chosen check
 * @param prometheus     where to read the allocations' history (`--prometheus`), or null for none
 * @param resources      how often each server's `/resources` is read (on screen, off screen)
 */
public record DashboardOptions(Duration interval, Duration timeout, boolean readOnly, boolean color, boolean ascii,
        String sort, boolean sortDescending, CheckSettings checks, URI prometheus, ResourcesPace resources) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(1500);

    public DashboardOptions {
        checks = checks == null ? CheckSettings.NONE : checks;
        resources = resources == null ? ResourcesPace.DEFAULT : resources;
    }

    public DashboardOptions(Duration interval, Duration timeout, boolean readOnly, boolean color, boolean ascii) {
        this(interval, timeout, readOnly, color, ascii, null, false, CheckSettings.NONE, null, ResourcesPace.DEFAULT);
    }

    public static DashboardOptions defaults() {
        return new DashboardOptions(DEFAULT_INTERVAL, DEFAULT_TIMEOUT, false, true, false);
    }

    public DashboardOptions withReadOnly(boolean value) {
        return new DashboardOptions(interval, timeout, value, color, ascii, sort, sortDescending, checks, prometheus,
                resources);
    }

    public DashboardOptions withColor(boolean value) {
        return new DashboardOptions(interval, timeout, readOnly, value, ascii, sort, sortDescending, checks, prometheus,
                resources);
    }

    public DashboardOptions withAscii(boolean value) {
        return new DashboardOptions(interval, timeout, readOnly, color, value, sort, sortDescending, checks, prometheus,
                resources);
    }

    public DashboardOptions withChecks(CheckSettings value) {
        return new DashboardOptions(interval, timeout, readOnly, color, ascii, sort, sortDescending, value, prometheus,
                resources);
    }

    /** Prometheus to read the history from; null for none. */
    public DashboardOptions withPrometheus(URI value) {
        return new DashboardOptions(interval, timeout, readOnly, color, ascii, sort, sortDescending, checks, value,
                resources);
    }

    /** `uptime` sorts ascending, `-uptime` descending. */
    public DashboardOptions withSort(String column) {
        if (column == null || column.isBlank()) {
            return new DashboardOptions(interval, timeout, readOnly, color, ascii, null, false, checks, prometheus,
                    resources);
        }
        String c = column.strip();
        boolean descending = c.startsWith("-");
        return new DashboardOptions(interval, timeout, readOnly, color, ascii, descending ? c.substring(1) : c,
                descending, checks, prometheus, resources);
    }

    /** How often `/resources` is read (tests make it fast). */
    public DashboardOptions withResources(ResourcesPace value) {
        return new DashboardOptions(interval, timeout, readOnly, color, ascii, sort, sortDescending, checks, prometheus,
                value);
    }
}
