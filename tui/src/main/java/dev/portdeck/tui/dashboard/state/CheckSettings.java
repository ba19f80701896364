package dev.portdeck.tui.dashboard.state;

import dev.portdeck.probe.choice.CheckOverrides;
import dev.portdeck.probe.choice.ExpectedClosed;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.error.InvalidInput;
import java.util.Map;

/**
 * What the config file says about checks: its `checks.SERVER.PORT = CHECK` overrides, its `expect_closed` ports, and
 * the file itself, where a check chosen in the dashboard can be remembered (null: nowhere, e.g. in tests).
 */
public record CheckSettings(CheckOverrides overrides, ExpectedClosed expectedClosed, ConfigFile file) {

    public static final CheckSettings NONE = new CheckSettings(CheckOverrides.none(), ExpectedClosed.none(), null);

    public CheckSettings {
        overrides = overrides == null ? CheckOverrides.none() : overrides;
        expectedClosed = expectedClosed == null ? ExpectedClosed.none() : expectedClosed;
    }

    /** The file's settings; a bad line is an error naming the file and the line's key. */
    public static CheckSettings read(ConfigFile file) {
        try {
            return new CheckSettings(overrides(file), ExpectedClosed.parse(file.entries(ExpectedClosed.KEY)
                    .get(ExpectedClosed.KEY)), file);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("config", file.path() + ": " + e.getMessage());
        }
    }

    /** The file's `checks.*` lines as they are now. */
    static CheckOverrides overrides(ConfigFile file) {
        Map<String, String> checks = file.entries(CheckOverrides.PREFIX);
        return checks.isEmpty() ? CheckOverrides.none() : CheckOverrides.parse(checks);
    }
}
