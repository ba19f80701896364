package dev.portdeck.tui.cli.panel;

import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.ConfigFile;
import dev.portdeck.shared.client.PanelAddress;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.client.PanelSettings;
import dev.portdeck.shared.client.Profile;
import dev.portdeck.shared.error.InvalidInput;
import dev.portdeck.shared.model.Page;
import dev.portdeck.shared.model.Server;
import dev.portdeck.tui.cli.common.ExitCode;
import dev.portdeck.tui.cli.common.PanelOptions;
import dev.portdeck.tui.cli.common.PortdeckVersion;
import dev.portdeck.tui.cli.common.Prompt;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `portdeck login`: asks for the client API key (no echo; one line of stdin when there is no terminal), checks it with
 * one GET /api/client, and stores it as a profile in the 0600 config file.
 */
@Command(name = "login", mixinStandardHelpOptions = true, versionProvider = PortdeckVersion.class, sortOptions = false,
        description = "Store a panel URL and client API key as a profile (asked without echo, or read from stdin),"
                + " after checking the key with the panel.")
public final class LoginCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--default", description = "Make this profile the default (the first profile always is).")
    boolean makeDefault;

    @Mixin
    PanelOptions panel;

    @Override
    public Integer call() {
        PanelSettings.Flags flags = panel.flags();
        String profileName = flags.profile() == null ? "default" : flags.profile();
        if (!Profile.isValidName(profileName)) {
            throw new InvalidInput("profile", "a profile name is letters, digits, '.', '_' or '-', not \"" + profileName
                    + "\"");
        }
        Prompt prompt = panel.environment().prompt();
        String urlText = flags.panel() != null ? flags.panel()
                : panel.environment().variables().get(PanelSettings.ENV_URL);
        if (urlText == null || urlText.isBlank()) {
            urlText = prompt.isTerminal() ? prompt.readLine("Panel URL (e.g. https://panel.example.com): ") : null;
        }
        if (urlText == null || urlText.isBlank()) {
            throw new InvalidInput("panel", "say which panel: portdeck login --panel https://panel.example.com");
        }
        URI url = PanelAddress.parse(urlText, flags.allowInsecureHttp());
        ConfigFile file = PanelSettings.from(panel.environment().variables()).configFile();
        file.read(); // refuse a readable file before asking for a secret
        ApiKey key = askKey(prompt, url);
        PanelConfig config = new PanelConfig(url, key,
                flags.connectTimeout() == null ? PanelConfig.DEFAULT_CONNECT_TIMEOUT : flags.connectTimeout(),
                flags.readTimeout() == null ? PanelConfig.DEFAULT_READ_TIMEOUT : flags.readTimeout(),
                flags.allowInsecureHttp()).withAllServers(flags.allServers());
        PrintWriter err = spec.commandLine().getErr();
        PanelOptions.warnAboutApplicationKey(key, err);
        Page<Server> first;
        try (PanelClient client = new PanelClient(config)) {
            first = client.listServers(1, 1);
        }
        file.save(new Profile(profileName, url.toString(), key, flags.allowInsecureHttp(), flags.allServers()),
                makeDefault);
        PrintWriter out = spec.commandLine().getOut();
        out.println("saved profile \"" + profileName + "\" for " + url + " in " + file.path() + " (the key sees "
                + first.total() + " server" + (first.total() == 1 ? "" : "s") + ")");
        out.flush();
        return ExitCode.OK;
    }

    private static ApiKey askKey(Prompt prompt, URI url) {
        char[] secret = prompt.readSecret("Client API key for " + url + " (ptlc_... or pacc_..., not shown): ");
        if (secret == null || new String(secret).isBlank()) {
            throw new InvalidInput("key", "no API key given: type it at the prompt, or pipe it on stdin");
        }
        try {
            return ApiKey.of(new String(secret));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
