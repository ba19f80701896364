package dev.portdeck.tui.cli;

import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.client.PanelSettings;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.history.PrometheusAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** `--prometheus URL`: where the dashboard reads the allocations' history that portdeck agents leave in Prometheus. */
public final class HistoryOptions {

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Prometheus that scrapes portdeck agents: the dashboard adds 24 h / 7 d availability, \"down"
                    + " since\" and the vantage points (default: $" + PrometheusAddress.ENV + ", then the profile's"
                    + " prometheus setting).")
    String prometheus;

    /** The URL from the flag, the environment or the config file; empty when none is set. */
    public Optional<URI> resolve(PanelOptions panel) {
        Map<String, String> env = panel.environment().variables();
        String profile = panel.flags().profile() != null ? panel.flags().profile() : env.get(PanelSettings.ENV_PROFILE);
        return PrometheusAddress.resolve(prometheus, env, ConfigFile.in(env), profile);
    }
}
