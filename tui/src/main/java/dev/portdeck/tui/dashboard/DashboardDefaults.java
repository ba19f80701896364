package dev.portdeck.tui.dashboard;

import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.error.InvalidInput;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.TypeConversionException;

/**
 * The dashboard's defaults from the same config file as the profiles (`$XDG_CONFIG_HOME/portdeck/config.properties`),
 * each overridden by its flag:
 * <pre>
 * dashboard.interval=10s      # --interval
 * dashboard.readonly=true     # --readonly / --no-readonly
 * dashboard.color=false       # --no-color / --color (NO_COLOR still wins over color=true)
 * dashboard.ascii=true        # --ascii / --no-ascii
 * dashboard.sort=-uptime      # --sort; a servers column, "-" for descending
 * </pre>
 *
 * @param interval null when not set; likewise for every field
 */
record DashboardDefaults(Duration interval, Boolean readOnly, Boolean color, Boolean ascii, String sort) {

    static final String PREFIX = "dashboard.";
    static final List<String> SORTABLE = List.of("name", "id", "node", "state", "uptime", "rx/s", "tx/s", "allocs",
            "up");
    private static final Set<String> KEYS = Set.of("interval", "readonly", "color", "ascii", "sort");

    static final DashboardDefaults NONE = new DashboardDefaults(null, null, null, null, null);

    /** What the config file in this environment says; an unknown key or a bad value is an error naming both. */
    static DashboardDefaults read(Map<String, String> env) {
        ConfigFile file = ConfigFile.in(env);
        return parse(file.entries(PREFIX), file.path().toString());
    }

    static DashboardDefaults parse(Map<String, String> entries, String where) {
        Map<String, String> settings = new java.util.TreeMap<>();
        entries.forEach((k, v) -> settings.put(k, v == null ? null : v.strip()));
        for (String key : settings.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidInput("config", where + ": " + PREFIX + key + " is not a dashboard setting (known: "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        return new DashboardDefaults(interval(settings.get("interval"), where), bool(settings, "readonly", where),
                bool(settings, "color", where), bool(settings, "ascii", where), sort(settings.get("sort"), where));
    }

    private static Duration interval(String value, String where) {
        if (value == null) {
            return null;
        }
        try {
            return new DashboardFlags.IntervalConverter().convert(value);
        } catch (TypeConversionException e) {
            throw new InvalidInput("config", where + ": " + PREFIX + "interval: " + e.getMessage());
        }
    }

    private static Boolean bool(Map<String, String> settings, String key, String where) {
        String v = settings.get(key);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Boolean.TRUE;
            case "false", "no", "off" -> Boolean.FALSE;
            default -> throw new InvalidInput("config", where + ": " + PREFIX + key + "='" + v
                    + "' is neither true nor false");
        };
    }

    /** A servers column, optionally "-" first for descending; checked here so a typo is named at start. */
    static String sort(String value, String where) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String column = value.strip().replaceFirst("^-", "").toLowerCase(Locale.ROOT);
        if (!SORTABLE.contains(column)) {
            throw new InvalidInput("sort", where + ": '" + value.strip() + "' is not a column of the servers view ("
                    + String.join(", ", SORTABLE) + "; put - first for descending)");
        }
        return value.strip();
    }
}
