package dev.portdeck.tui.cli.common;

import dev.portdeck.shared.client.ApiKey;
import dev.portdeck.shared.client.PanelClient;
import dev.portdeck.shared.client.PanelConfig;
import dev.portdeck.shared.client.PanelSettings;
import dev.portdeck.shared.error.InvalidInput;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that choose a panel, mixed into the root command and every command that talks to a panel.
 * An option given before the subcommand (`portdeck --panel URL servers`) counts too: the nearest one wins.
 * The API key is never an option: it comes from PORTDECK_API_KEY or a profile written by `portdeck login`.
 */
public final class PanelOptions {

    static final String HOW_TO_CONFIGURE = "no panel is configured: run `portdeck login --panel https://panel.example.com`,"
            + " or set " + PanelSettings.ENV_URL + " and " + PanelSettings.ENV_KEY;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--panel", paramLabel = "URL",
            description = "Panel base URL, e.g. https://panel.example.com (default: $" + PanelSettings.ENV_URL
                    + ", then the profile).")
    String panel;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Profile from the config file (default: $" + PanelSettings.ENV_PROFILE
                    + ", then the file's default).")
    String profile;

    @Option(names = "--allow-insecure-http", description = "Allow http:// to a host that is not loopback.")
    boolean allowInsecureHttp;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Connect timeout, e.g. 5s or 500ms (default: 5s).")
    Duration connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The longest one request to the panel may take, from connecting to the last byte of the"
                    + " answer (default: 15s).")
    Duration readTimeout;

    @Option(names = "--all-servers",
            description = "Include every server your panel user administers, not only your own and those you are a"
                    + " subuser of (the panel's type=admin-all; default: the profile's all_servers setting).")
    boolean allServers;

    @Option(names = {"-v", "--verbose"}, description = "Log each request (never the key) and show stack traces.")
    boolean verbose;

    /**
     * The panel to use, or empty when none is configured anywhere (the dashboard then shows the demo panel). A stored
     * key about to go to another host than its own (--profile with --panel) is said on stderr first.
     */
    public Optional<PanelConfig> resolve() {
        PrintWriter err = mixee == null ? new PrintWriter(System.err, true) : mixee.commandLine().getErr();
        return PanelSettings.from(environment().variables()).resolve(flags(), warning -> {
            err.println("portdeck: warning: " + warning + ".");
            err.flush();
        });
    }

    /** The panel to use; a usage error saying how to configure one when there is none. */
    public PanelConfig require() {
        return resolve().orElseThrow(() -> new InvalidInput("panel", HOW_TO_CONFIGURE));
    }

    /** A client for {@link #require()}, warning on stderr first when the key is an application key. */
    public PanelClient connect() {
        PanelConfig config = require();
        warnAboutApplicationKey(config.key(), mixee.commandLine().getErr());
        return new PanelClient(config);
    }

    public static void warnAboutApplicationKey(ApiKey key, PrintWriter err) {
        if (key.kind() == ApiKey.Kind.APPLICATION) {
            err.println("portdeck: warning: this is an application API key (ptla_/papp_); the client API needs a client"
                    + " key (ptlc_/pacc_) from Account > API Credentials.");
            err.flush();
        }
    }

    /** Whether --verbose was given here or on a parent command. */
    public boolean verbose() {
        return chain().stream().anyMatch(o -> o.verbose);
    }

    public CommandEnvironment environment() {
        return CommandEnvironment.of(mixee);
    }

    /** The flags as given, nearest command first. */
    public PanelSettings.Flags flags() {
        List<PanelOptions> chain = chain();
        return new PanelSettings.Flags(
                first(chain, o -> o.panel), first(chain, o -> o.profile),
                chain.stream().anyMatch(o -> o.allowInsecureHttp),
                first(chain, o -> o.connectTimeout), first(chain, o -> o.readTimeout),
                chain.stream().anyMatch(o -> o.allServers));
    }

    private static <T> T first(List<PanelOptions> chain, java.util.function.Function<PanelOptions, T> field) {
        return chain.stream().map(field).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** This instance, then the PanelOptions mixed into each parent command up to the root. */
    private List<PanelOptions> chain() {
        List<PanelOptions> chain = new ArrayList<>();
        chain.add(this);
        for (CommandSpec spec = mixee == null ? null : mixee.parent(); spec != null; spec = spec.parent()) {
            for (CommandSpec mixin : spec.mixins().values()) {
                if (mixin.userObject() instanceof PanelOptions o && o != this) {
                    chain.add(o);
                }
            }
        }
        return chain;
    }
}
